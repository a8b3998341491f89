import type { DemandEvents } from "./plant.js";

/**
 * Collects demand events column-wise while the generator walks product by product, then orders
 * them by day with a counting sort (linear: the days of a history are few).
 */
export class DemandEventLog {
  private size = 0;
  private day = new Int32Array(1024);
  private product = new Int32Array(1024);
  private quantity = new Float64Array(1024);
  private kind = new Uint8Array(1024);

  add(day: number, product: number, quantity: number, kind: number): void {
    if (this.size === this.day.length) this.grow();
    this.day[this.size] = day;
    this.product[this.size] = product;
    this.quantity[this.size] = quantity;
    this.kind[this.size] = kind;
    this.size++;
  }

  /**
   * The events in day order; within a day, in the order they were added.
   * @param firstDay the earliest day any event can have.
   * @param dayCount how many days the history holds.
   */
  sortedByDay(firstDay: number, dayCount: number): DemandEvents {
    const starts = new Int32Array(dayCount + 1);
    for (let event = 0; event < this.size; event++) {
      const slot = (this.day[event] as number) - firstDay + 1;
      starts[slot] = (starts[slot] as number) + 1;
    }
    for (let offset = 1; offset <= dayCount; offset++) {
      starts[offset] = (starts[offset] as number) + (starts[offset - 1] as number);
    }
    const day = new Int32Array(this.size);
    const product = new Int32Array(this.size);
    const quantity = new Float64Array(this.size);
    const kind = new Uint8Array(this.size);
    for (let event = 0; event < this.size; event++) {
      const offset = (this.day[event] as number) - firstDay;
      const target = starts[offset] as number;
      starts[offset] = target + 1;
      day[target] = this.day[event] as number;
      product[target] = this.product[event] as number;
      quantity[target] = this.quantity[event] as number;
      kind[target] = this.kind[event] as number;
    }
    return { count: this.size, day, product, quantity, kind };
  }

  private grow(): void {
    const capacity = this.day.length * 2;
    this.day = grown(this.day, new Int32Array(capacity));
    this.product = grown(this.product, new Int32Array(capacity));
    this.quantity = grown(this.quantity, new Float64Array(capacity));
    this.kind = grown(this.kind, new Uint8Array(capacity));
  }
}

function grown<T extends Int32Array | Float64Array | Uint8Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
