/** Bounds how many requests are in flight at once, so a sync never floods the Odoo workers. */
export class Semaphore {
  readonly #waiting: (() => void)[] = [];
  #available: number;

  constructor(readonly limit: number) {
    if (!Number.isInteger(limit) || limit < 1) {
      throw new RangeError(`concurrency must be a positive integer, got ${limit}`);
    }
    this.#available = limit;
  }

  /** Waits for a slot; the returned function frees it (call it exactly once). */
  async acquire(): Promise<() => void> {
    if (this.#available > 0) this.#available -= 1;
    else await new Promise<void>((resolve) => this.#waiting.push(resolve));
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.#waiting.shift();
      if (next) next();
      else this.#available += 1;
    };
  }
}
