/**
 * A pass-through HTTP proxy to a live Odoo that keeps every exchange as a `Fixture`: the request
 * keyed exactly as the fake server will key it, and Odoo's raw answer. Used by
 * `scripts/record-odoo-fixtures.ts`, so fixtures hold precisely what the connector sends.
 */
import { createServer, request as httpRequest, type IncomingMessage } from "node:http";
import { request as httpsRequest } from "node:https";
import type { AddressInfo } from "node:net";
import { type Fixture, type FixtureRole, redactSecrets, stripTracebackSource } from "./fixtures.js";
import { parseOdooRequest, requestKey } from "./odooRequest.js";

export interface RecordingProxy {
  readonly url: string;
  /** Every exchange so far, sanitised. */
  readonly fixtures: Fixture[];
  /** Label (and role) given to the exchanges that follow. */
  tag(label: string, role?: FixtureRole): void;
  close(): Promise<void>;
}

export async function startRecordingProxy(
  target: string,
  secrets: readonly string[],
): Promise<RecordingProxy> {
  const fixtures: Fixture[] = [];
  let label = "";
  let role: FixtureRole | undefined;
  const base = new URL(target);
  const server = createServer(async (incoming, outgoing) => {
    const body = await readAll(incoming);
    const upstream = await forward(base, incoming, body);
    const parsed = await parseOdooRequest(
      incoming.method ?? "GET",
      incoming.url ?? "/",
      incoming.headers,
      body.toString("utf8"),
    );
    const contentType = String(upstream.headers["content-type"] ?? "");
    const retryAfter = upstream.headers["retry-after"];
    fixtures.push({
      label,
      key: requestKey(parsed),
      protocol: parsed.protocol,
      service: parsed.service,
      model: parsed.model,
      method: parsed.method,
      role,
      response: {
        status: upstream.status,
        contentType,
        body: sanitiseBody(upstream.body, contentType, secrets),
        ...(typeof retryAfter === "string" ? { retryAfter } : {}),
      },
    });
    outgoing.writeHead(upstream.status, { "Content-Type": contentType });
    outgoing.end(upstream.body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    fixtures,
    tag(nextLabel, nextRole) {
      label = nextLabel;
      role = nextRole;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Redacts secrets and drops Odoo source lines from tracebacks (XML faults and JSON `debug`). */
function sanitiseBody(body: string, contentType: string, secrets: readonly string[]): string {
  let clean = redactSecrets(body, secrets);
  if (contentType.includes("json")) {
    const parsed: unknown = JSON.parse(clean);
    if (
      parsed &&
      typeof parsed === "object" &&
      !Array.isArray(parsed) &&
      typeof (parsed as { debug?: unknown }).debug === "string"
    ) {
      const withDebug = parsed as { debug: string };
      withDebug.debug = stripTracebackSource(withDebug.debug);
      clean = JSON.stringify(withDebug);
    }
  } else {
    clean = stripTracebackSource(clean);
  }
  return clean;
}

function forward(
  base: URL,
  incoming: IncomingMessage,
  body: Buffer,
): Promise<{ status: number; headers: IncomingMessage["headers"]; body: string }> {
  const send = base.protocol === "https:" ? httpsRequest : httpRequest;
  // Ask for an uncompressed answer: the body is stored as text.
  const { "accept-encoding": _encoding, ...rest } = incoming.headers;
  const headers = { ...rest, host: base.host };
  return new Promise((resolve, reject) => {
    const upstream = send(
      {
        protocol: base.protocol,
        hostname: base.hostname,
        port: base.port,
        path: `${base.pathname.replace(/\/$/, "")}${incoming.url ?? "/"}`,
        method: incoming.method,
        headers,
      },
      async (response) =>
        resolve({
          status: response.statusCode ?? 0,
          headers: response.headers,
          body: (await readAll(response)).toString("utf8"),
        }),
    );
    upstream.on("error", reject);
    upstream.end(body);
  });
}

function readAll(stream: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on("data", (chunk: Buffer) => chunks.push(chunk));
    stream.on("end", () => resolve(Buffer.concat(chunks)));
    stream.on("error", reject);
  });
}
