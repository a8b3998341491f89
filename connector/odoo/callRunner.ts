/**
 * Runs one logical call through a transport: bounded concurrency, retries per `retryPolicy.ts`,
 * one redacted summary per attempt. The slot is given back while waiting to retry, so a backoff
 * never holds up other calls.
 */
import type { Clock } from "./clock.js";
import { isOdooError } from "./errors.js";
import { type OdooLogger, type RequestSummary, safely } from "./logger.js";
import { type RetryOptions, retryDelay } from "./retryPolicy.js";
import type { Semaphore } from "./semaphore.js";
import type { OdooTransport, RpcCall } from "./transport.js";
import type { OdooValue } from "./types.js";

export interface CallRunnerOptions {
  readonly transport: OdooTransport;
  readonly semaphore: Semaphore;
  readonly retry: RetryOptions;
  readonly clock: Clock;
  readonly random: () => number;
  readonly logger?: OdooLogger | undefined;
}

export class CallRunner {
  readonly #options: CallRunnerOptions;

  constructor(options: CallRunnerOptions) {
    this.#options = options;
  }

  /** @param idempotent whether sending the call twice is harmless (decides what may be retried). */
  async run(call: RpcCall, idempotent: boolean): Promise<OdooValue> {
    const { transport, semaphore, retry, clock, random, logger } = this.#options;
    for (let attempt = 1; ; attempt++) {
      const release = await semaphore.acquire();
      const started = clock.now();
      const report = (outcome: Pick<RequestSummary, "outcome" | "httpStatus" | "retryInMs">) =>
        safely(logger?.request, {
          transport: transport.kind,
          model: call.model,
          method: call.method,
          attempt,
          durationMs: clock.now() - started,
          ...outcome,
        });
      try {
        const result = await transport.call(call);
        release();
        report({ outcome: "ok" });
        return result;
      } catch (error) {
        release();
        if (!isOdooError(error)) throw error;
        const delay = retryDelay(error, attempt, idempotent, retry, random);
        report({ outcome: error.code, httpStatus: error.httpStatus, retryInMs: delay });
        if (delay === undefined) throw error;
        await clock.sleep(delay);
      }
    }
  }
}
