/**
 * How far demand levels drift, measured on the history itself. The textbook lead-time demand
 * variance treats per-period demand as independent around a known level; real levels are estimated
 * from a finite history and move. Splitting each history into its last `block` periods and the
 * periods before, the squared difference of the two means exceeds what independent noise explains,
 * σ²(1/block + 1/early), by the variance of the level drift. Pooled over the portfolio relative to
 * each item's σ² (single items have too few blocks), this gives the drift ratio τ² used in
 * `levelErrorVariance`. Items whose history is shorter than two blocks do not contribute.
 */

/** Accumulates the drift ratio over items. */
export class LevelDriftMeter {
  private excess = 0;
  private variance = 0;

  constructor(private readonly block: number) {}

  /**
   * Adds one item: `series` is its per-period demand from the first demand to the as-of period
   * (negative periods count as zero), `variance` its sample variance per period.
   */
  add(series: ArrayLike<number>, variance: number): void {
    const block = this.block;
    const early = series.length - block;
    if (block < 1 || early < block || !(variance > 0)) return;
    let earlySum = 0;
    let lateSum = 0;
    for (let t = 0; t < series.length; t++) {
      const quantity = Math.max(0, series[t] as number);
      if (t < early) earlySum += quantity;
      else lateSum += quantity;
    }
    const difference = lateSum / block - earlySum / early;
    this.excess += difference * difference - variance * (1 / block + 1 / early);
    this.variance += variance;
  }

  /** τ²: drift variance per unit of per-period variance, ≥ 0 (0 when nothing was measured). */
  ratio(): number {
    return this.variance > 0 ? Math.max(0, this.excess / this.variance) : 0;
  }
}

/**
 * Variance of the error in an item's demand level, per period²: the sampling error of a mean over
 * `historyPeriods` periods plus the measured drift, both in units of the item's per-period variance.
 * Source for the sampling part: Silver, Pyke & Thomas (2017) §4.8 (forecast errors over the lead
 * time); the lead-time demand variance then carries it t² times (see `leadTimeDemandModel`).
 */
export function levelErrorVariance(
  variance: number,
  historyPeriods: number,
  driftRatio: number,
): number {
  if (!(historyPeriods > 0)) return 0;
  return variance * (1 / historyPeriods + driftRatio);
}
