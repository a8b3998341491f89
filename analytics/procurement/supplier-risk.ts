import type { VendorPerformance } from "./vendor-performance.js";

/** What a vendor's failure would reach: the critical and essential components it supplies. */
export interface SupplierExposure {
  readonly criticalCount: number;
  readonly essentialCount: number;
  /** Of those, the ones this vendor is the only source of. */
  readonly singleSourcedCritical: number;
  readonly singleSourcedEssential: number;
}

/** The factors of the risk score, in the order the reason lists them. */
export const RISK_FACTORS = ["drift", "lateness", "promise", "variability", "exposure"] as const;
export type RiskFactor = (typeof RISK_FACTORS)[number];

/** One factor's points, its ceiling and the words for the reason. */
export interface RiskPart {
  readonly factor: RiskFactor;
  readonly points: number;
  readonly maxPoints: number;
  readonly text: string;
}

/** An explainable 0–100 risk score. */
export interface SupplierRisk {
  readonly score: number;
  /** Every factor, in {@link RISK_FACTORS} order, zero points included. */
  readonly parts: readonly RiskPart[];
  /** "risk 91/100: lead time 27.0 d in the last 90 days against 18.4 d before (+47 %) +27.9; …" */
  readonly reason: string;
}

/** Points per factor and where each saturates; every field has a default. */
export interface SupplierRiskOptions {
  /** Ceilings per factor. Default drift 30, lateness 15, promise 15, variability 10, exposure 30. */
  readonly points?: Partial<Readonly<Record<RiskFactor, number>>>;
  /** Drift (recent ÷ history − 1) that earns all drift points. Default 0.5 (+50 %). */
  readonly fullDriftRatio?: number;
  /** Lateness over the promise (gap ÷ promised delay) that earns all promise points. Default 0.5. */
  readonly fullPromiseGapRatio?: number;
  /** Lead-time CV (sd ÷ mean) that earns all variability points. Default 0.5. */
  readonly fullLeadTimeCv?: number;
  /** Exposure units that earn all exposure points. Default 10. */
  readonly fullExposureUnits?: number;
}

const DEFAULT_POINTS: Readonly<Record<RiskFactor, number>> = {
  drift: 30,
  lateness: 15,
  promise: 15,
  variability: 10,
  exposure: 30,
};

/**
 * Exposure units per component: a critical component this vendor alone supplies weighs 3, an
 * essential one it alone supplies 1.5, a critical one it shares with other vendors 1, a shared
 * essential one 0.5 — a second source halves the harm, criticality doubles it.
 */
export const EXPOSURE_UNITS = {
  singleSourcedCritical: 3,
  singleSourcedEssential: 1.5,
  sharedCritical: 1,
  sharedEssential: 0.5,
} as const;

/**
 * How much a vendor puts the plant at risk, as points a buyer can check: the likelihood of trouble
 * from its receipts (its lead time drifting up, deliveries after the promised date, lead times
 * longer than the promised delay, lead times that vary) plus what trouble would reach (the
 * critical and essential components it supplies, single sources weighing most). Each factor earns
 * points linearly up to its ceiling:
 * - drift: recent ÷ history mean lead time − 1, full at `fullDriftRatio` (a shortening earns none);
 * - lateness: the share of receipts after their promised date (1 − on-time rate);
 * - promise: (actual − promised delay) ÷ promised delay (at least 1 day), full at `fullPromiseGapRatio`;
 * - variability: the lead time's sd ÷ mean, full at `fullLeadTimeCv`;
 * - exposure: {@link EXPOSURE_UNITS} summed over the components, full at `fullExposureUnits`.
 * A factor without enough receipts to measure earns nothing. Points are rounded to 0.1.
 * @param performance the vendor's measured performance (see `vendorPerformance`).
 * @param exposure the critical and essential components it supplies.
 * @param options ceilings and saturation points.
 * @returns the score (0–100 with the default ceilings), every part, and the reason.
 * @example
 * supplierRisk(
 *   { receipts: 40, onTimeRate: 0.3, leadTimeMeanDays: 20, leadTimeSdDays: 8, recentDays: 90, recentReceipts: 6,
 *     recentMeanDays: 27, historyReceipts: 34, historyMeanDays: 18, driftDays: 9, driftRatio: 0.5,
 *     promisedDelayDays: 12, delayGapDays: 8 },
 *   { criticalCount: 5, essentialCount: 2, singleSourcedCritical: 3, singleSourcedEssential: 1 },
 * ).score; // drift 30 + lateness 10.5 + promise 15 + variability 8 + exposure 30 (13 units, capped) = 93.5
 */
export function supplierRisk(
  performance: VendorPerformance,
  exposure: SupplierExposure,
  options: SupplierRiskOptions = {},
): SupplierRisk {
  const ceiling = { ...DEFAULT_POINTS, ...options.points };
  const parts: RiskPart[] = [];
  const add = (factor: RiskFactor, share: number, text: string) => {
    const maxPoints = ceiling[factor];
    const points = Math.round(maxPoints * clamp01(share) * 10) / 10;
    parts.push({ factor, points, maxPoints, text });
  };
  const p = performance;
  add(
    "drift",
    p.driftRatio === null ? 0 : p.driftRatio / (options.fullDriftRatio ?? 0.5),
    p.driftRatio === null
      ? `too few receipts to compare the last ${p.recentDays} days with before (${p.recentReceipts} and ${p.historyReceipts})`
      : `lead time ${days(p.recentMeanDays)} in the last ${p.recentDays} days against ${days(p.historyMeanDays)} before (${signedPercent(p.driftRatio)})`,
  );
  add(
    "lateness",
    p.onTimeRate === null ? 0 : 1 - p.onTimeRate,
    p.onTimeRate === null
      ? "too few receipts with a promised date"
      : `${Math.round(p.onTimeRate * 100)} % on time`,
  );
  const promised = p.promisedDelayDays;
  add(
    "promise",
    promised === null || p.delayGapDays === null
      ? 0
      : p.delayGapDays / Math.max(promised, 1) / (options.fullPromiseGapRatio ?? 0.5),
    promised === null || p.delayGapDays === null
      ? "too few receipts with a promised delay"
      : p.delayGapDays >= 0
        ? `${days(p.delayGapDays)} later than the ${days(promised)} promised`
        : `${days(-p.delayGapDays)} sooner than the ${days(promised)} promised`,
  );
  const cv =
    p.leadTimeMeanDays !== null && p.leadTimeSdDays !== null && p.leadTimeMeanDays > 0
      ? p.leadTimeSdDays / p.leadTimeMeanDays
      : null;
  add(
    "variability",
    cv === null ? 0 : cv / (options.fullLeadTimeCv ?? 0.5),
    cv === null
      ? "too few receipts to measure the spread"
      : `lead time ± ${days(p.leadTimeSdDays)} (CV ${cv.toFixed(2)})`,
  );
  add(
    "exposure",
    exposureUnits(exposure) / (options.fullExposureUnits ?? 10),
    exposureText(exposure),
  );
  const score = Math.round(parts.reduce((sum, part) => sum + part.points, 0) * 10) / 10;
  const scored = parts.filter((part) => part.points > 0);
  const reason =
    scored.length === 0
      ? `risk 0/100: ${exposureText(exposure)}, no sign of trouble in its receipts`
      : `risk ${score}/100: ${scored.map((part) => `${part.text} +${part.points}`).join("; ")}`;
  return { score, parts, reason };
}

/** The exposure units of {@link EXPOSURE_UNITS}. */
export function exposureUnits(exposure: SupplierExposure): number {
  const sharedCritical = exposure.criticalCount - exposure.singleSourcedCritical;
  const sharedEssential = exposure.essentialCount - exposure.singleSourcedEssential;
  return (
    EXPOSURE_UNITS.singleSourcedCritical * exposure.singleSourcedCritical +
    EXPOSURE_UNITS.singleSourcedEssential * exposure.singleSourcedEssential +
    EXPOSURE_UNITS.sharedCritical * sharedCritical +
    EXPOSURE_UNITS.sharedEssential * sharedEssential
  );
}

function exposureText(exposure: SupplierExposure): string {
  const { criticalCount, essentialCount } = exposure;
  if (criticalCount + essentialCount === 0) return "supplies no critical or essential component";
  const single = exposure.singleSourcedCritical + exposure.singleSourcedEssential;
  return (
    `supplies ${criticalCount} critical and ${essentialCount} essential component${criticalCount + essentialCount === 1 ? "" : "s"}` +
    (single > 0 ? `, the only source of ${single}` : "")
  );
}

function clamp01(value: number): number {
  return Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : 0;
}

function days(value: number | null): string {
  return value === null ? "–" : `${value.toFixed(1)} d`;
}

function signedPercent(ratio: number): string {
  const percent = Math.round(ratio * 100);
  return `${percent >= 0 ? "+" : ""}${percent} %`;
}
