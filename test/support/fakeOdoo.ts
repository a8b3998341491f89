/**
 * A local HTTP server that speaks Odoo 19's real protocols — JSON-2 (statuses, JSON error bodies)
 * and XML-RPC (XML in and out, faults) — for the connector's CI tests. It answers from, in order:
 * injected faults, its credential/database checks, an in-memory `FakeStore` (stateful tests),
 * then recorded fixtures (contract tests). Anything else is a loud "no fixture" error.
 *
 * ```ts
 * const fake = await startFakeOdoo({ fixtures: loadFixtures() });   // or { store }
 * const config = { ...fake.connection, transport: "json2" };          // a ConnectionConfig
 * fake.injectFault({ kind: "status", status: 429, retryAfter: "1" }, { match: { method: "search_read" }, times: 2 });
 * fake.calls;   // every request: protocol, model, method, arguments, fault, status
 * await fake.close();
 * ```
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { createServer as createTlsServer } from "node:https";
import type { AddressInfo, Socket } from "node:net";
import {
  type FakeFault,
  type FaultMatch,
  type FaultRule,
  malformedBody,
  takeFault,
} from "./fakeFaults.js";
import { Responder } from "./fakeResponder.js";
import { FakeOdooFailure, htmlPage, json2Error, renderFailure } from "./fakeResponses.js";
import { FakeStore } from "./fakeStore.js";
import type { FixtureSet, RecordedResponse } from "./fixtures.js";
import { type OdooRequest, parseOdooRequest, UnroutableRequest } from "./odooRequest.js";

export interface FakeOdooOptions {
  /** Recorded answers to replay (see `loadFixtures`). */
  readonly fixtures?: FixtureSet | undefined;
  /** Models served statefully; takes precedence over fixtures for its models. */
  readonly store?: FakeStore | undefined;
  readonly db?: string;
  readonly apiKey?: string;
  readonly login?: string;
  readonly password?: string;
  readonly uid?: number;
  /** Server version to report (default: the recorded one, else 19.0). Below 19, `/json/2` is a 404. */
  readonly serverVersion?: readonly [major: number, minor: number];
  /** Serve HTTPS with this certificate (see `test/support/tls/`). */
  readonly tls?: { readonly cert: string | Buffer; readonly key: string | Buffer };
}

/** A request as the fake received it (see `OdooRequest`), and what became of it. */
export interface FakeCall extends Omit<OdooRequest, "credentials"> {
  /** The injected fault that hit this request, if any. */
  readonly fault?: FakeFault["kind"] | undefined;
  /** HTTP status sent; undefined when the connection was dropped. */
  status?: number | undefined;
}

export interface FakeOdoo {
  /** Base URL, e.g. `http://127.0.0.1:41234`. */
  readonly url: string;
  readonly db: string;
  readonly apiKey: string;
  readonly login: string;
  readonly password: string;
  readonly uid: number;
  /** Settings for `loadConnectionConfig`-style use: url, database, apiKey, login. */
  readonly connection: { url: string; database: string; apiKey: string; login: string };
  readonly store: FakeStore;
  /** Every request received, in order (faulted ones included). */
  readonly calls: FakeCall[];
  /** The most requests that were being handled at the same moment. */
  readonly maxInFlight: number;
  /** Makes the next `times` (default 1) requests matching `match` fail with `fault`. */
  injectFault(fault: FakeFault, options?: { match?: FaultMatch; times?: number }): void;
  clearFaults(): void;
  close(): Promise<void>;
}

export async function startFakeOdoo(options: FakeOdooOptions = {}): Promise<FakeOdoo> {
  const settings = {
    db: options.db ?? "fake_odoo",
    apiKey: options.apiKey ?? "fake-odoo-api-key-0123456789abcdef01234567",
    login: options.login ?? "admin",
    password: options.password ?? "admin-password",
    uid: options.uid ?? 2,
  };
  const store = options.store ?? new FakeStore();
  const calls: FakeCall[] = [];
  const rules: FaultRule[] = [];
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve();
      }, ms);
      timers.add(timer);
    });

  const responder = new Responder(settings, store, options);

  let inFlight = 0;
  let maxInFlight = 0;
  const listener = (request: IncomingMessage, response: ServerResponse) => {
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    void handle(request, response)
      .catch((error: unknown) => {
        if (!response.headersSent && !response.destroyed) {
          send(response, json2Error(500, "fake_odoo.InternalError", String(error)));
        }
      })
      .finally(() => {
        inFlight -= 1;
      });
  };
  const server = options.tls
    ? createTlsServer({ cert: options.tls.cert, key: options.tls.key }, listener)
    : createServer(listener);
  server.on("connection", (socket: Socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const body = await readBody(request);
    let parsed: OdooRequest;
    try {
      parsed = await parseOdooRequest(
        request.method ?? "GET",
        request.url ?? "/",
        request.headers,
        body,
      );
    } catch (error) {
      const notFound = error instanceof UnroutableRequest;
      send(
        response,
        notFound
          ? htmlPage(404, "404 Not Found", "The requested URL was not found on the server.")
          : json2Error(
              400,
              "werkzeug.exceptions.BadRequest",
              `could not parse the request: ${String(error)}`,
            ),
      );
      return;
    }
    const fault = takeFault(rules, parsed);
    const { credentials: _credentials, ...received } = parsed;
    const call: FakeCall = { ...received, fault: fault?.kind };
    calls.push(call);
    if (fault?.kind === "destroy-socket" && fault.when !== "after") {
      request.socket.destroy();
      return;
    }
    if (fault?.kind === "delay") await sleep(fault.ms);
    const answer = fault ? faultAnswer(fault, parsed) : undefined;
    const result = answer ?? responder.answer(parsed, fault?.kind === "expired-key");
    if (fault?.kind === "destroy-socket") {
      request.socket.destroy();
      return;
    }
    if (response.destroyed || request.socket.destroyed) return;
    call.status = result.status;
    send(response, result);
  }

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `${options.tls ? "https" : "http"}://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    ...settings,
    get maxInFlight() {
      return maxInFlight;
    },
    connection: { url, database: settings.db, apiKey: settings.apiKey, login: settings.login },
    store,
    calls,
    injectFault(fault, { match = {}, times = 1 } = {}) {
      rules.push({ fault, match, remaining: times });
    },
    clearFaults() {
      rules.length = 0;
    },
    close() {
      for (const timer of timers) clearTimeout(timer);
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/** Answers for faults that replace the normal answer (undefined: handle normally). */
function faultAnswer(fault: FakeFault, request: OdooRequest): RecordedResponse | undefined {
  switch (fault.kind) {
    case "status": {
      const page = htmlPage(
        fault.status,
        `${fault.status} Injected`,
        "Injected by the fake Odoo server.",
      );
      return { ...page, ...(fault.body ? { body: fault.body } : {}), retryAfter: fault.retryAfter };
    }
    case "server-error": {
      const failure = new FakeOdooFailure(
        "server",
        fault.message ?? "injected server failure",
        fault.exceptionName ?? "psycopg2.OperationalError",
      );
      return renderFailure(request.protocol === "xmlrpc" ? "xmlrpc" : "json2", failure);
    }
    case "malformed":
      return {
        status: 200,
        contentType: request.protocol === "xmlrpc" ? "text/xml" : "application/json",
        body: malformedBody(request.protocol),
      };
    default:
      return undefined;
  }
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}

function send(response: ServerResponse, answer: RecordedResponse): void {
  const headers: Record<string, string> = { "Content-Type": answer.contentType };
  if (answer.retryAfter !== undefined) headers["Retry-After"] = answer.retryAfter;
  response.writeHead(answer.status, headers);
  response.end(answer.body);
}
