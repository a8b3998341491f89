/**
 * The uncertainty a forecast carries beyond the period-to-period noise of demand, in two parts.
 *
 * Parameter uncertainty: a mean and a variance estimated from n periods are themselves uncertain.
 * The predictive distribution of future demand under a normal model with unknown mean and variance
 * is a Student t with ν = n − 1 degrees of freedom, whose variance exceeds the plug-in one by
 * ν / (ν − 2), and whose mean carries the sampling error σ²/n. Sources: Prak, Teunter & Syntetos
 * (2017), "On the calculation of safety stocks when demand is forecasted", EJOR 256(2) 454–461;
 * Silver, Pyke & Thomas (2017) §4.8.
 *
 * Level drift: true demand levels move. Splitting each history into its last `block` periods and the
 * periods before, the squared difference of the two means exceeds what independent noise explains,
 * σ²(1/block + 1/early), by the variance of the drift. Pooled over the portfolio relative to each
 * item's squared level (single items have too few blocks), this gives the drift ratio τ²: demand
 * levels move by about τ·100 % over a block. Items with less than two blocks of history do not
 * contribute; a history without drift gives 0.
 */

/** Accumulates the drift ratio over items. */
export class LevelDriftMeter {
  private excess = 0;
  private levels = 0;

  constructor(private readonly block: number) {}

  /**
   * Adds one item: `series` is its per-period demand from the first demand to the as-of period
   * (negative periods count as zero), `variance` its sample variance per period.
   */
  add(series: ArrayLike<number>, variance: number): void {
    const block = this.block;
    const early = series.length - block;
    if (block < 1 || early < block) return;
    let earlySum = 0;
    let lateSum = 0;
    for (let t = 0; t < series.length; t++) {
      const quantity = Math.max(0, series[t] as number);
      if (t < early) earlySum += quantity;
      else lateSum += quantity;
    }
    const level = (earlySum + lateSum) / series.length;
    const difference = lateSum / block - earlySum / early;
    this.excess += difference * difference - variance * (1 / block + 1 / early);
    this.levels += level * level;
  }

  /** τ²: drift variance per squared demand level, ≥ 0 (0 when nothing was measured). */
  ratio(): number {
    return this.levels > 0 ? Math.max(0, this.excess / this.levels) : 0;
  }
}

/** The predictive variance factor ν/(ν − 2) is capped here, for histories of 3 or 4 periods. */
const MAX_PREDICTIVE_FACTOR = 3;

/**
 * Per-period demand variance for planning: the sample variance widened by the Student-t factor
 * ν/(ν − 2), ν = history periods − 1.
 */
export function predictiveVariance(variance: number, historyPeriods: number): number {
  const freedom = historyPeriods - 1;
  const factor =
    freedom > 2 ? Math.min(MAX_PREDICTIVE_FACTOR, freedom / (freedom - 2)) : MAX_PREDICTIVE_FACTOR;
  return variance * factor;
}

/**
 * Variance of the error in an item's demand level, per period²: the sampling error of a mean over
 * `historyPeriods` periods plus the measured drift τ² × level². The lead-time demand variance carries
 * it t² times over an interval of t periods (see `leadTimeDemandModel`).
 */
export function levelErrorVariance(
  variance: number,
  historyPeriods: number,
  driftRatio: number,
  level: number,
): number {
  if (!(historyPeriods > 0)) return 0;
  return variance / historyPeriods + driftRatio * level * level;
}
