/**
 * The one HTTP client both transports share (axios): keep-alive agents sized to the concurrency,
 * TLS verified unless explicitly disabled, a wall-clock timeout per request, and network failures
 * turned into `OdooConnectionError`/`OdooTimeoutError`. Axios errors are never passed on as
 * `cause`: they hold the request config, Authorization header included.
 */
import http from "node:http";
import https from "node:https";
import axios, { type AxiosInstance } from "axios";
import { OdooConnectionError, OdooTimeoutError, OdooTlsError } from "./errors.js";
import type { RequestContext } from "./requestContext.js";

export interface HttpChannelOptions {
  /** Base URL of the Odoo server, e.g. `https://erp.example.com` (a path prefix is kept). */
  readonly url: string;
  readonly timeoutMs: number;
  /** Sockets kept per host; match the client's concurrency. */
  readonly maxSockets: number;
  /** Skip TLS certificate verification. Only for test servers; the client warns when set. */
  readonly insecureTls?: boolean | undefined;
  /** PEM bundle of extra certificate authorities (a private CA), read by the caller. */
  readonly ca?: string | Buffer | undefined;
}

export interface HttpRequest {
  readonly method: "GET" | "POST";
  /** Path below the base URL, starting with `/`. */
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string | undefined;
}

export interface HttpResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

const IDLE_SOCKET_MS = 4_000;

/** Failures where the request never left this machine or never reached a server. */
const NOT_SENT_CODES = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EADDRNOTAVAIL",
]);

/** Certificate problems: sending again cannot help, and the hint is different. */
const TLS_CODE = /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|HOSTNAME_MISMATCH|TLS|SSL/;

export class HttpChannel {
  readonly #axios: AxiosInstance;
  readonly #agents: readonly (http.Agent | https.Agent)[];
  readonly #timeoutMs: number;

  constructor(options: HttpChannelOptions) {
    // Idle sockets are dropped after a few seconds, before a server or proxy closes them: a request
    // written on a socket the server just closed fails as "maybe sent", and a create is not retried.
    const pool = { keepAlive: true, maxSockets: options.maxSockets, timeout: IDLE_SOCKET_MS };
    const httpAgent = new http.Agent(pool);
    const httpsAgent = new https.Agent({
      ...pool,
      rejectUnauthorized: !options.insecureTls,
      ...(options.ca ? { ca: options.ca } : {}),
    });
    this.#agents = [httpAgent, httpsAgent];
    this.#timeoutMs = options.timeoutMs;
    this.#axios = axios.create({
      baseURL: options.url.replace(/\/+$/, ""),
      httpAgent,
      httpsAgent,
      maxRedirects: 0,
      maxBodyLength: Number.POSITIVE_INFINITY,
      maxContentLength: Number.POSITIVE_INFINITY,
      responseType: "arraybuffer",
      transformResponse: [(data: unknown) => data],
      validateStatus: () => true,
    });
  }

  async send(request: HttpRequest, context: RequestContext): Promise<HttpResponse> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.#timeoutMs);
    try {
      const response = await this.#axios.request<ArrayBuffer>({
        method: request.method,
        url: request.path,
        headers: request.headers,
        data: request.body,
        signal: controller.signal,
      });
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(response.headers)) {
        if (typeof value === "string") headers[name.toLowerCase()] = value;
        else if (Array.isArray(value)) headers[name.toLowerCase()] = value.join(", ");
      }
      return {
        status: response.status,
        headers,
        body: Buffer.from(response.data ?? new ArrayBuffer(0)).toString("utf8"),
      };
    } catch (error) {
      throw this.#networkError(error, controller.signal.aborted, context);
    } finally {
      clearTimeout(timer);
    }
  }

  #networkError(error: unknown, timedOut: boolean, context: RequestContext) {
    const details = { model: context.model, method: context.method, transport: context.transport };
    if (timedOut) {
      return new OdooTimeoutError(`no answer within ${this.#timeoutMs} ms`, {
        ...details,
        timeoutMs: this.#timeoutMs,
      });
    }
    const systemCode = systemCodeOf(error);
    const reason = context.redact(error instanceof Error ? error.message : String(error));
    if (systemCode && TLS_CODE.test(systemCode)) {
      return new OdooTlsError(
        `TLS certificate rejected (${reason}); set ODOO_CA_FILE to your CA bundle`,
        { ...details, systemCode, requestSent: false },
      );
    }
    return new OdooConnectionError(`cannot reach Odoo: ${reason}`, {
      ...details,
      systemCode,
      requestSent: !(systemCode && NOT_SENT_CODES.has(systemCode)),
    });
  }

  /** Frees the keep-alive sockets so the process can exit. */
  close(): void {
    for (const agent of this.#agents) agent.destroy();
  }
}

function systemCodeOf(error: unknown): string | undefined {
  if (typeof error !== "object" || error === null) return undefined;
  const code = (error as { code?: unknown }).code;
  const cause = (error as { cause?: { code?: unknown } }).cause;
  if (typeof cause?.code === "string") return cause.code;
  return typeof code === "string" ? code : undefined;
}
