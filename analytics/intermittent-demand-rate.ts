/**
 * Demand per period of an intermittent item by the Syntetos–Boylan Approximation: Croston's method
 * (sizes and intervals smoothed separately, updated at each demand) with the bias correction 1 − α/2.
 * Initialised as `tsintermittent::crost(init = "mean")`: the first size, and the mean interval; the
 * series is read from its first demand, so the first interval is 1.
 * Sources: Croston (1972), ORQ 23(3) 289–303; Syntetos & Boylan (2005), IJF 21(2) 303–314;
 * Kourentzes (2014), IJPE 156, for the initialisation.
 * @param series per-period demand, oldest first (negative periods count as zero); not modified.
 * @param alpha smoothing constant for sizes and intervals, 0 < α ≤ 1 (typically 0.05–0.2).
 * @returns demand per period, 0 without demand.
 * @throws {RangeError} when α is outside (0, 1].
 * @example
 * sbaDemandRate([0, 3, 0, 0, 5, 0, 1], 0.1); // (1 − 0.05) · z / p, see the test for the hand computation
 */
export function sbaDemandRate(series: ArrayLike<number>, alpha: number): number {
  checkSmoothing(alpha, "alpha");
  let first = -1;
  let count = 0;
  let last = -1;
  for (let t = 0; t < series.length; t++) {
    if ((series[t] as number) > 0) {
      if (first < 0) first = t;
      count++;
      last = t;
    }
  }
  if (count === 0) return 0;
  // Intervals: 1 for the first demand (the window opens there), then the gaps between demands.
  const meanInterval = (1 + last - first) / count;
  let size = series[first] as number;
  let interval = meanInterval;
  let previous = first;
  for (let t = first + 1; t < series.length; t++) {
    const quantity = series[t] as number;
    if (quantity > 0) {
      size += alpha * (quantity - size);
      interval += alpha * (t - previous - interval);
      previous = t;
    }
  }
  return ((1 - alpha / 2) * size) / interval;
}

/**
 * Demand per period by Teunter–Syntetos–Babai: the probability of demand is smoothed every period
 * (towards 1 or 0) and the size at each demand, so the forecast decays through a run of zeros — the
 * behaviour wanted for items heading for obsolescence. Initialised with the share of periods with
 * demand and the mean size over the window from the first demand.
 * Source: Teunter, Syntetos & Babai (2011), "Intermittent demand: linking forecasting to inventory
 * obsolescence", EJOR 214(3) 606–615.
 * @param series per-period demand, oldest first (negative periods count as zero); not modified.
 * @param alpha smoothing of sizes, 0 < α ≤ 1.
 * @param beta smoothing of the demand probability, 0 < β ≤ 1.
 * @returns demand per period, 0 without demand.
 * @throws {RangeError} when α or β is outside (0, 1].
 * @example
 * tsbDemandRate([0, 3, 0, 0, 5, 0, 1], 0.1, 0.1); // p · z, see the test for the hand computation
 */
export function tsbDemandRate(series: ArrayLike<number>, alpha: number, beta: number): number {
  checkSmoothing(alpha, "alpha");
  checkSmoothing(beta, "beta");
  let first = -1;
  let count = 0;
  let sum = 0;
  for (let t = 0; t < series.length; t++) {
    const quantity = series[t] as number;
    if (quantity > 0) {
      if (first < 0) first = t;
      count++;
      sum += quantity;
    }
  }
  if (count === 0) return 0;
  let probability = count / (series.length - first);
  let size = sum / count;
  for (let t = first; t < series.length; t++) {
    const quantity = series[t] as number;
    if (quantity > 0) {
      probability += beta * (1 - probability);
      size += alpha * (quantity - size);
    } else {
      probability -= beta * probability;
    }
  }
  return probability * size;
}

function checkSmoothing(value: number, name: string): void {
  if (!(value > 0 && value <= 1)) {
    throw new RangeError(`${name} must lie in (0, 1], got ${value}`);
  }
}
