import type { AbcClass } from "./types.js";

/** Cumulative-share cut-offs of {@link abcClasses}. */
export interface AbcCutoffs {
  /** Default 0.80. */
  readonly a?: number;
  /** Default 0.95. */
  readonly b?: number;
}

/**
 * ABC classes by annual consumption value (annual demand × unit cost). Items are ranked by value,
 * highest first (ties keep input order); an item is A while the items ranked above it hold less than
 * `a` of the total value, B while they hold less than `b`, C otherwise. So the item that crosses 80 %
 * is still A, and a single item holding 90 % of the value is A. Items without value are C.
 * @param values annual consumption value per item; not modified.
 * @param cutoffs `a` (default 0.8) and `b` (default 0.95).
 * @returns one class per item, in input order.
 * @throws {RangeError} on a negative or non-finite value.
 * @example
 * abcClasses([50, 5, 30, 15]); // ["A", "C", "A", "B"]
 */
export function abcClasses(values: ArrayLike<number>, cutoffs: AbcCutoffs = {}): AbcClass[] {
  const a = cutoffs.a ?? 0.8;
  const b = cutoffs.b ?? 0.95;
  const count = values.length;
  let total = 0;
  for (let i = 0; i < count; i++) {
    const value = values[i] as number;
    if (!(value >= 0) || !Number.isFinite(value)) {
      throw new RangeError(
        `consumption value of item ${i} must be a finite number ≥ 0, got ${value}`,
      );
    }
    total += value;
  }
  const order = Array.from({ length: count }, (_, i) => i);
  order.sort((left, right) => (values[right] as number) - (values[left] as number) || left - right);
  const classes: AbcClass[] = new Array(count).fill("C");
  let before = 0;
  for (const item of order) {
    const value = values[item] as number;
    if (value <= 0) break;
    const share = before / total;
    classes[item] = share < a ? "A" : share < b ? "B" : "C";
    before += value;
  }
  return classes;
}
