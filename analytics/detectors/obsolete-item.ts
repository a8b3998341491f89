import { demandStatistics } from "../demand-statistics.js";
import type { PeriodKind } from "../periods.js";

/** An item whose demand stopped long enough ago to call it obsolete. */
export interface ObsoleteItem {
  /** Months since the last period with demand (the whole series when it never had any). */
  readonly monthsWithoutDemand: number;
  /** Index of the last period with demand; null when there was none in the series. */
  readonly lastDemandIndex: number | null;
  /** What the stock still on hand is worth: the money at risk of a write-off. */
  readonly stockValue: number;
}

/** Options of {@link detectObsoleteItem}. */
export interface ObsoleteItemOptions {
  readonly period: PeriodKind;
  /** No demand for at least this many months makes an item obsolete (Odoo setting, default 12). */
  readonly obsoleteAfterMonths: number;
  /** Stock on hand and unit cost, for the value at risk. Default 0. */
  readonly onHand?: number;
  readonly unitCost?: number;
}

const DAYS_PER_MONTH = 30.4375;

/**
 * An item has gone obsolete when its per-period demand shows no demand for `obsoleteAfterMonths`
 * (the tier rule of DESIGN.md, counted the same way the plan counts it: periods since the last
 * demand × days per period ÷ 30.4375). A series shorter than the limit that never had demand says
 * too little to call it (null), like the plan's "too little history".
 * @param demand per-period demand, oldest first, ending with the last complete period.
 * @returns how long it has been quiet and the stock value at risk, or null when it is not obsolete.
 * @throws {RangeError} on a non-positive limit.
 * @example
 * detectObsoleteItem([5, 3, ...Array(60).fill(0)], { period: "week", obsoleteAfterMonths: 12, onHand: 40, unitCost: 2.5 });
 * // { monthsWithoutDemand: 13.8, lastDemandIndex: 1, stockValue: 100 }
 */
export function detectObsoleteItem(
  demand: ArrayLike<number>,
  options: ObsoleteItemOptions,
): ObsoleteItem | null {
  if (!(options.obsoleteAfterMonths > 0))
    throw new RangeError(`obsoleteAfterMonths must be > 0, got ${options.obsoleteAfterMonths}`);
  const monthsPerPeriod = (options.period === "week" ? 7 : DAYS_PER_MONTH) / DAYS_PER_MONTH;
  const stats = demandStatistics(demand);
  const neverHadDemand = stats.nonZeroPeriods === 0;
  if (neverHadDemand && demand.length * monthsPerPeriod < options.obsoleteAfterMonths) return null;
  const months = Math.round(stats.periodsSinceDemand * monthsPerPeriod * 10) / 10;
  if (months < options.obsoleteAfterMonths) return null;
  const onHand = Math.max(0, options.onHand ?? 0);
  return {
    monthsWithoutDemand: months,
    lastDemandIndex: neverHadDemand ? null : demand.length - 1 - stats.periodsSinceDemand,
    stockValue: Math.round(onHand * (options.unitCost ?? 0) * 100) / 100,
  };
}
