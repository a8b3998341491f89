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
import {
  FakeOdooFailure,
  htmlPage,
  json2Error,
  json2Result,
  pythonTraceback,
  renderFailure,
  xmlrpcFault,
  xmlrpcResult,
} from "./fakeResponses.js";
import { FakeStore } from "./fakeStore.js";
import { type FixtureRole, type FixtureSet, type RecordedResponse, roleKey } from "./fixtures.js";
import {
  type OdooRequest,
  parseOdooRequest,
  requestKey,
  UnroutableRequest,
} from "./odooRequest.js";

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

const JSON2_SINCE_MAJOR = 19;

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

interface FakeSettings {
  readonly db: string;
  readonly apiKey: string;
  readonly login: string;
  readonly password: string;
  readonly uid: number;
}

/** Produces the normal answer to a request: checks, store, fixtures. */
class Responder {
  constructor(
    readonly settings: FakeSettings,
    readonly store: FakeStore,
    readonly options: FakeOdooOptions,
  ) {}

  answer(request: OdooRequest, keyExpired: boolean): RecordedResponse {
    if (request.protocol === "web") return this.#version("web");
    if (request.protocol === "json2" && this.#major() < JSON2_SINCE_MAJOR) {
      return htmlPage(404, "404 Not Found", "The requested URL was not found on the server.");
    }
    const { credentials } = request;
    const secretOk = (secret: string | undefined) =>
      !keyExpired && (secret === this.settings.apiKey || secret === this.settings.password);
    if (request.protocol === "json2") {
      if (credentials.database !== undefined && credentials.database !== this.settings.db)
        return this.#role(request, "unknown-database");
      if (keyExpired || credentials.apiKey !== this.settings.apiKey)
        return this.#role(request, "invalid-credentials");
      return this.#dispatch(request, "json2");
    }
    if (request.service === "common") {
      if (request.method === "version") return this.#version("xmlrpc");
      if (request.method !== "authenticate")
        return xmlrpcFault(1, pythonTraceback("Exception", `Method not found: ${request.method}`));
      if (credentials.database !== this.settings.db) return this.#role(request, "unknown-database");
      if (credentials.login !== this.settings.login || !secretOk(credentials.secret))
        return this.#role(request, "invalid-credentials");
      return xmlrpcResult(this.settings.uid);
    }
    if (credentials.database !== this.settings.db) return this.#role(request, "unknown-database");
    if (credentials.uid !== this.settings.uid || !secretOk(credentials.secret))
      return this.#role(request, "invalid-credentials");
    return this.#dispatch(request, "xmlrpc");
  }

  #dispatch(request: OdooRequest, protocol: "json2" | "xmlrpc"): RecordedResponse {
    if (!this.store.has(request.model)) return this.#fixture(request, protocol);
    try {
      const result = this.#runInStore(request, protocol);
      if (protocol === "json2") return json2Result(result ?? null);
      // Odoo's XML-RPC marshaller refuses None after the call has committed.
      if (result === undefined || result === null)
        return xmlrpcFault(
          1,
          pythonTraceback("TypeError", "cannot marshal None unless allow_none is enabled"),
        );
      return xmlrpcResult(result);
    } catch (error) {
      if (error instanceof FakeOdooFailure) return renderFailure(protocol, error);
      throw error;
    }
  }

  #runInStore(request: OdooRequest, protocol: "json2" | "xmlrpc"): unknown {
    const { model, method } = request;
    const isModelMethod = this.store.isModelMethod(model, method);
    if (protocol === "json2") {
      if (isModelMethod && request.ids !== undefined && request.ids.length > 0) {
        throw new FakeOdooFailure("bad-arguments", `cannot call ${model}.${method} with ids`);
      }
      return this.store.dispatch(model, method, request.ids, [], request.kwargs);
    }
    if (isModelMethod) {
      // Odoo's call_kw shapes create's result from args[0]: a keyword vals_list fails (IndexError).
      if (method === "create" && request.args.length === 0)
        throw new FakeOdooFailure("server", "list index out of range", "builtins.IndexError");
      return this.store.dispatch(model, method, undefined, request.args, request.kwargs);
    }
    const [ids, ...args] = request.args;
    if (!Array.isArray(ids))
      throw new FakeOdooFailure(
        "bad-arguments",
        `${method}() missing 1 required positional argument: 'ids'`,
      );
    return this.store.dispatch(model, method, ids as number[], args, request.kwargs);
  }

  #fixture(request: OdooRequest, protocol: "json2" | "xmlrpc"): RecordedResponse {
    if (!this.options.fixtures) {
      // A store-only fake is an Odoo that has just the store's models.
      return renderFailure(protocol, new FakeOdooFailure("unknown-model", request.model));
    }
    const key = requestKey(request);
    const fixture = this.options.fixtures?.byKey.get(key);
    if (fixture) return fixture.response;
    const message = `fake Odoo: no fixture and no store model for ${key}`;
    return request.protocol === "json2"
      ? json2Error(500, "fake_odoo.MissingFixture", message)
      : xmlrpcFault(1, pythonTraceback("fake_odoo.MissingFixture", message));
  }

  #role(request: OdooRequest, role: FixtureRole): RecordedResponse {
    const recorded = this.options.fixtures?.byRole.get(
      roleKey(request.protocol, request.service, role),
    );
    if (recorded) return recorded.response;
    if (request.protocol === "json2") {
      return role === "invalid-credentials"
        ? json2Error(401, "werkzeug.exceptions.Unauthorized", "Invalid apikey")
        : htmlPage(
            404,
            "404 Not Found",
            "No database is selected and the requested URL was not found in the server-wide controllers.",
          );
    }
    if (role === "unknown-database") {
      return xmlrpcFault(
        1,
        pythonTraceback(
          "psycopg2.OperationalError",
          `connection to server failed: FATAL:  database "${request.credentials.database}" does not exist`,
        ),
      );
    }
    return request.service === "common" ? xmlrpcResult(false) : xmlrpcFault(3, "Access Denied");
  }

  #major(): number {
    return this.options.serverVersion?.[0] ?? JSON2_SINCE_MAJOR;
  }

  #version(protocol: "web" | "xmlrpc"): RecordedResponse {
    if (!this.options.serverVersion) {
      const key = protocol === "web" ? "web web.version {}" : "xmlrpc common.version {}";
      const recorded = this.options.fixtures?.byKey.get(key);
      if (recorded) return recorded.response;
    }
    const [major, minor] = this.options.serverVersion ?? [JSON2_SINCE_MAJOR, 0];
    const info = [major, minor, 0, "final", 0, ""];
    const version = `${major}.${minor}`;
    return protocol === "web"
      ? json2Result({ version_info: info, version })
      : xmlrpcResult({
          server_version: version,
          server_version_info: info,
          server_serie: version,
          protocol_version: 1,
        });
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
