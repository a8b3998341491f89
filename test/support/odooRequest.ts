/**
 * Reads an incoming HTTP request the way Odoo 19 routes it: JSON-2 (`POST /json/2/<model>/<method>`),
 * XML-RPC (`POST /xmlrpc/2/common|object`) or the version page (`GET /web/version`). Shared by the
 * fake server and the recording proxy, so both key a request the same way. XML-RPC is decoded
 * with the `xmlrpc` package's own deserializer, not the connector's codec under test.
 */
import { PassThrough } from "node:stream";
import Deserializer from "xmlrpc/lib/deserializer.js";

export type WireProtocol = "json2" | "xmlrpc" | "web";

/** Credentials as the request carried them (never written to fixtures). */
export interface RequestCredentials {
  readonly database?: string | undefined;
  readonly apiKey?: string | undefined;
  readonly login?: string | undefined;
  readonly secret?: string | undefined;
  readonly uid?: number | undefined;
}

export interface OdooRequest {
  readonly protocol: WireProtocol;
  /** `object`/`common` for XML-RPC, `json2` or `web` otherwise. */
  readonly service: string;
  /** The model, or the service name for `common` and `web` calls. */
  readonly model: string;
  readonly method: string;
  readonly ids?: readonly number[] | undefined;
  /** Positional arguments after the ids (XML-RPC only). */
  readonly args: readonly unknown[];
  readonly kwargs: Readonly<Record<string, unknown>>;
  readonly credentials: RequestCredentials;
}

export class UnroutableRequest extends Error {}

export async function parseOdooRequest(
  method: string,
  path: string,
  headers: Readonly<Record<string, string | string[] | undefined>>,
  body: string,
): Promise<OdooRequest> {
  const cleanPath = path.split("?")[0] ?? "";
  if ((cleanPath === "/web/version" || cleanPath === "/json/version") && method === "GET") {
    return {
      protocol: "web",
      service: "web",
      model: "web",
      method: "version",
      args: [],
      kwargs: {},
      credentials: {},
    };
  }
  const json2 = /^\/json\/2\/([^/]+)\/([^/]+)$/.exec(cleanPath);
  if (json2 && method === "POST") return parseJson2(json2, headers, body);
  const xmlrpc = /^\/xmlrpc\/2\/(common|object)$/.exec(cleanPath);
  if (xmlrpc && method === "POST") return parseXmlRpc(xmlrpc[1] ?? "", body);
  throw new UnroutableRequest(`${method} ${cleanPath}`);
}

function parseJson2(
  match: RegExpExecArray,
  headers: Readonly<Record<string, string | string[] | undefined>>,
  body: string,
): OdooRequest {
  const parsed: unknown = body.trim() === "" ? {} : JSON.parse(body);
  const { ids, ...kwargs } = (parsed ?? {}) as { ids?: number[] } & Record<string, unknown>;
  const authorization = String(headers.authorization ?? "");
  const database = headers["x-odoo-database"];
  return {
    protocol: "json2",
    service: "json2",
    model: decodeURIComponent(match[1] ?? ""),
    method: decodeURIComponent(match[2] ?? ""),
    ids,
    args: [],
    kwargs,
    credentials: {
      apiKey: /^bearer\s+(.+)$/i.exec(authorization)?.[1],
      database: typeof database === "string" ? database : undefined,
    },
  };
}

async function parseXmlRpc(service: string, body: string): Promise<OdooRequest> {
  const { name, params } = await decodeMethodCall(body);
  if (service === "common") {
    const [database, login, secret] = params as [string?, string?, string?];
    const credentials =
      name === "authenticate" || name === "login" ? { database, login, secret } : {};
    return {
      protocol: "xmlrpc",
      service,
      model: "common",
      method: name,
      args: [],
      kwargs: {},
      credentials,
    };
  }
  const [database, uid, secret, model, method, args = [], kwargs = {}] = params as [
    string,
    number,
    string,
    string,
    string,
    unknown[]?,
    Record<string, unknown>?,
  ];
  return {
    protocol: "xmlrpc",
    service,
    model,
    method,
    args,
    kwargs: kwargs ?? {},
    credentials: { database, uid, secret },
  };
}

export function decodeMethodCall(xml: string): Promise<{ name: string; params: unknown[] }> {
  return new Promise((resolve, reject) => {
    const stream = new PassThrough();
    new Deserializer("utf8").deserializeMethodCall(stream, (error, name, params) => {
      if (error || !name) reject(error ?? new Error("no method name"));
      else resolve({ name, params: params ?? [] });
    });
    stream.end(xml, "utf8");
  });
}

/**
 * The request's identity for fixtures: protocol, model, method and the arguments, without the
 * database and credentials, as canonical JSON (object keys sorted).
 */
export function requestKey(request: OdooRequest): string {
  const params =
    request.protocol === "json2"
      ? { ids: request.ids, ...request.kwargs }
      : request.protocol === "xmlrpc" && request.service === "object"
        ? { args: request.args, kwargs: request.kwargs }
        : {};
  return `${request.protocol} ${request.model}.${request.method} ${canonicalJson(params)}`;
}

export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, member: unknown) =>
    member && typeof member === "object" && !Array.isArray(member)
      ? Object.fromEntries(Object.entries(member).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : member,
  );
}
