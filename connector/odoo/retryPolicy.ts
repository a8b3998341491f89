/**
 * When to send a failed call again, and after how long.
 *
 * Only transient failures are retried: connection errors, timeouts, 5xx (except deterministic
 * Python errors) and 429 — never another 4xx. A call that is not idempotent (`create`, most
 * model methods) is retried only when Odoo surely did not process it: the connection was
 * refused/unresolvable, or a 429. A create that timed out, or whose connection broke after
 * sending, may have committed; sending it again could duplicate records, so the error goes to the
 * caller, who can check (the write-back layer uses idempotency keys) or pass `idempotent: true`.
 *
 * Delays use exponential backoff with full jitter (a uniform draw in [0, min(max, base·2^n)]), and
 * never less than the server's `Retry-After`.
 */
import { OdooConnectionError, type OdooError, OdooRateLimitError } from "./errors.js";

export interface RetryOptions {
  /** Further attempts after the first (default 3). */
  readonly maxRetries: number;
  /** Backoff scale: the cap for the first retry is `2 × baseDelayMs` (default 250 ms). */
  readonly baseDelayMs: number;
  /** Cap of one backoff delay (default 10 s). */
  readonly maxDelayMs: number;
  /** A longer `Retry-After` fails the call at once instead of waiting (default 60 s). */
  readonly maxRetryAfterMs: number;
}

export const defaultRetryOptions: RetryOptions = {
  maxRetries: 3,
  baseDelayMs: 250,
  maxDelayMs: 10_000,
  maxRetryAfterMs: 60_000,
};

/**
 * The delay before attempt `retryNumber` (1 for the first retry), or `undefined` not to retry.
 * @param random a uniform draw in [0, 1); injectable so tests can pin the jitter.
 */
export function retryDelay(
  error: OdooError,
  retryNumber: number,
  idempotent: boolean,
  options: RetryOptions,
  random: () => number,
): number | undefined {
  if (retryNumber > options.maxRetries || !error.retryable) return undefined;
  if (!idempotent && !surelyNotProcessed(error)) return undefined;
  const cap = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** retryNumber);
  const jitter = Math.floor(random() * cap);
  if (error instanceof OdooRateLimitError && error.retryAfterMs !== undefined) {
    if (error.retryAfterMs > options.maxRetryAfterMs) return undefined;
    return Math.max(error.retryAfterMs, jitter);
  }
  return jitter;
}

function surelyNotProcessed(error: OdooError): boolean {
  if (error instanceof OdooConnectionError) return !error.requestSent;
  return error instanceof OdooRateLimitError;
}
