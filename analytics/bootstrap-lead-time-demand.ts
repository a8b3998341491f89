import { type DemandModel, DiscreteModel } from "./_lib/demand-model.js";
import type { Random } from "./random.js";

/** Options of {@link bootstrapLeadTimeDemand}. */
export interface BootstrapOptions {
  /** Length of the interval in periods (lead time, or lead time + review period); may be fractional. */
  readonly periods: number;
  /** Standard deviation of the lead time, in periods: each replicate draws its own lead time. */
  readonly leadTimeSdPeriods: number;
  /**
   * Relative standard deviation of the demand level over the interval (level error ÷ level): each
   * replicate's total is scaled by 1 + this × a standard normal draw (floored at 0).
   */
  readonly levelErrorRelativeSd: number;
  /** Replicates (≥ 1). */
  readonly samples: number;
  readonly random: Random;
}

/**
 * Lead-time demand of an intermittent item by Willemain's bootstrap: the occurrence of demand in
 * each period follows the two-state Markov chain estimated from the history (demand / no demand),
 * starting from the last period's state; each period with demand draws one of the historical sizes,
 * jittered as round(x + z√x) (z standard normal; x itself when that is not positive) — the paper's
 * 1 + INT(x + z√x) adds half a unit to every demand on average, which matters for the small sizes
 * of spare parts. Summed over the interval this gives one replicate; their histogram is the
 * distribution. A fractional interval adds its last period with probability equal to the fraction.
 * Source: Willemain, Smart & Schwarz (2004), "A new approach to forecasting intermittent demand for
 * service parts inventories", IJF 20(3) 375–387.
 * @param series per-period demand from the first demand to the as-of period (negative periods count
 *   as zero); not modified. Sizes are whole units.
 * @param options interval, lead-time and level spread, replicates and the random stream.
 * @param into a discrete model whose tables to reuse.
 * @returns the bootstrapped distribution (kind `bootstrap`).
 * @throws {RangeError} without any demand in `series` or with fewer than 1 replicate.
 * @example
 * const model = bootstrapLeadTimeDemand([0, 3, 0, 0, 5, 0, 1], {
 *   periods: 3, leadTimeSdPeriods: 0, levelErrorRelativeSd: 0, samples: 1000, random: createRandom(1),
 * });
 * model.quantile(0.95); // a whole number of units
 */
export function bootstrapLeadTimeDemand(
  series: ArrayLike<number>,
  options: BootstrapOptions,
  into?: DiscreteModel,
): DemandModel {
  if (!(options.samples >= 1)) throw new RangeError(`samples must be ≥ 1, got ${options.samples}`);
  const sizes: number[] = [];
  let fromZero = 0;
  let zeroToDemand = 0;
  let fromDemand = 0;
  let demandToDemand = 0;
  let previous = false;
  for (let t = 0; t < series.length; t++) {
    const quantity = series[t] as number;
    const demand = quantity > 0;
    if (demand) sizes.push(quantity);
    if (t > 0) {
      if (previous) {
        fromDemand++;
        if (demand) demandToDemand++;
      } else {
        fromZero++;
        if (demand) zeroToDemand++;
      }
    }
    previous = demand;
  }
  if (sizes.length === 0) throw new RangeError("a bootstrap needs at least one period with demand");
  // With no observed transitions out of a state, fall back to the overall demand frequency.
  const frequency = sizes.length / series.length;
  const afterZero = fromZero > 0 ? zeroToDemand / fromZero : frequency;
  const afterDemand = fromDemand > 0 ? demandToDemand / fromDemand : frequency;

  const { random, samples } = options;
  const totals = new Float64Array(samples);
  let largest = 0;
  for (let replicate = 0; replicate < samples; replicate++) {
    let length = options.periods;
    if (options.leadTimeSdPeriods > 0) length += options.leadTimeSdPeriods * random.normal();
    length = Math.max(0, length);
    const whole = Math.floor(length);
    const periods = whole + (random.next() < length - whole ? 1 : 0);
    let state = previous;
    let total = 0;
    for (let t = 0; t < periods; t++) {
      state = random.next() < (state ? afterDemand : afterZero);
      if (!state) continue;
      const size = sizes[random.int(sizes.length)] as number;
      const jittered = Math.round(size + random.normal() * Math.sqrt(size));
      total += jittered > 0 ? jittered : size;
    }
    if (options.levelErrorRelativeSd > 0) {
      total = Math.round(total * Math.max(0, 1 + options.levelErrorRelativeSd * random.normal()));
    }
    totals[replicate] = total;
    if (total > largest) largest = total;
  }
  const counts = new Float64Array(largest + 1);
  for (let replicate = 0; replicate < samples; replicate++) {
    const total = totals[replicate] as number;
    counts[total] = (counts[total] as number) + 1;
  }
  const model = into ?? new DiscreteModel();
  model.loadCounts("bootstrap", counts, counts.length);
  return model;
}
