/**
 * XML-RPC encoding with the `xmlrpc` package, adjusted so that decoded values have the shapes
 * JSON-2 gives: `<i8>` becomes a number (the package leaves a string), `<dateTime.iso8601>` stays
 * an Odoo datetime string (the package makes a local-time `Date`), `<base64>` stays a base64
 * string (the package makes a Buffer). Odoo itself sends datetimes and binaries as strings, but a
 * proxy or another server may not. `<nil/>` is `null`, like JSON's `null`.
 */
import { PassThrough } from "node:stream";
import Deserializer from "xmlrpc/lib/deserializer.js";
import { serializeMethodCall } from "xmlrpc/lib/serializer.js";
import type { OdooValue } from "./types.js";

export type XmlRpcOutcome =
  | { readonly ok: true; readonly value: OdooValue }
  | { readonly ok: false; readonly faultCode: number | string; readonly faultString: string };

/** The response was not an XML-RPC methodResponse. */
export class XmlRpcDecodeError extends Error {}

export function encodeMethodCall(method: string, params: readonly unknown[]): string {
  return serializeMethodCall(method, params.map(dropUndefined));
}

export function decodeMethodResponse(xml: string): Promise<XmlRpcOutcome> {
  return new Promise((resolve, reject) => {
    const deserializer = odooDeserializer();
    const stream = new PassThrough();
    deserializer.deserializeMethodResponse(stream, (error, value) => {
      if (!error) resolve({ ok: true, value: (value ?? null) as OdooValue });
      else if (error.faultCode !== undefined) {
        resolve({ ok: false, faultCode: error.faultCode, faultString: error.faultString ?? "" });
      } else reject(new XmlRpcDecodeError(error.message));
    });
    stream.end(xml, "utf8");
  });
}

function odooDeserializer(): Deserializer {
  const deserializer = new Deserializer("utf8");
  deserializer.endI8 = (data) => {
    const value = Number(data.trim());
    if (!Number.isSafeInteger(value)) throw new Error(`integer out of range: '${data}'`);
    deserializer.push(value);
    deserializer.value = false;
  };
  deserializer.endDateTime = (data) => {
    deserializer.push(toOdooDatetime(data.trim()));
    deserializer.value = false;
  };
  deserializer.endBase64 = (data) => {
    deserializer.push(data.replace(/\s+/g, ""));
    deserializer.value = false;
  };
  return deserializer;
}

/** `20240318T10:15:00` or `2024-03-18T10:15:00` → `2024-03-18 10:15:00` (the literal wall time). */
function toOdooDatetime(iso: string): string {
  const match = /^(\d{4})-?(\d{2})-?(\d{2})T(\d{2}):?(\d{2}):?(\d{2})/.exec(iso);
  if (!match) throw new Error(`malformed dateTime.iso8601 '${iso}'`);
  const [, year, month, day, hour, minute, second] = match;
  return `${year}-${month}-${day} ${hour}:${minute}:${second}`;
}

/** The serializer turns `undefined` into an empty `<value/>`, which Python reads as `""`. */
function dropUndefined(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(dropUndefined);
  if (
    value !== null &&
    typeof value === "object" &&
    !Buffer.isBuffer(value) &&
    !(value instanceof Date)
  ) {
    const clean: Record<string, unknown> = {};
    for (const [key, member] of Object.entries(value)) {
      if (member !== undefined) clean[key] = dropUndefined(member);
    }
    return clean;
  }
  return value;
}
