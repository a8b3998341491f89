import { type DemandModel, DiscreteModel } from "./_lib/demand-model.js";

/**
 * Probabilists' Gauss–Hermite nodes and weights (5 points): E[f(Z)] for a standard normal Z, exact
 * for polynomials up to degree 9 (Abramowitz & Stegun 1972, table 25.10, rescaled by √2).
 */
const HERMITE_NODES = [
  -2.856970013872806, -1.355626179974266, 0, 1.355626179974266, 2.856970013872806,
];
const HERMITE_WEIGHTS = [
  0.011257411327720691, 0.22207592200561266, 0.5333333333333333, 0.22207592200561266,
  0.011257411327720691,
];

/**
 * Demand over an interval as the item's own history saw it: the empirical distribution of its
 * demand summed over every window of that length (overlapping windows, one per start period).
 *
 * This is the model for parts drawn in production lots. Their demand over a lead time is a few
 * lots of recurring sizes, spaced by the parents' production rhythm: it takes a handful of values
 * (0, one lot, two lots…), and its number of lots varies far less than independent periods would
 * make it. A negative binomial or gamma with the right mean and variance still spreads its mass
 * between and beyond those values, so the fill rate it expects at a given reorder point is wrong in
 * both directions (it misses that covering one lot covers most cycles). The overlapping windows keep
 * the lot sizes, their spacing and the dependence between periods as they were (the moving-block
 * bootstrap with one block the length of the interval, enumerated: Künsch 1989, Annals of
 * Statistics 17(3) 1217–1241; overlapping temporal aggregation for lead-time demand: Boylan & Babai
 * 2016, IJPE 181, 136–144). A random lead time mixes the window lengths over a normal lead time
 * (5-point Gauss–Hermite); a fractional length mixes its two neighbouring whole lengths.
 * @param series per-period demand from the first demand to the as-of period (negative periods count
 *   as zero); not modified.
 * @param periods the interval in periods (lead time, or lead time + review period); may be fractional.
 * @param leadTimeSdPeriods the standard deviation of the lead time, in periods.
 * @param into a discrete model whose tables to reuse.
 * @returns the distribution of the interval's demand (kind `bootstrap`), in whole units.
 * @throws {RangeError} when no window of the interval's length fits in the history.
 * @example
 * // Lots of 10 every 3rd period, interval 2 periods: windows hold 0 or 10 units, 10 in 2 of 3.
 * windowLeadTimeDemand([10, 0, 0, 10, 0, 0, 10, 0, 0, 10], 2, 0).cdf(9); // 1/3
 */
export function windowLeadTimeDemand(
  series: ArrayLike<number>,
  periods: number,
  leadTimeSdPeriods: number,
  into?: DiscreteModel,
): DemandModel {
  const n = series.length;
  const cumulative = new Float64Array(n + 1);
  for (let t = 0; t < n; t++)
    cumulative[t + 1] = (cumulative[t] as number) + Math.max(0, series[t] as number);
  const weights = new Map<number, number>();
  const addLength = (length: number, weight: number) => {
    if (!(weight > 0) || length > n) return;
    const windows = n - length + 1;
    for (let end = length; end <= n; end++) {
      const total = Math.round((cumulative[end] as number) - (cumulative[end - length] as number));
      weights.set(total, (weights.get(total) ?? 0) + weight / windows);
    }
  };
  const spread = leadTimeSdPeriods > 0 ? HERMITE_NODES.length : 1;
  for (let node = 0; node < spread; node++) {
    const length =
      spread > 1
        ? Math.max(0, periods + leadTimeSdPeriods * (HERMITE_NODES[node] as number))
        : periods;
    const weight = spread > 1 ? (HERMITE_WEIGHTS[node] as number) : 1;
    const whole = Math.floor(length);
    addLength(whole, weight * (1 - (length - whole)));
    addLength(whole + 1, weight * (length - whole));
  }
  if (weights.size === 0) {
    throw new RangeError(`no window of ${periods} periods fits in ${n} periods of history`);
  }
  const largest = Math.max(...weights.keys());
  const counts = new Float64Array(largest + 1);
  for (const [total, weight] of weights) counts[total] = weight;
  const model = into ?? new DiscreteModel();
  model.loadCounts("bootstrap", counts, counts.length);
  return model;
}
