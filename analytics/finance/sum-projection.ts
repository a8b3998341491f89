import type { InventoryProjection, ScenarioSeries } from "./project-inventory.js";

/** Totals of a projection per group and week, row-major like the projection itself. */
export interface ProjectionTotals {
  readonly weeks: number;
  readonly groups: number;
  readonly current: ScenarioSeries;
  readonly suggested: ScenarioSeries;
}

/**
 * Sums a projection's items into groups (a tier, a warehouse, a tier × warehouse cell…), week by
 * week: the value of group `g` at week `w` is `[g * (weeks + 1) + w]`.
 * @param projection the per-item projection.
 * @param groupOf the group index (0 ≤ g < `groups`) of each item, by item index.
 * @param groups how many groups.
 * @returns the sums, both scenarios.
 * @throws {RangeError} when an item's group is out of range.
 * @example
 * sumProjection(projection, () => 0, 1).current.inventoryValue; // the whole portfolio, week 0…13
 */
export function sumProjection(
  projection: InventoryProjection,
  groupOf: (item: number) => number,
  groups: number,
): ProjectionTotals {
  const width = projection.weeks + 1;
  const totals = (series: ScenarioSeries): ScenarioSeries => {
    const inventoryValue = new Float64Array(groups * width);
    const receiptValue = new Float64Array(groups * width);
    for (let item = 0; item < projection.items; item++) {
      const group = groupOf(item);
      if (!Number.isInteger(group) || group < 0 || group >= groups) {
        throw new RangeError(`item ${item}: group ${group} is not in 0…${groups - 1}`);
      }
      for (let week = 0; week < width; week++) {
        inventoryValue[group * width + week] =
          (inventoryValue[group * width + week] as number) +
          (series.inventoryValue[item * width + week] as number);
        receiptValue[group * width + week] =
          (receiptValue[group * width + week] as number) +
          (series.receiptValue[item * width + week] as number);
      }
    }
    return { inventoryValue, receiptValue };
  };
  return {
    weeks: projection.weeks,
    groups,
    current: totals(projection.current),
    suggested: totals(projection.suggested),
  };
}
