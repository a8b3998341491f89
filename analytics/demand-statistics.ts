/** Statistics of one item's per-period demand over its history window. */
export interface DemandStatistics {
  /** Periods from the first period with demand to the end of the series, inclusive; 0 without demand. */
  readonly historyPeriods: number;
  /** Periods with demand (a net return counts as no demand). */
  readonly nonZeroPeriods: number;
  /** Periods after the last demand (0 when the last period had demand); the series length without demand. */
  readonly periodsSinceDemand: number;
  readonly totalDemand: number;
  /** Mean demand per period over the history window; 0 without demand. */
  readonly mean: number;
  /** Sample standard deviation (n − 1) of per-period demand over the history window. */
  readonly sd: number;
  /** sd ÷ mean; null without demand. */
  readonly cv: number | null;
  /** Mean size of the non-zero demands; null without demand. */
  readonly meanSize: number | null;
  /** Syntetos–Boylan ADI: history periods ÷ non-zero periods; null without demand. */
  readonly adi: number | null;
  /** Sample variance (n − 1) of the non-zero sizes ÷ their mean²; null with fewer than 2 of them. */
  readonly cv2: number | null;
}

/**
 * Demand statistics of one series, with the conventions of Syntetos & Boylan as checked on the AUTO
 * reference set: the history window runs from the first non-zero period to the end, ADI = window ÷
 * non-zero periods, CV² = sample variance (n − 1) ÷ mean² of the non-zero sizes.
 *
 * Negative demand (net returns): a period whose net is negative counts as a period of zero demand,
 * because a return does not cancel the need that earlier demand revealed, and negative sizes would
 * make the variability statistics meaningless.
 *
 * The ratios are formed from exact sums in a single division, so integer data at a cut-off (ADI 33/25
 * = 1.32) compare equal to it rather than one rounding step off.
 * @param series per-period demand, oldest first; not modified.
 * @returns the statistics; all zero/null for a series without demand.
 * @example
 * const stats = demandStatistics([0, 0, 3, 0, 5, 0, 1]);
 * stats.historyPeriods; // 5
 * stats.adi; // 5 / 3 ≈ 1.667
 * stats.cv2; // variance 4 / mean² 9 ≈ 0.444
 */
export function demandStatistics(series: ArrayLike<number>): DemandStatistics {
  const length = series.length;
  let first = -1;
  let last = -1;
  let nonZero = 0;
  let sum = 0;
  let sumSquares = 0;
  for (let t = 0; t < length; t++) {
    const quantity = series[t] as number;
    if (quantity > 0) {
      if (first < 0) first = t;
      last = t;
      nonZero++;
      sum += quantity;
      sumSquares += quantity * quantity;
    }
  }
  if (nonZero === 0) {
    return {
      historyPeriods: 0,
      nonZeroPeriods: 0,
      periodsSinceDemand: length,
      totalDemand: 0,
      mean: 0,
      sd: 0,
      cv: null,
      meanSize: null,
      adi: null,
      cv2: null,
    };
  }
  const history = length - first;
  const mean = sum / history;
  // Per-period variance over the window: the zero periods deviate by −mean each.
  let squares = (history - nonZero) * mean * mean;
  for (let t = first; t < length; t++) {
    const quantity = series[t] as number;
    if (quantity > 0) squares += (quantity - mean) * (quantity - mean);
  }
  const sd = history > 1 ? Math.sqrt(squares / (history - 1)) : 0;
  // CV² = n(n·Σx² − (Σx)²) / ((n − 1)(Σx)²): exact for integer sizes up to 2^53.
  const cv2 =
    nonZero > 1
      ? Math.max(0, nonZero * (nonZero * sumSquares - sum * sum)) / ((nonZero - 1) * sum * sum)
      : null;
  return {
    historyPeriods: history,
    nonZeroPeriods: nonZero,
    periodsSinceDemand: length - 1 - last,
    totalDemand: sum,
    mean,
    sd,
    cv: sd / mean,
    meanSize: sum / nonZero,
    adi: history / nonZero,
    cv2,
  };
}
