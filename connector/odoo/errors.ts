/**
 * Typed errors for every failure of a call to Odoo, whichever transport carried it.
 * Callers branch on `error.code` (or `instanceof`); every error keeps the model and method called,
 * the HTTP status, and the server's exception name and message. Messages never carry credentials:
 * the transports build them from the server's answer only, after redaction.
 */
import type { TransportKind } from "./types.js";

export type OdooErrorCode =
  | "auth"
  | "access"
  | "validation"
  | "not_found"
  | "connection"
  | "timeout"
  | "server"
  | "rate_limit"
  | "protocol";

export interface OdooErrorDetails {
  readonly model?: string | undefined;
  readonly method?: string | undefined;
  readonly transport?: TransportKind | undefined;
  /** HTTP status of the response; XML-RPC faults arrive with 200. */
  readonly httpStatus?: number | undefined;
  /** The server's exception, e.g. `odoo.exceptions.ValidationError` or `builtins.ValueError`. */
  readonly exceptionName?: string | undefined;
  /** The server's own message, without the traceback. */
  readonly serverMessage?: string | undefined;
  /** The server's traceback when it sent one (kept out of `toJSON`: long and for humans). */
  readonly serverTrace?: string | undefined;
}

export abstract class OdooError extends Error {
  abstract readonly code: OdooErrorCode;
  readonly model: string | undefined;
  readonly method: string | undefined;
  readonly transport: TransportKind | undefined;
  readonly httpStatus: number | undefined;
  readonly exceptionName: string | undefined;
  readonly serverMessage: string | undefined;
  readonly serverTrace: string | undefined;

  constructor(summary: string, details: OdooErrorDetails = {}) {
    super(describe(summary, details));
    this.name = new.target.name;
    this.model = details.model;
    this.method = details.method;
    this.transport = details.transport;
    this.httpStatus = details.httpStatus;
    this.exceptionName = details.exceptionName;
    this.serverMessage = details.serverMessage;
    this.serverTrace = details.serverTrace;
  }

  /** True when the same request may succeed if sent again later (transient failure). */
  get retryable(): boolean {
    return false;
  }

  toJSON(): Record<string, string | number | boolean | undefined> {
    return {
      name: this.name,
      code: this.code,
      message: this.message,
      model: this.model,
      method: this.method,
      transport: this.transport,
      httpStatus: this.httpStatus,
      exceptionName: this.exceptionName,
      serverMessage: this.serverMessage,
      retryable: this.retryable,
    };
  }
}

function describe(summary: string, details: OdooErrorDetails): string {
  const where = details.model
    ? `${details.model}${details.method ? `.${details.method}` : ""}: `
    : "";
  const facts = [
    details.exceptionName,
    details.httpStatus ? `HTTP ${details.httpStatus}` : undefined,
  ]
    .filter(Boolean)
    .join(", ");
  return `${where}${summary}${facts ? ` (${facts})` : ""}`;
}

/** Bad or expired API key, wrong password, unknown login (HTTP 401, XML-RPC fault 3). */
export class OdooAuthError extends OdooError {
  readonly code = "auth";
}

/** The user lacks the rights, or the method is private (HTTP 403, XML-RPC fault 4). */
export class OdooAccessError extends OdooError {
  readonly code = "access";
}

/** UserError, ValidationError, a constraint, or arguments the method does not take (HTTP 422, fault 2). */
export class OdooValidationError extends OdooError {
  readonly code = "validation";
}

/** Unknown model, method or database, or a record that no longer exists (HTTP 404). */
export class OdooNotFoundError extends OdooError {
  readonly code = "not_found";
}

export interface OdooConnectionErrorDetails extends OdooErrorDetails {
  /** The system error code, e.g. `ECONNREFUSED`, `ECONNRESET`, `ENOTFOUND`. */
  readonly systemCode?: string | undefined;
  /**
   * False when the request surely never reached Odoo (refused, unresolvable host): then even a
   * non-idempotent call can be sent again. True when the connection broke after sending.
   */
  readonly requestSent: boolean;
}

/** The server could not be reached, or the connection broke before a full answer arrived. */
export class OdooConnectionError extends OdooError {
  readonly code = "connection";
  readonly systemCode: string | undefined;
  readonly requestSent: boolean;

  constructor(summary: string, details: OdooConnectionErrorDetails) {
    super(summary, details);
    this.systemCode = details.systemCode;
    this.requestSent = details.requestSent;
  }

  override get retryable(): boolean {
    return true;
  }

  override toJSON(): Record<string, string | number | boolean | undefined> {
    return { ...super.toJSON(), systemCode: this.systemCode, requestSent: this.requestSent };
  }
}

/** A certificate the client does not trust: a connection error that sending again cannot fix. */
export class OdooTlsError extends OdooConnectionError {
  override get retryable(): boolean {
    return false;
  }
}

/** No complete answer within the timeout; the server may still have done the work. */
export class OdooTimeoutError extends OdooError {
  readonly code = "timeout";
  readonly timeoutMs: number;

  constructor(summary: string, details: OdooErrorDetails & { readonly timeoutMs: number }) {
    super(summary, details);
    this.timeoutMs = details.timeoutMs;
  }

  override get retryable(): boolean {
    return true;
  }

  override toJSON(): Record<string, string | number | boolean | undefined> {
    return { ...super.toJSON(), timeoutMs: this.timeoutMs };
  }
}

/**
 * Python errors that are bugs or bad input, not passing trouble: sending the same request again
 * gives the same answer (Odoo answers an invalid field in a domain with a 500 `ValueError`).
 */
const DETERMINISTIC_SERVER_EXCEPTIONS = new Set([
  "builtins.ValueError",
  "builtins.TypeError",
  "builtins.KeyError",
  "builtins.AttributeError",
  "builtins.IndexError",
  "builtins.AssertionError",
  "builtins.NameError",
  "builtins.ZeroDivisionError",
  "builtins.NotImplementedError",
  "builtins.RecursionError",
]);

/** HTTP 5xx or XML-RPC fault 1: the server failed. Retried unless the exception is deterministic. */
export class OdooServerError extends OdooError {
  readonly code = "server";

  override get retryable(): boolean {
    return !(this.exceptionName && DETERMINISTIC_SERVER_EXCEPTIONS.has(this.exceptionName));
  }
}

/** HTTP 429: too many requests. `retryAfterMs` comes from the `Retry-After` header when sent. */
export class OdooRateLimitError extends OdooError {
  readonly code = "rate_limit";
  readonly retryAfterMs: number | undefined;

  constructor(
    summary: string,
    details: OdooErrorDetails & { readonly retryAfterMs?: number | undefined },
  ) {
    super(summary, details);
    this.retryAfterMs = details.retryAfterMs;
  }

  override get retryable(): boolean {
    return true;
  }

  override toJSON(): Record<string, string | number | boolean | undefined> {
    return { ...super.toJSON(), retryAfterMs: this.retryAfterMs };
  }
}

/** A payload that is not what the protocol promises: malformed JSON/XML, a redirect, a 400. */
export class OdooProtocolError extends OdooError {
  readonly code = "protocol";
}

export function isOdooError(value: unknown): value is OdooError {
  return value instanceof OdooError;
}
