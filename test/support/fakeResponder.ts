/**
 * The fake server's normal answer to a request, after faults: database and credential checks
 * (recorded role answers when loaded), then the in-memory store, then recorded fixtures.
 */
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
import type { FakeStore } from "./fakeStore.js";
import { type FixtureRole, type FixtureSet, type RecordedResponse, roleKey } from "./fixtures.js";
import { type OdooRequest, requestKey } from "./odooRequest.js";

export const JSON2_SINCE_MAJOR = 19;

export interface ResponderOptions {
  readonly fixtures?: FixtureSet | undefined;
  readonly serverVersion?: readonly [major: number, minor: number] | undefined;
}

export interface FakeSettings {
  readonly db: string;
  readonly apiKey: string;
  readonly login: string;
  readonly password: string;
  readonly uid: number;
}

/** Produces the normal answer to a request: checks, store, fixtures. */
export class Responder {
  constructor(
    readonly settings: FakeSettings,
    readonly store: FakeStore,
    readonly options: ResponderOptions,
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
