/** The most periods one demand history may span: 20 years of weeks. Beyond it, a typo is likelier. */
export const MAX_PERIOD_SPAN = 1040;

/**
 * Item × period quantities on a grid that widens as rows arrive in any order, so a file is read in
 * one pass without knowing its period range first. Rows for the same item and period add up.
 */
export class DemandGrid {
  private base = 0;
  private width = 0;
  private values = new Float64Array(0);
  private first = Number.POSITIVE_INFINITY;
  private last = Number.NEGATIVE_INFINITY;

  constructor(private readonly itemCount: number) {}

  /** The period ordinals seen so far, or undefined before the first row. */
  get range(): { first: number; last: number } | undefined {
    return this.first <= this.last ? { first: this.first, last: this.last } : undefined;
  }

  /**
   * Whether a period may join the grid without the history spanning more than `MAX_PERIOD_SPAN`.
   */
  accepts(ordinal: number): boolean {
    if (this.first > this.last) return true;
    return Math.max(this.last, ordinal) - Math.min(this.first, ordinal) < MAX_PERIOD_SPAN;
  }

  add(item: number, ordinal: number, quantity: number): void {
    let column = ordinal - this.base;
    if (column < 0 || column >= this.width) {
      this.widen(ordinal);
      column = ordinal - this.base;
    }
    if (ordinal < this.first) this.first = ordinal;
    if (ordinal > this.last) this.last = ordinal;
    this.values[item * this.width + column] =
      (this.values[item * this.width + column] as number) + quantity;
  }

  /** Quantities, row-major, on exactly the periods `first`..`last` (widened to `through`, if later). */
  toRows(through?: number): { first: number; periodCount: number; quantities: Float64Array } {
    if (through !== undefined && through > this.last) this.add(0, through, 0);
    const range = this.range;
    if (range === undefined) return { first: 0, periodCount: 0, quantities: new Float64Array(0) };
    const periodCount = range.last - range.first + 1;
    if (periodCount === this.width && range.first === this.base) {
      return { first: range.first, periodCount, quantities: this.values };
    }
    const quantities = new Float64Array(this.itemCount * periodCount);
    const offset = range.first - this.base;
    for (let item = 0; item < this.itemCount; item++) {
      const from = item * this.width + offset;
      quantities.set(this.values.subarray(from, from + periodCount), item * periodCount);
    }
    return { first: range.first, periodCount, quantities };
  }

  /** Reallocates so `ordinal` fits, with room to spare so a file sorted by period grows rarely. */
  private widen(ordinal: number): void {
    const first = Math.min(this.first, ordinal);
    const last = Math.max(this.last, ordinal);
    const needed = last - first + 1;
    let width: number;
    let base: number;
    if (this.width === 0) {
      width = Math.max(needed, 64);
      base = ordinal;
    } else {
      width = Math.max(needed, Math.ceil(this.width * 1.5));
      // Grow towards the side the new period lies on.
      base = ordinal < this.base ? last - width + 1 : first;
    }
    const values = new Float64Array(this.itemCount * width);
    if (this.width > 0) {
      // Only the occupied periods move; the old spare room may lie outside the new grid.
      const occupied = this.last - this.first + 1;
      const oldOffset = this.first - this.base;
      const newOffset = this.first - base;
      for (let item = 0; item < this.itemCount; item++) {
        const from = item * this.width + oldOffset;
        values.set(this.values.subarray(from, from + occupied), item * width + newOffset);
      }
    }
    this.base = base;
    this.width = width;
    this.values = values;
  }
}
