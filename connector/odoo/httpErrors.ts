/**
 * Maps an HTTP status (and what the body told us) to the typed error, the same way for both
 * transports: JSON-2 answers errors with statuses, and proxies in front of either transport
 * answer 429/502/503/504 with HTML.
 */
import {
  OdooAccessError,
  OdooAuthError,
  type OdooError,
  OdooNotFoundError,
  OdooProtocolError,
  OdooRateLimitError,
  OdooServerError,
  OdooValidationError,
} from "./errors.js";
import type { HttpResponse } from "./httpChannel.js";
import type { RequestContext } from "./requestContext.js";

/** What the server said about its failure, when it said anything usable. */
export interface ServerFailure {
  readonly exceptionName?: string | undefined;
  readonly serverMessage?: string | undefined;
  readonly serverTrace?: string | undefined;
}

export function errorFromHttpStatus(
  response: HttpResponse,
  failure: ServerFailure,
  context: RequestContext,
  now: number,
): OdooError {
  const { status } = response;
  const details = {
    model: context.model,
    method: context.method,
    transport: context.transport,
    httpStatus: status,
    exceptionName: failure.exceptionName,
    serverMessage: failure.serverMessage && context.redact(failure.serverMessage),
    serverTrace: failure.serverTrace && context.redact(failure.serverTrace),
  };
  const said = (fallback: string) => details.serverMessage ?? fallback;

  if (status === 401) return new OdooAuthError(said("invalid or expired credentials"), details);
  if (status === 403) {
    return failure.exceptionName === "odoo.exceptions.AccessDenied"
      ? new OdooAuthError(said("access denied"), details)
      : new OdooAccessError(said("access refused"), details);
  }
  if (status === 404) return new OdooNotFoundError(said("not found"), details);
  // 409 is Odoo's LockError, a UserError like 422: XML-RPC reports both as fault 2.
  if (status === 422 || status === 409) return new OdooValidationError(said("rejected"), details);
  if (status === 429) {
    const retryAfterMs = parseRetryAfter(response.headers["retry-after"], now);
    return new OdooRateLimitError(said("too many requests"), { ...details, retryAfterMs });
  }
  if (status >= 500) return new OdooServerError(said("server error"), details);
  if (status >= 300 && status < 400) {
    const location = response.headers.location ?? "another address";
    return new OdooProtocolError(
      `the server redirected to ${context.redact(location)}; set ODOO_URL to the final address`,
      details,
    );
  }
  return new OdooProtocolError(said(`unexpected HTTP status ${status}`), details);
}

/** `Retry-After` is either delay-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfter(value: string | undefined, now: number): number | undefined {
  if (value === undefined || value.trim() === "") return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
