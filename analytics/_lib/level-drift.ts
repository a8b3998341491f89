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
 * Level drift: true demand levels move, and items whose demand rises are the ones that run short.
 * The drift is measured out of sample on the portfolio's own history: each item's last `block`
 * periods are held out, its forecast is made the planning way from the periods before them, and the
 * demand the block brought beyond that forecast, Σ (actual − forecast)⁺ over all items, is compared
 * with what the forecast's noise explains. For a block mean ~ N(f, v) that is E[(X − f)⁺] = √v/√(2π),
 * v = σ²(1/block + 1/early) from the predictive variance. The drift ratio τ² is the relative level
 * variance, the same for every item, that closes the gap:
 * Σ √(vᵢ + τ²·fᵢ²) = √(2π)·Σ (aᵢ − fᵢ)⁺.
 * Only the under-forecast side counts because only it costs service; a history whose items move no
 * more than their noise gives τ² = 0. Items with less than two blocks of history do not contribute.
 * Weighting by units, as the fill rate does, lets the items that carry the demand decide.
 */

/** The items' held-out forecasts, and the drift ratio they imply. */
export class LevelDriftMeter {
  private readonly forecasts: Float64Array;
  private readonly noise: Float64Array;
  private readonly actuals: Float64Array;

  /** @param itemCount items of the portfolio; each may add one held-out block. */
  constructor(itemCount: number) {
    this.forecasts = new Float64Array(itemCount).fill(Number.NaN);
    this.noise = new Float64Array(itemCount);
    this.actuals = new Float64Array(itemCount);
  }

  /**
   * Records item `item`'s held-out block.
   * @param forecast demand per period forecast from the periods before the block.
   * @param noiseVariance the variance of the block's mean demand that the forecast's noise
   *   explains, as if periods were independent.
   * @param actual the block's mean demand per period (net returns counted as zero).
   */
  add(item: number, forecast: number, noiseVariance: number, actual: number): void {
    if (!(forecast >= 0) || !(noiseVariance >= 0)) return;
    this.forecasts[item] = forecast;
    this.noise[item] = noiseVariance;
    this.actuals[item] = actual;
  }

  /**
   * τ², ≥ 0: the relative variance of demand levels over a block that the history shows.
   * @param noiseRatio per item, how far its demand's autocorrelation scales the noise of a sum of
   *   periods (its variance ratio; 1 for independent periods).
   */
  ratio(noiseRatio: (item: number) => number): number {
    const count = this.forecasts.length;
    const noise = new Float64Array(count);
    let shortfall = 0;
    for (let i = 0; i < count; i++) {
      const forecast = this.forecasts[i] as number;
      if (Number.isNaN(forecast)) continue;
      noise[i] = (this.noise[i] as number) * noiseRatio(i);
      shortfall += Math.max(0, (this.actuals[i] as number) - forecast);
    }
    const target = Math.sqrt(2 * Math.PI) * shortfall;
    const explained = (ratio: number) => {
      let sum = 0;
      for (let i = 0; i < count; i++) {
        const forecast = this.forecasts[i] as number;
        if (!Number.isNaN(forecast))
          sum += Math.sqrt((noise[i] as number) + ratio * forecast * forecast);
      }
      return sum;
    };
    if (!(target > explained(0))) return 0;
    let low = 0;
    let high = 1;
    while (explained(high) < target) {
      if (high > 1e6) return high;
      high *= 4;
    }
    // The explained shortfall rises with τ²; 40 halvings leave a relative error of 1e-12.
    for (let step = 0; step < 40; step++) {
      const middle = (low + high) / 2;
      if (explained(middle) < target) low = middle;
      else high = middle;
    }
    return high;
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
