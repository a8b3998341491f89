import { levelStats, monitorRegimes } from "./_lib/regime-monitor.js";

/** Options of {@link detectLeadTimeShifts}; the defaults are the ones the figures in the tests hold for. */
export interface LeadTimeShiftOptions {
  /** Receipts that set a regime's mean and spread before it is monitored. Default 8. */
  readonly baselineReceipts?: number;
  /** A receipt beyond mean + this many spreads is late. Default 3 (the Shewhart limit). */
  readonly controlLimitSigmas?: number;
  /** CUSUM reference value and decision interval, in spreads. Defaults 0.75 and 5. */
  readonly cusumK?: number;
  readonly cusumH?: number;
  /** Largest |z| one receipt adds to the CUSUM (its increment z − k is then 3.75 < h). Default 4.5. */
  readonly clipSigmas?: number;
  /** The spread is at least this many days, and this share of the mean. Defaults 1 and 0.1. */
  readonly minSpreadDays?: number;
  readonly minSpreadShare?: number;
}

/** A lasting change in how long a vendor takes. */
export interface LeadTimeShift {
  readonly direction: "up" | "down";
  /** Index of the first receipt of the new regime. */
  readonly changeIndex: number;
  /** Index of the receipt that confirmed it. */
  readonly detectedIndex: number;
  /** The old regime's baseline: mean and sample sd of its first receipts, in days. */
  readonly beforeMeanDays: number;
  readonly beforeSdDays: number;
  /** The new regime so far: every receipt from `changeIndex` to the next shift or the end. */
  readonly afterMeanDays: number;
  readonly afterSdDays: number;
  readonly afterReceipts: number;
  /** The old regime's upper control limit (mean + `controlLimitSigmas` spreads), in days. */
  readonly controlLimitDays: number;
}

/** One receipt beyond its regime's control limit. */
export interface LateReceipt {
  readonly index: number;
  readonly leadTimeDays: number;
  readonly meanDays: number;
  readonly controlLimitDays: number;
}

export interface LeadTimeMonitor {
  readonly shifts: readonly LeadTimeShift[];
  readonly lateReceipts: readonly LateReceipt[];
  /** The regime in force after the last receipt. */
  readonly current: {
    readonly startIndex: number;
    readonly meanDays: number;
    readonly sdDays: number;
    readonly receipts: number;
  };
}

/**
 * Watches a vendor's lead times, in the order the receipts arrived, for late receipts and lasting
 * shifts (DESIGN.md "Events"). A regime's first `baselineReceipts` receipts set its mean and spread
 * (the sample sd, at least `minSpreadDays` and `minSpreadShare` of the mean because lead times are
 * counted in whole days, widened by √(1 + 1/n) for the estimate's own error). After that:
 * - a receipt beyond mean + 3 spreads is a **late receipt** (a Shewhart control limit), reported
 *   at once;
 * - a **shift** is confirmed by a two-sided CUSUM (k = 0.75, h = 5 spreads) whose increments are
 *   clipped at 4.5 spreads (Lucas & Crosier's robust CUSUM), so one outlier cannot pass for a
 *   shift, while a jump of 5 spreads or more is confirmed by its second receipt (see
 *   `test/analytics/detectors.test.ts` for the detection delays and false-alarm rates). The new
 *   regime starts after the CUSUM last stood at zero and learns its own baseline.
 * Too few receipts for a baseline: nothing is detected.
 * @param leadTimesDays lead time of each receipt in days, in receipt order; not modified.
 * @returns shifts, late receipts and the regime in force.
 * @throws {RangeError} on a negative or non-finite lead time, or options out of range.
 * @example
 * const stable = [12, 11, 13, 12, 12, 11, 13, 12];
 * const monitor = detectLeadTimeShifts([...stable, 27, 26, 28]);
 * monitor.shifts[0]; // { direction: "up", changeIndex: 8, detectedIndex: 9, beforeMeanDays: 12, afterMeanDays: 27, ... }
 * monitor.lateReceipts.map((late) => late.index); // [8, 9] (receipt 10 is judged by the new regime)
 */
export function detectLeadTimeShifts(
  leadTimesDays: ArrayLike<number>,
  options: LeadTimeShiftOptions = {},
): LeadTimeMonitor {
  for (let i = 0; i < leadTimesDays.length; i++) {
    const days = leadTimesDays[i] as number;
    if (!(days >= 0) || !Number.isFinite(days))
      throw new RangeError(`receipt ${i}: lead time must be a finite number ≥ 0, got ${days}`);
  }
  const limit = options.controlLimitSigmas ?? 3;
  const minDays = options.minSpreadDays ?? 1;
  const minShare = options.minSpreadShare ?? 0.1;
  const trace = monitorRegimes(leadTimesDays, {
    baselineSize: options.baselineReceipts ?? 8,
    k: options.cusumK ?? 0.75,
    h: options.cusumH ?? 5,
    clip: options.clipSigmas ?? 4.5,
    sdFloor: (mean) => Math.max(minDays, minShare * mean),
  });
  const shifts = trace.shifts.map(
    (shift): LeadTimeShift => ({
      direction: shift.direction,
      changeIndex: shift.changeIndex,
      detectedIndex: shift.detectedIndex,
      beforeMeanDays: shift.before.mean,
      beforeSdDays: shift.before.sd,
      afterMeanDays: shift.after.mean,
      afterSdDays: shift.after.sd,
      afterReceipts: shift.after.count,
      controlLimitDays: shift.before.mean + limit * shift.before.spread,
    }),
  );
  const lateReceipts: LateReceipt[] = [];
  for (let i = 0; i < leadTimesDays.length; i++) {
    const z = trace.z[i] as number;
    if (!(z > limit)) continue;
    const meanDays = trace.center[i] as number;
    lateReceipts.push({
      index: i,
      leadTimeDays: leadTimesDays[i] as number,
      meanDays,
      controlLimitDays: meanDays + limit * (trace.spread[i] as number),
    });
  }
  const current = levelStats(leadTimesDays, trace.currentStart, leadTimesDays.length);
  return {
    shifts,
    lateReceipts,
    current: {
      startIndex: trace.currentStart,
      meanDays: current.mean,
      sdDays: current.sd,
      receipts: current.count,
    },
  };
}
