/**
 * Counts requests per model and method, for benchmarks ("RPC calls per sync") and run reports.
 * Plug `stats.logger` into `connectOdoo(config, { logger })`.
 */
import type { OdooLogger, RequestSummary } from "./logger.js";

export interface MethodStats {
  /** Attempts sent, retries included. */
  requests: number;
  retries: number;
  failures: number;
  totalMs: number;
}

export class RequestStats {
  readonly #byMethod = new Map<string, MethodStats>();

  readonly logger: OdooLogger = {
    request: (summary: RequestSummary) => {
      const key = `${summary.model}.${summary.method}`;
      const stats = this.#byMethod.get(key) ?? { requests: 0, retries: 0, failures: 0, totalMs: 0 };
      stats.requests += 1;
      stats.totalMs += summary.durationMs;
      if (summary.attempt > 1) stats.retries += 1;
      if (summary.outcome !== "ok") stats.failures += 1;
      this.#byMethod.set(key, stats);
    },
  };

  /** Requests sent so far, retries included. */
  get requests(): number {
    let total = 0;
    for (const stats of this.#byMethod.values()) total += stats.requests;
    return total;
  }

  /** A copy of the counters, keyed `model.method`. */
  snapshot(): Record<string, MethodStats> {
    return Object.fromEntries([...this.#byMethod].map(([key, stats]) => [key, { ...stats }]));
  }
}
