/**
 * Lays daily demand entries on the analysis grid of the history window: one row per product, one
 * column per period, returns netted within the period (a net return reads as zero demand in the
 * statistics). Days outside the window are left out. Built directly rather than through
 * `bucketDailyDemand`: a medium database has millions of product-days, and one record object each
 * would be the slowest part of a run.
 */
import {
  type DemandMatrix,
  parsePeriod,
  periodLabel,
  periodOfDay,
} from "../../../analytics/index.js";
import type { DemandEntry } from "../../extract/demand.js";
import type { HistoryWindow } from "../../extract/history-window.js";

/**
 * @param rows each row's demand entries (one row per sku).
 * @param warehouseId only this warehouse's entries, or all warehouses when undefined.
 */
export function demandGrid(
  window: HistoryWindow,
  skus: readonly string[],
  rows: readonly (readonly DemandEntry[])[],
  warehouseId?: number,
): DemandMatrix {
  const { period } = window;
  const first = parsePeriod(window.firstPeriod).ordinal;
  const last = parsePeriod(window.lastPeriod).ordinal;
  const periods = last - first + 1;
  const quantities = new Float64Array(skus.length * periods);
  const columnOfDay = new Map<string, number>();
  rows.forEach((entries, row) => {
    for (const [warehouse, day, quantity] of entries) {
      if (warehouseId !== undefined && warehouse !== warehouseId) continue;
      if (day < window.fromDay || day > window.throughDay) continue;
      let column = columnOfDay.get(day);
      if (column === undefined) {
        column = periodOfDay(parsePeriod(day).ordinal, period) - first;
        columnOfDay.set(day, column);
      }
      const cell = row * periods + column;
      quantities[cell] = (quantities[cell] as number) + quantity;
    }
  });
  return {
    period,
    periodLabels: Array.from({ length: periods }, (_, offset) =>
      periodLabel(first + offset, period),
    ),
    skus: [...skus],
    quantities,
  };
}
