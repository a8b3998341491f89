import type { DemandStatistics } from "./demand-statistics.js";
import type { DemandPattern } from "./types.js";

/** Options of {@link demandPattern}. */
export interface PatternOptions {
  /** ADI cut-off; default 1.32 (Syntetos, Boylan & Croston 2005). */
  readonly adiCutoff?: number;
  /** CV² cut-off; default 0.49. */
  readonly cv2Cutoff?: number;
  /** Fewer history periods than this make the item `new`; default 0 (never). */
  readonly minHistoryPeriods?: number;
}

/**
 * The Syntetos–Boylan–Croston demand pattern: smooth (ADI ≤ 1.32, CV² ≤ 0.49), erratic (ADI ≤ 1.32,
 * CV² > 0.49), intermittent (ADI > 1.32, CV² ≤ 0.49) or lumpy (both above); a value equal to a cut-off
 * counts as the lower class. `none` without demand, `new` with a history shorter than
 * `minHistoryPeriods`. A single non-zero demand has no size variability (CV² taken as 0).
 * Source: Syntetos, Boylan & Croston (2005), "On the categorization of demand patterns", JORS 56(5).
 * @param stats the item's {@link DemandStatistics}.
 * @param options cut-offs and the minimum history.
 * @returns the pattern.
 * @example
 * demandPattern(demandStatistics([2, 1, 4, 1, 0, 3])); // "erratic" (ADI 1.2, CV² ≈ 0.5)
 */
export function demandPattern(
  stats: DemandStatistics,
  options: PatternOptions = {},
): DemandPattern {
  if (stats.nonZeroPeriods === 0 || stats.adi === null) return "none";
  if (stats.historyPeriods < (options.minHistoryPeriods ?? 0)) return "new";
  const frequent = stats.adi <= (options.adiCutoff ?? 1.32);
  const steady = (stats.cv2 ?? 0) <= (options.cv2Cutoff ?? 0.49);
  if (frequent) return steady ? "smooth" : "erratic";
  return steady ? "intermittent" : "lumpy";
}
