/**
 * What the client tells the outside world. Summaries name the model and method, never the
 * arguments, the credentials or the headers: they are safe to ship to any log.
 */
import type { OdooErrorCode } from "./errors.js";
import type { TransportKind } from "./types.js";

export interface RequestSummary {
  readonly transport: TransportKind;
  readonly model: string;
  readonly method: string;
  /** 1 for the first attempt of a call. */
  readonly attempt: number;
  readonly durationMs: number;
  readonly outcome: "ok" | OdooErrorCode;
  readonly httpStatus?: number | undefined;
  /** Set when this attempt failed and the call will be sent again after this delay. */
  readonly retryInMs?: number | undefined;
}

export interface OdooLogger {
  /** Called once per attempt, after it ends. */
  request?(summary: RequestSummary): void;
  /** Configuration hazards, e.g. TLS verification turned off. */
  warn?(message: string): void;
}

/** Calls a hook without letting a faulty logger break the call it reports on. */
export function safely<T>(hook: ((value: T) => void) | undefined, value: T): void {
  try {
    hook?.(value);
  } catch {
    // a logger must never change the outcome of a call
  }
}
