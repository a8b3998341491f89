import type { AnalyticsConfig } from "./config.js";
import type { AbcClass, XyzClass } from "./types.js";

/** What is known about an item's risk. Absent signals score nothing. */
export interface CriticalitySignals {
  readonly abc: AbcClass;
  readonly xyz: XyzClass;
  readonly leadTimeDays: number;
  readonly leadTimeSdDays: number;
  readonly bomParentCount?: number | undefined;
  readonly bomParentBestAbc?: AbcClass | undefined;
  readonly vendorCount?: number | undefined;
  readonly activeEvent?: string | undefined;
}

/** One signal's contribution to the score, with the words for the reason. */
export interface ScorePart {
  readonly signal: "value" | "variability" | "lead-time" | "bom" | "single-source" | "event";
  readonly points: number;
  readonly text: string;
}

/** An explainable criticality score: 0–100 points and the parts that earned them. */
export interface CriticalityScore {
  readonly score: number;
  readonly parts: readonly ScorePart[];
}

/** The point weights and the lead-time scale: `config.criticality`. */
export type CriticalityOptions = Pick<
  AnalyticsConfig["criticality"],
  "points" | "leadTimeExposureDays"
>;

/**
 * Scores how much a stockout of an item would hurt and how likely one is, from signals a buyer can
 * check: consumption value (A full points, B half), demand variability (Z full, Y half), lead-time
 * exposure (mean × (1 + CV) = mean + one sd, full points at `leadTimeExposureDays`, linear below),
 * BoM fan-out (3 points per parent up to a cap, plus the best parent's class: A full, B half),
 * single sourcing, and an active event. Points are whole numbers; the score is capped at 100.
 * Value and variability alone stay below the default essential threshold on purpose: they make an
 * item expensive or hard to forecast, not critical — a supply or usage risk has to add to them.
 * @param signals the item's risk signals.
 * @param options `config.criticality`.
 * @returns the score and its non-zero parts, largest first.
 * @example
 * criticalityScore(
 *   { abc: "A", xyz: "Z", leadTimeDays: 60, leadTimeSdDays: 30, vendorCount: 1 },
 *   defaultAnalyticsConfig().criticality,
 * ); // { score: 45, parts: [value 20, lead time 15, variability 10, single source 10] } (sorted)
 */
export function criticalityScore(
  signals: CriticalitySignals,
  options: CriticalityOptions,
): CriticalityScore {
  const { points } = options;
  const parts: ScorePart[] = [];
  const add = (signal: ScorePart["signal"], raw: number, text: string) => {
    const rounded = Math.round(raw);
    if (rounded > 0) parts.push({ signal, points: rounded, text });
  };
  if (signals.abc !== "C") {
    add(
      "value",
      signals.abc === "A" ? points.valueA : points.valueA / 2,
      `${signals.abc}-class value`,
    );
  }
  if (signals.xyz !== "X") {
    add(
      "variability",
      signals.xyz === "Z" ? points.variabilityZ : points.variabilityZ / 2,
      `${signals.xyz === "Z" ? "highly variable" : "variable"} demand (${signals.xyz})`,
    );
  }
  const exposure = signals.leadTimeDays + signals.leadTimeSdDays;
  add(
    "lead-time",
    points.leadTime * Math.min(1, exposure / options.leadTimeExposureDays),
    `lead time ${formatDays(signals.leadTimeDays)} ± ${formatDays(signals.leadTimeSdDays)} d`,
  );
  const parents = signals.bomParentCount ?? 0;
  if (parents > 0) {
    const best = signals.bomParentBestAbc;
    const parentPoints =
      best === "A" ? points.bomParentA : best === "B" ? points.bomParentA / 2 : 0;
    add(
      "bom",
      Math.min(points.bomParents, 3 * parents) + parentPoints,
      `used in ${parents} BoM${parents === 1 ? "" : "s"}${best ? ` (best parent ${best})` : ""}`,
    );
  }
  if (signals.vendorCount === 1) add("single-source", points.singleSource, "single-sourced");
  if (signals.activeEvent) add("event", points.activeEvent, signals.activeEvent);
  parts.sort((left, right) => right.points - left.points);
  const score = Math.min(
    100,
    parts.reduce((sum, part) => sum + part.points, 0),
  );
  return { score, parts };
}

/** "score 45: A-class value +20, lead time 60 ± 30 d +15" */
export function describeScore(score: CriticalityScore): string {
  if (score.parts.length === 0) return `score ${score.score}`;
  return `score ${score.score}: ${score.parts.map((part) => `${part.text} +${part.points}`).join(", ")}`;
}

function formatDays(days: number): string {
  return Number.isInteger(days) ? String(days) : days.toFixed(1);
}
