/**
 * How demand over several periods varies compared with independent periods. The textbook lead-time
 * demand variance t·σd² assumes that one period's demand says nothing about the next. Demand that
 * comes from production lots (a component consumed in a lot every few weeks) is negatively
 * autocorrelated: over a lead time + review period it varies far less than t·σd², and planning
 * on t·σd² overstocks it. Seasonal or trending demand is positively autocorrelated and varies more.
 *
 * The variance ratio VR(q) = Var(demand over q periods) / (q·Var(one period)) measures this from the
 * item's own history with overlapping q-period sums and the bias correction of Lo & MacKinlay (1988),
 * "Stock market prices do not follow random walks", Review of Financial Studies 1(1) 41–66, eq. 12;
 * the use of overlapping temporal aggregation for lead-time demand follows Boylan & Babai (2016),
 * International Journal of Production Economics 181, 136–144. Under independence the estimate has
 * sampling variance 2(2q − 1)(q − 1)/(3qn) (Lo & MacKinlay, eq. 15), so one short history says
 * little: each item's estimate is shrunk towards 1, independence, by empirical Bayes — as far as the
 * spread of the estimates across the portfolio exceeds what sampling alone explains
 * (Efron & Morris 1975, JASA 70(350) 311–319). A portfolio of independent demands keeps VR = 1.
 */

/** One item's estimate of VR(q), with its sampling variance under independence. */
export interface VarianceRatioEstimate {
  readonly ratio: number;
  readonly samplingVariance: number;
}

/** The lowest ratio kept: even perfectly regular lots leave some variance over an interval. */
const MIN_RATIO = 0.05;

/**
 * Estimates VR(q) from a history (negative periods count as zero).
 * @param series per-period demand from the first demand on; not modified.
 * @param horizon q, whole periods.
 * @returns the estimate, or null when q ≤ 1, the history is shorter than 2q + 2 periods, or
 *   demand never varies.
 * @example
 * // Lots of 4 every 2nd period: per-period variance 4, but every 2-period sum is exactly 4.
 * varianceRatio([4, 0, 4, 0, 4, 0, 4, 0, 4, 0], 2)?.ratio; // 0
 */
export function varianceRatio(
  series: ArrayLike<number>,
  horizon: number,
): VarianceRatioEstimate | null {
  const n = series.length;
  const q = Math.round(horizon);
  if (q <= 1 || n < 2 * q + 2) return null;
  let sum = 0;
  for (let t = 0; t < n; t++) sum += Math.max(0, series[t] as number);
  const mean = sum / n;
  let single = 0;
  let aggregated = 0;
  let rolling = 0;
  for (let t = 0; t < n; t++) {
    const quantity = Math.max(0, series[t] as number);
    single += (quantity - mean) * (quantity - mean);
    rolling += quantity;
    if (t >= q) rolling -= Math.max(0, series[t - q] as number);
    if (t >= q - 1) aggregated += (rolling - q * mean) * (rolling - q * mean);
  }
  if (!(single > 0)) return null;
  // Lo & MacKinlay's unbiased forms: σ²_a with n − 1, σ²_c with m = q(n − q + 1)(1 − q/n).
  const perPeriod = single / (n - 1);
  const overInterval = aggregated / (q * (n - q + 1) * (1 - q / n));
  return { ratio: overInterval / perPeriod, samplingVariance: samplingVariance(q, n) };
}

/** Lo & MacKinlay's eq. 15: the variance of VR(q) from n periods under independence. */
function samplingVariance(q: number, n: number): number {
  return (2 * (2 * q - 1) * (q - 1)) / (3 * q * n);
}

/**
 * The spread of true variance ratios around 1 across a portfolio, from everyone's estimates:
 * mean of (estimate − 1)² less the mean sampling variance, at least 0.
 */
export class VarianceRatioSpread {
  private squares = 0;
  private sampling = 0;
  private count = 0;

  add(estimate: VarianceRatioEstimate | null): void {
    if (estimate === null) return;
    this.squares += (estimate.ratio - 1) * (estimate.ratio - 1);
    this.sampling += estimate.samplingVariance;
    this.count++;
  }

  /** The between-item variance of true ratios (0 when nothing was added). */
  variance(): number {
    return this.count > 0 ? Math.max(0, (this.squares - this.sampling) / this.count) : 0;
  }
}

/**
 * An item's ratio shrunk towards 1: 1 + w·(estimate − 1), w = spread / (spread + sampling variance).
 * @param estimate the item's estimate, or null (then 1).
 * @param spread the portfolio's {@link VarianceRatioSpread.variance}.
 */
export function shrunkVarianceRatio(
  estimate: VarianceRatioEstimate | null,
  spread: number,
): number {
  if (estimate === null || !(spread > 0)) return 1;
  const weight = spread / (spread + estimate.samplingVariance);
  return Math.max(MIN_RATIO, 1 + weight * (estimate.ratio - 1));
}

/**
 * One-sided 95 % normal quantile: an item counts as steadier than independent periods when its
 * posterior puts VR(L + R) below 1 with this much credibility.
 */
const STEADY_Z = 1.6448536269514722;

/** The three intervals a periodic-review policy needs: lead time, lead time + review, review. */
const INTERVALS = 3;
const LEAD_TIME = 0;
const PROTECTION = 1;
const REVIEW = 2;

/**
 * Every item's variance ratios over its lead time L, its protection interval L + R and its review
 * period R: estimated item by item (the same estimator as {@link varianceRatio}, the three intervals
 * from one running sum), then shrunk together (each interval has its own spread).
 */
export class IntervalVarianceRatios {
  private readonly ratios: Float64Array;
  private readonly sampling: Float64Array;
  private readonly steady: Uint8Array;
  private readonly spreads = Array.from({ length: INTERVALS }, () => new VarianceRatioSpread());
  private cumulative = new Float64Array(0);

  constructor(itemCount: number) {
    this.ratios = new Float64Array(itemCount * INTERVALS).fill(Number.NaN);
    this.sampling = new Float64Array(itemCount * INTERVALS);
    this.steady = new Uint8Array(itemCount);
  }

  /**
   * Estimates item `item`'s ratios from its history (from its first demand on).
   * @param leadTimePeriods L, rounded to whole periods for the estimate.
   * @param reviewPeriods R.
   */
  estimate(
    item: number,
    history: ArrayLike<number>,
    leadTimePeriods: number,
    reviewPeriods: number,
  ): void {
    const n = history.length;
    if (this.cumulative.length < n + 1) this.cumulative = new Float64Array(2 * n + 1);
    const cumulative = this.cumulative;
    let sum = 0;
    let squares = 0;
    for (let t = 0; t < n; t++) {
      const quantity = Math.max(0, history[t] as number);
      sum += quantity;
      squares += quantity * quantity;
      cumulative[t + 1] = sum;
    }
    const mean = sum / n;
    const single = squares - sum * mean;
    if (!(single > 1e-12 * squares)) return;
    const perPeriod = single / (n - 1);
    const lead = Math.round(leadTimePeriods);
    const horizons = [lead, lead + reviewPeriods, reviewPeriods];
    for (let interval = 0; interval < INTERVALS; interval++) {
      const q = horizons[interval] as number;
      if (q <= 1 || n < 2 * q + 2) continue;
      let aggregated = 0;
      for (let t = q; t <= n; t++) {
        const deviation = (cumulative[t] as number) - (cumulative[t - q] as number) - q * mean;
        aggregated += deviation * deviation;
      }
      const slot = item * INTERVALS + interval;
      this.ratios[slot] = aggregated / (q * (n - q + 1) * (1 - q / n)) / perPeriod;
      this.sampling[slot] = samplingVariance(q, n);
      (this.spreads[interval] as VarianceRatioSpread).add({
        ratio: this.ratios[slot] as number,
        samplingVariance: this.sampling[slot] as number,
      });
    }
  }

  /**
   * Shrinks every estimate once all items are in, and marks the items whose protection-interval
   * ratio lies below 1 with 95 % posterior credibility: under the normal prior of the shrinkage the
   * posterior of the true ratio has the shrunk ratio as mean and spread·s²/(spread + s²) as variance
   * (s² the item's sampling variance; Efron & Morris 1975).
   */
  shrink(): void {
    const spreads = this.spreads.map((spread) => spread.variance());
    for (let slot = 0; slot < this.ratios.length; slot++) {
      const ratio = this.ratios[slot] as number;
      if (Number.isNaN(ratio)) {
        this.ratios[slot] = 1;
        continue;
      }
      const spread = spreads[slot % INTERVALS] as number;
      const sampling = this.sampling[slot] as number;
      this.ratios[slot] = shrunkVarianceRatio({ ratio, samplingVariance: sampling }, spread);
      if (slot % INTERVALS === PROTECTION && spread > 0) {
        const posteriorSd = Math.sqrt((spread * sampling) / (spread + sampling));
        const shrunk = 1 + (spread / (spread + sampling)) * (ratio - 1);
        this.steady[(slot - PROTECTION) / INTERVALS] = shrunk < 1 - STEADY_Z * posteriorSd ? 1 : 0;
      }
    }
  }

  /**
   * Whether the item's demand over L + R is credibly steadier than independent periods would make
   * it — the mark of consumption in production lots (see `window-lead-time-demand.ts`).
   */
  steadierThanIndependent(item: number): boolean {
    return this.steady[item] === 1;
  }

  leadTime(item: number): number {
    return this.ratios[item * INTERVALS + LEAD_TIME] as number;
  }
  protection(item: number): number {
    return this.ratios[item * INTERVALS + PROTECTION] as number;
  }
  review(item: number): number {
    return this.ratios[item * INTERVALS + REVIEW] as number;
  }
}
