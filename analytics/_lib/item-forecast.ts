/**
 * One item's demand statistics, pattern and forecast, the planning way: the mean for smooth,
 * erratic and new items; SBA or TSB (as configured) for intermittent and lumpy ones.
 */
import type { AnalyticsConfig } from "../config.js";
import { demandPattern, type PatternOptions } from "../demand-pattern.js";
import { type DemandStatistics, demandStatistics } from "../demand-statistics.js";
import { sbaDemandRate, tsbDemandRate } from "../intermittent-demand-rate.js";
import type { DemandPattern } from "../types.js";

/** What the forecast of one item rests on. */
export interface ItemForecast {
  readonly stats: DemandStatistics;
  readonly pattern: DemandPattern;
  /** Forecast demand per period. */
  readonly rate: number;
  /** Per-period variance around that rate (before any predictive widening). */
  readonly variance: number;
}

/**
 * @param series per-period demand, oldest first; not modified.
 * @param forecast the configuration's `forecast` settings.
 * @param patternOptions cut-offs and the minimum history of a classified item.
 */
export function itemForecast(
  series: Float64Array,
  forecast: AnalyticsConfig["forecast"],
  patternOptions: PatternOptions,
): ItemForecast {
  const stats = demandStatistics(series);
  const pattern = demandPattern(stats, patternOptions);
  const intermittent = pattern === "intermittent" || pattern === "lumpy";
  const rate = !intermittent
    ? stats.mean
    : forecast.intermittentRate === "tsb"
      ? tsbDemandRate(series, forecast.alpha, forecast.beta)
      : sbaDemandRate(series, forecast.alpha);
  const variance = stats.sd * stats.sd;
  return {
    stats,
    pattern,
    rate,
    variance: intermittent ? dispersionPreservingVariance(variance, stats.mean, rate) : variance,
  };
}

/**
 * The per-period variance to pair with a smoothed intermittent rate. SBA and TSB move the rate away
 * from the history's mean (TSB decays it towards zero on an item gone quiet), so the history's
 * variance is scaled with the rate, keeping its variance-to-mean ratio: for compound demand,
 * Var = p·E[S²] − (p·E[S])² ≈ p·E[S²] scales with the demand probability p.
 */
function dispersionPreservingVariance(variance: number, mean: number, rate: number): number {
  return mean > 0 ? (variance * rate) / mean : variance;
}
