/** Options of {@link detectPromisedDelayChange}. */
export interface PromisedDelayOptions {
  /** A longer promise escalates when it grows by at least this share of the old one. Default 0.2. */
  readonly escalateShare?: number;
  /** …or by at least this many days. Default 5. */
  readonly escalateDays?: number;
}

/** A vendor's new promised lead time for a product. */
export interface PromisedDelayChange {
  readonly direction: "up" | "down";
  readonly beforeDays: number;
  readonly afterDays: number;
  readonly changeDays: number;
  /** Change as a share of the old promise (Infinity from a 0-day promise). */
  readonly changeShare: number;
  /** Large enough a lengthening to raise the items it supplies at once. */
  readonly escalates: boolean;
}

/**
 * Compares a vendor line's promised delay (Odoo `product.supplierinfo.delay`) before and after an
 * edit. Any change is reported; a lengthening escalates when it adds at least `escalateShare` of
 * the old promise or `escalateDays` days, because a reorder point set for the old promise now
 * covers too little of the wait. A shorter promise never escalates (it is good news until the
 * receipts prove it).
 * @param beforeDays the promise before the edit; `afterDays` the promise now (days, ≥ 0).
 * @returns the change, or null when the promise did not change.
 * @throws {RangeError} on a negative or non-finite delay.
 * @example
 * detectPromisedDelayChange(12, 20); // { direction: "up", beforeDays: 12, afterDays: 20, changeDays: 8, changeShare: 0.667, escalates: true }
 * detectPromisedDelayChange(12, 13); // { direction: "up", …, changeDays: 1, escalates: false }
 * detectPromisedDelayChange(12, 12); // null
 */
export function detectPromisedDelayChange(
  beforeDays: number,
  afterDays: number,
  options: PromisedDelayOptions = {},
): PromisedDelayChange | null {
  for (const [name, days] of [
    ["beforeDays", beforeDays],
    ["afterDays", afterDays],
  ] as const) {
    if (!(days >= 0) || !Number.isFinite(days))
      throw new RangeError(`${name} must be a finite number ≥ 0, got ${days}`);
  }
  if (afterDays === beforeDays) return null;
  const changeDays = afterDays - beforeDays;
  const changeShare = beforeDays > 0 ? changeDays / beforeDays : Number.POSITIVE_INFINITY;
  const escalates =
    changeDays > 0 &&
    (changeShare >= (options.escalateShare ?? 0.2) || changeDays >= (options.escalateDays ?? 5));
  return {
    direction: changeDays > 0 ? "up" : "down",
    beforeDays,
    afterDays,
    changeDays,
    changeShare,
    escalates,
  };
}
