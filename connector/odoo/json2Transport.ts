/**
 * JSON-2 (Odoo 19+): `POST /json/2/<model>/<method>` with the named arguments as the JSON body,
 * `Authorization: bearer <API key>` and `X-Odoo-Database`. The result is bare JSON; errors come
 * with a status and `{name, message, arguments, context, debug}` (`addons/rpc/controllers/json2.py`,
 * `Json2Dispatcher.handle_error` in `odoo/http.py`). An unknown database gets an HTML 404 page.
 */
import { type OdooError, OdooNotFoundError, OdooProtocolError } from "./errors.js";
import type { HttpResponse } from "./httpChannel.js";
import { errorFromHttpStatus, type ServerFailure } from "./httpErrors.js";
import type { RequestContext } from "./requestContext.js";
import { versionFromWeb } from "./serverVersion.js";
import type { OdooTransport, RpcCall, TransportSettings } from "./transport.js";
import type { OdooServerVersion, OdooValue } from "./types.js";

export interface Json2TransportOptions extends TransportSettings {
  readonly apiKey: string;
}

export class Json2Transport implements OdooTransport {
  readonly kind = "json2";
  readonly #options: Json2TransportOptions;

  constructor(options: Json2TransportOptions) {
    this.#options = options;
  }

  async call(call: RpcCall): Promise<OdooValue> {
    const { channel, database, apiKey, redact } = this.#options;
    const context: RequestContext = {
      transport: this.kind,
      model: call.model,
      method: call.method,
      redact,
    };
    const body = call.ids === undefined ? call.kwargs : { ids: call.ids, ...call.kwargs };
    const response = await channel.send(
      {
        method: "POST",
        path: `/json/2/${encodeURIComponent(call.model)}/${encodeURIComponent(call.method)}`,
        headers: {
          Authorization: `bearer ${apiKey}`,
          "X-Odoo-Database": database,
          "Content-Type": "application/json; charset=utf-8",
          Accept: "application/json",
        },
        body: JSON.stringify(body),
      },
      context,
    );
    if (response.status === 200) return parseResult(response, context);
    throw this.#failure(response, context);
  }

  version(): Promise<OdooServerVersion> {
    return versionFromWeb(this.#options.channel, {
      transport: this.kind,
      redact: this.#options.redact,
    });
  }

  close(): void {
    this.#options.channel.close();
  }

  #failure(response: HttpResponse, context: RequestContext): OdooError {
    const failure = readErrorBody(response.body);
    if (response.status === 404 && !failure) {
      // Odoo's HTML 404: no database matched, or no JSON-2 route at all (Odoo before 19).
      const summary = /No database is selected/i.test(response.body)
        ? `database "${this.#options.database}" not found on this server (X-Odoo-Database)`
        : "no JSON-2 endpoint at /json/2: Odoo 19 or later is required (or set ODOO_TRANSPORT=xmlrpc)";
      return new OdooNotFoundError(summary, {
        model: context.model,
        method: context.method,
        transport: context.transport,
        httpStatus: 404,
      });
    }
    return errorFromHttpStatus(response, failure ?? {}, context, this.#options.clock.now());
  }
}

function parseResult(response: HttpResponse, context: RequestContext): OdooValue {
  try {
    return JSON.parse(response.body) as OdooValue;
  } catch {
    throw new OdooProtocolError(`malformed JSON in the answer (${response.body.length} bytes)`, {
      model: context.model,
      method: context.method,
      transport: context.transport,
      httpStatus: response.status,
    });
  }
}

/** Odoo's JSON error body, or undefined when the body is something else (HTML from a proxy). */
function readErrorBody(body: string): ServerFailure | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return undefined;
  }
  if (typeof parsed !== "object" || parsed === null) return undefined;
  const { name, message, debug } = parsed as { name?: unknown; message?: unknown; debug?: unknown };
  if (typeof name !== "string" && typeof message !== "string") return undefined;
  return {
    exceptionName: typeof name === "string" ? name : undefined,
    serverMessage: typeof message === "string" ? message : undefined,
    serverTrace: typeof debug === "string" && debug !== "" ? debug : undefined,
  };
}
