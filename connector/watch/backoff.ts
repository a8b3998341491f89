/**
 * How long watch mode waits after a failed poll or cycle: exponential backoff with "equal jitter"
 * (half the step fixed, half drawn at random: never a hot retry, and connectors restarted together
 * do not hammer a recovering Odoo in step), capped, and reset by the first success.
 */
export interface BackoffOptions {
  /** First step, before jitter (default 2 s). */
  readonly baseMs?: number;
  /** Largest step (default 120 s). */
  readonly maxMs?: number;
  /** A uniform draw in [0, 1); injectable so tests can pin the jitter. */
  readonly random?: () => number;
}

export class Backoff {
  readonly #base: number;
  readonly #max: number;
  readonly #random: () => number;
  #failures = 0;

  constructor(options: BackoffOptions = {}) {
    this.#base = options.baseMs ?? 2_000;
    this.#max = options.maxMs ?? 120_000;
    this.#random = options.random ?? Math.random;
  }

  /** The wait before the next attempt, after one more failure. */
  next(): number {
    const step = Math.min(this.#max, this.#base * 2 ** this.#failures);
    this.#failures++;
    return Math.round(step / 2 + this.#random() * (step / 2));
  }

  reset(): void {
    this.#failures = 0;
  }

  /** Failures in a row so far. */
  get failures(): number {
    return this.#failures;
  }
}
