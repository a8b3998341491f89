/**
 * When items came into the catalogue, on the demand grid: an item without history because it is new
 * is not an item whose demand died.
 */
import { PeriodLabelError, parsePeriod, toPeriodOrdinal } from "../periods.js";
import { PlanInputError } from "../plan-input-error.js";
import type { DemandMatrix, ItemMaster } from "../types.js";

/**
 * The grid column of each item's introduction period (`ItemMaster.introducedOn`): 0 is the first
 * period of the grid, negative columns lie before it, columns ≥ the grid's length after it; −∞ for
 * an item without a date, which is taken to predate the history.
 * @throws {PlanInputError} naming the SKU and `introducedOn` when a date cannot be read, or is a
 *   period coarser than the grid's (a month on a week grid, a week on a month grid).
 */
export function introductionColumns(
  demand: DemandMatrix,
  items: readonly ItemMaster[],
): Float64Array {
  const columns = new Float64Array(items.length).fill(Number.NEGATIVE_INFINITY);
  const firstLabel = demand.periodLabels[0];
  if (firstLabel === undefined) return columns;
  const origin = parsePeriod(firstLabel).ordinal;
  items.forEach((item, index) => {
    const label = item.introducedOn;
    if (label === undefined) return;
    try {
      columns[index] = toPeriodOrdinal(parsePeriod(label), label, demand.period) - origin;
    } catch (error) {
      if (!(error instanceof PeriodLabelError)) throw error;
      throw new PlanInputError(
        "bad-item",
        `item "${item.sku}": introducedOn ${error.message.replace(/^invalid period /, "")}; expected a day (YYYY-MM-DD) or a ${demand.period} label`,
        item.sku,
        "introducedOn",
      );
    }
  });
  return columns;
}
