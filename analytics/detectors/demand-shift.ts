import { monitorRegimes } from "./_lib/regime-monitor.js";

/** Options of {@link detectDemandShifts}; the defaults are the ones the figures in the tests hold for. */
export interface DemandShiftOptions {
  /** Periods that set a regime's level before it is monitored. Default 13 (a quarter of weeks). */
  readonly baselinePeriods?: number;
  /** CUSUM reference value and decision interval, in standard deviations. Defaults 0.5 and 6. */
  readonly cusumK?: number;
  readonly cusumH?: number;
  /** Largest spread one period adds to the CUSUM. Default 4. */
  readonly clipSigmas?: number;
}

/** A lasting change in an item's demand level. */
export interface DemandShift {
  readonly direction: "up" | "down";
  /** Index of the first period of the new level. */
  readonly changeIndex: number;
  /** Index of the period that confirmed it. */
  readonly detectedIndex: number;
  /** Mean demand per period before (the whole old regime) and after (the new one so far). */
  readonly beforeMean: number;
  readonly afterMean: number;
  readonly afterPeriods: number;
}

/**
 * Finds lasting changes in the level of per-period demand (DESIGN.md "Events": a demand change
 * point) with a self-starting, two-sided robust CUSUM (Page 1954; Hawkins 1987; Lucas & Crosier
 * 1982): a regime learns its level from its first `baselinePeriods` periods, then from every period
 * it judges; each period is standardized against the regime so far, its increment clipped at 4
 * standard deviations, and a side passing h = 6 confirms a shift that began after the side last
 * stood at zero. The spread is at least √mean (Poisson noise), so a steady low-volume item does not
 * alarm on single units. One lumpy period cannot confirm a shift alone (its increment is below h).
 * The detection delays and false-alarm rates per demand pattern are in
 * `test/analytics/detectors.test.ts`.
 * @param demand per-period demand, oldest first (net returns as negative values are read as 0).
 * @returns the shifts, oldest first; empty when the series is shorter than a baseline.
 * @throws {RangeError} on a non-finite value or options out of range.
 * @example
 * const demand = [...Array(20).fill(10), ...Array(6).fill(20)];
 * detectDemandShifts(demand); // [{ direction: "up", changeIndex: 20, detectedIndex: 22, beforeMean: 10, afterMean: 20, afterPeriods: 6 }]
 */
export function detectDemandShifts(
  demand: ArrayLike<number>,
  options: DemandShiftOptions = {},
): DemandShift[] {
  const values = Float64Array.from({ length: demand.length }, (_, t) => {
    const quantity = demand[t] as number;
    if (!Number.isFinite(quantity))
      throw new RangeError(`period ${t}: demand must be a finite number, got ${quantity}`);
    return Math.max(0, quantity);
  });
  const trace = monitorRegimes(values, {
    baselineSize: options.baselinePeriods ?? 13,
    k: options.cusumK ?? 0.5,
    h: options.cusumH ?? 6,
    clip: options.clipSigmas ?? 4,
    sdFloor: (mean) => Math.sqrt(Math.max(mean, 0)),
  });
  return trace.shifts.map((shift) => ({
    direction: shift.direction,
    changeIndex: shift.changeIndex,
    detectedIndex: shift.detectedIndex,
    beforeMean: shift.before.mean,
    afterMean: shift.after.mean,
    afterPeriods: shift.after.count,
  }));
}
