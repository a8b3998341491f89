/** What is known about an item the planning has not segmented before. */
export interface NewItemFacts {
  /** True when an earlier run already segmented it: then it is not new, whatever its history. */
  readonly segmentedBefore: boolean;
  /** Per-period demand, oldest first. */
  readonly demand: ArrayLike<number>;
  /** Stock on hand now, and whether a vendor line or a reordering rule exists for it. */
  readonly onHand: number;
  readonly hasSupply: boolean;
}

export interface NewItem {
  /** Index of the first period with demand; null before its first demand. */
  readonly firstDemandIndex: number | null;
  /** Periods from the first demand to the end of the series (0 before any demand). */
  readonly periodsOfHistory: number;
}

/**
 * An item is new the first time the planning meets it with something to plan: never segmented
 * before, and with demand, stock or a source of supply (a product only created in the catalogue
 * is not an event yet). Its history length tells the buyer how much the first policy rests on.
 * @returns the evidence, or null when the item is not new.
 * @example
 * detectNewItem({ segmentedBefore: false, demand: [0, 0, 4, 2], onHand: 0, hasSupply: true });
 * // { firstDemandIndex: 2, periodsOfHistory: 2 }
 * detectNewItem({ segmentedBefore: true, demand: [4], onHand: 0, hasSupply: true }); // null
 */
export function detectNewItem(facts: NewItemFacts): NewItem | null {
  if (facts.segmentedBefore) return null;
  let first = -1;
  for (let t = 0; t < facts.demand.length; t++) {
    if ((facts.demand[t] as number) > 0) {
      first = t;
      break;
    }
  }
  if (first < 0 && !(facts.onHand > 0) && !facts.hasSupply) return null;
  return {
    firstDemandIndex: first < 0 ? null : first,
    periodsOfHistory: first < 0 ? 0 : facts.demand.length - first,
  };
}
