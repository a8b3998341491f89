/**
 * XML-RPC (every Odoo version; deprecated in 19, removal planned for 22): `authenticate` on
 * `/xmlrpc/2/common` gives the uid once, then each call is `execute_kw(db, uid, secret, model,
 * method, args, kwargs)` on `/xmlrpc/2/object`. The secret is the password or an API key; both
 * need the login. Faults are mapped by `xmlrpcFaults.ts`.
 */
import { OdooAuthError, OdooProtocolError } from "./errors.js";
import { errorFromHttpStatus } from "./httpErrors.js";
import type { RequestContext } from "./requestContext.js";
import { versionFromXmlRpc } from "./serverVersion.js";
import type { OdooTransport, RpcCall, TransportSettings } from "./transport.js";
import type { OdooServerVersion, OdooValue } from "./types.js";
import { decodeMethodResponse, encodeMethodCall } from "./xmlrpcCodec.js";
import { errorFromFault, isNoneResultFault } from "./xmlrpcFaults.js";

export interface XmlRpcTransportOptions extends TransportSettings {
  readonly login: string;
  /** Password or API key. */
  readonly secret: string;
}

export class XmlRpcTransport implements OdooTransport {
  readonly kind = "xmlrpc";
  readonly #options: XmlRpcTransportOptions;
  #uid: Promise<number> | undefined;

  constructor(options: XmlRpcTransportOptions) {
    this.#options = options;
  }

  async call(call: RpcCall): Promise<OdooValue> {
    const { database, secret, redact } = this.#options;
    const uid = await this.uid();
    const context: RequestContext = {
      transport: this.kind,
      model: call.model,
      method: call.method,
      redact,
    };
    const { args, kwargs } = positional(call);
    return this.#invoke(
      "object",
      "execute_kw",
      [database, uid, secret, call.model, call.method, args, kwargs],
      context,
    );
  }

  /** The uid from `authenticate`, asked once and shared by concurrent calls. */
  uid(): Promise<number> {
    if (!this.#uid) {
      this.#uid = this.#authenticate();
      // A failed attempt is not cached: a connection error now must not poison later calls.
      this.#uid.catch(() => {
        this.#uid = undefined;
      });
    }
    return this.#uid;
  }

  async #authenticate(): Promise<number> {
    const { database, login, secret, redact } = this.#options;
    const context: RequestContext = {
      transport: this.kind,
      model: "res.users",
      method: "authenticate",
      redact,
    };
    const uid = await this.#invoke(
      "common",
      "authenticate",
      [database, login, secret, {}],
      context,
    );
    if (typeof uid === "number") return uid;
    throw new OdooAuthError(
      `login "${login}" refused by database "${database}": wrong password or API key`,
      {
        transport: this.kind,
        model: context.model,
        method: context.method,
      },
    );
  }

  version(): Promise<OdooServerVersion> {
    return versionFromXmlRpc(this.#options.channel, {
      transport: this.kind,
      redact: this.#options.redact,
    });
  }

  close(): void {
    this.#options.channel.close();
  }

  async #invoke(
    service: "common" | "object",
    method: string,
    params: readonly unknown[],
    context: RequestContext,
  ): Promise<OdooValue> {
    const response = await this.#options.channel.send(
      {
        method: "POST",
        path: `/xmlrpc/2/${service}`,
        headers: { "Content-Type": "text/xml; charset=utf-8", Accept: "text/xml" },
        body: encodeMethodCall(method, params),
      },
      context,
    );
    if (response.status !== 200) {
      throw errorFromHttpStatus(response, {}, context, this.#options.clock.now());
    }
    const outcome = await decodeMethodResponse(response.body).catch((error: unknown) => {
      throw new OdooProtocolError(
        `malformed XML-RPC answer: ${context.redact(String((error as Error).message ?? error))}`,
        {
          model: context.model,
          method: context.method,
          transport: context.transport,
          httpStatus: response.status,
        },
      );
    });
    if (outcome.ok) return outcome.value;
    // The method ran and committed; Odoo only failed to encode its `None` result.
    if (isNoneResultFault(outcome.faultCode, outcome.faultString)) return null;
    throw errorFromFault(outcome.faultCode, outcome.faultString, context);
  }
}

/**
 * Ids go first in `args` for record methods. `create` must get its list positionally too: Odoo's
 * `call_kw` reads `args[0]` to shape create's result and fails with IndexError on a keyword
 * `vals_list` (`odoo/service/model.py`), rolling the create back.
 */
function positional(call: RpcCall): { args: readonly unknown[]; kwargs: RpcCall["kwargs"] } {
  const args: unknown[] = call.ids === undefined ? [] : [call.ids];
  if (call.method === "create" && call.kwargs.vals_list !== undefined) {
    const { vals_list, ...kwargs } = call.kwargs;
    return { args: [...args, vals_list], kwargs };
  }
  return { args, kwargs: call.kwargs };
}
