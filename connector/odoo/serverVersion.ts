/**
 * Reads the server version without credentials: `GET /web/version` (JSON, Odoo 15+), else
 * XML-RPC `/xmlrpc/2/common` `version` (every version; logs a deprecation warning on 19).
 */
import { OdooError, OdooProtocolError } from "./errors.js";
import type { HttpChannel } from "./httpChannel.js";
import type { RequestContext } from "./requestContext.js";
import type { OdooServerVersion, OdooValue } from "./types.js";
import { decodeMethodResponse, encodeMethodCall } from "./xmlrpcCodec.js";

export async function versionFromWeb(
  channel: HttpChannel,
  context: RequestContext,
): Promise<OdooServerVersion> {
  const response = await channel.send(
    { method: "GET", path: "/web/version", headers: { Accept: "application/json" } },
    context,
  );
  if (response.status !== 200) {
    throw new OdooProtocolError(`GET /web/version answered HTTP ${response.status}`, {
      transport: context.transport,
      httpStatus: response.status,
    });
  }
  let body: unknown;
  try {
    body = JSON.parse(response.body);
  } catch {
    throw new OdooProtocolError("GET /web/version did not answer JSON", {
      transport: context.transport,
    });
  }
  const record = (body ?? {}) as { version?: unknown; version_info?: unknown };
  return parseServerVersion(record.version, record.version_info, context);
}

export async function versionFromXmlRpc(
  channel: HttpChannel,
  context: RequestContext,
): Promise<OdooServerVersion> {
  const response = await channel.send(
    {
      method: "POST",
      path: "/xmlrpc/2/common",
      headers: { "Content-Type": "text/xml" },
      body: encodeMethodCall("version", []),
    },
    context,
  );
  if (response.status !== 200) {
    throw new OdooProtocolError(`/xmlrpc/2/common version answered HTTP ${response.status}`, {
      transport: context.transport,
      httpStatus: response.status,
    });
  }
  const outcome = await decodeMethodResponse(response.body).catch(() => undefined);
  if (!outcome?.ok) {
    throw new OdooProtocolError("/xmlrpc/2/common version did not answer a version", {
      transport: context.transport,
    });
  }
  const record = (outcome.value ?? {}) as {
    server_version?: OdooValue;
    server_version_info?: OdooValue;
  };
  return parseServerVersion(record.server_version, record.server_version_info, context);
}

/** Tries `/web/version`, then XML-RPC; the error of the first attempt wins when both fail. */
export async function detectServerVersion(
  channel: HttpChannel,
  context: RequestContext,
): Promise<OdooServerVersion> {
  try {
    return await versionFromWeb(channel, context);
  } catch (webError) {
    if (webError instanceof OdooError && webError.code !== "protocol") throw webError;
    try {
      return await versionFromXmlRpc(channel, { ...context, transport: "xmlrpc" });
    } catch {
      throw webError;
    }
  }
}

function parseServerVersion(
  version: unknown,
  info: unknown,
  context: RequestContext,
): OdooServerVersion {
  const parts = Array.isArray(info)
    ? info.filter((part) => typeof part === "string" || typeof part === "number")
    : [];
  const major =
    typeof parts[0] === "number"
      ? parts[0]
      : Number.parseInt(String(version).replace(/^saas~/, ""), 10);
  const minor =
    typeof parts[1] === "number"
      ? parts[1]
      : Number.parseInt(String(version).split(".")[1] ?? "0", 10);
  if (typeof version !== "string" || !Number.isFinite(major)) {
    throw new OdooProtocolError(
      `the server reported no usable version (${JSON.stringify(version)})`,
      {
        transport: context.transport,
      },
    );
  }
  return { version, major, minor: Number.isFinite(minor) ? minor : 0, info: parts };
}
