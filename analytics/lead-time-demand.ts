import {
  type DemandModel,
  type DiscreteModel,
  GammaModel,
  NormalModel,
  negativeBinomialModel,
  poissonModel,
  ZeroModel,
} from "./_lib/demand-model.js";
import type { ReviewDemand } from "./_lib/review-position.js";
import type { DemandPattern } from "./types.js";

export type { DemandModel } from "./_lib/demand-model.js";

/** What {@link leadTimeDemandModel} needs to know about an item and an interval. */
export interface LeadTimeDemandInput {
  readonly pattern: DemandPattern;
  /** Forecast demand per period (mean, or SBA/TSB for intermittent items). */
  readonly demandPerPeriod: number;
  /** Variance of per-period demand around its level (σd²). */
  readonly variancePerPeriod: number;
  /**
   * Variance of the error in the demand level itself, per period²: the estimation error of the
   * forecast plus the drift of the true level (see `levelErrorVariance`). 0 for the textbook model.
   */
  readonly levelErrorVariance: number;
  /** Length of the interval in periods (lead time, or lead time + review period); may be fractional. */
  readonly periods: number;
  /** Standard deviation of the lead time, in periods. */
  readonly leadTimeSdPeriods: number;
  /** Whether the item is counted in whole units (discrete models apply). */
  readonly wholeUnits: boolean;
}

/** Gamma shapes above this are indistinguishable from a normal and much slower to evaluate. */
const NORMAL_SHAPE = 400;

/**
 * The distribution of demand over an interval of `periods` periods with a random lead time:
 * mean = d·t and variance σ² = t·σd² + t²·σlevel² + d²·σL², the textbook lead-time demand variance
 * (Silver, Pyke & Thomas 2017, eq. 6.16: σ² = L·σd² + d²·σL²) plus the level-error term that a
 * forecast carries over the whole interval.
 *
 * The model follows the pattern: normal for smooth demand, gamma for erratic demand (skewed, never
 * negative), and for intermittent, lumpy and new items a negative binomial with that mean and
 * variance (a Poisson when the variance does not exceed the mean) — never a normal z·σ·√L, which
 * misplaces the tail of lumpy demand. Items counted in fractions of a unit, and interval demands
 * too large or too dispersed to tabulate in a few hundred units, get a gamma with the same moments
 * instead of the negative binomial. Sources: Syntetos, Babai & Altay (2012), "On the demand distributions of
 * spare parts", IJPR 50(8); Snyder, Ord & Beaumont (2012), IJF 28(2), for the negative binomial.
 * @param input the item's demand, the interval and the lead-time spread.
 * @param into a discrete model whose tables to reuse (a planning run tabulates many items); the
 *   result is then only valid until the next call with the same `into`.
 * @returns a {@link DemandModel}; a zero model without demand.
 * @example
 * const model = leadTimeDemandModel({
 *   pattern: "smooth", demandPerPeriod: 10, variancePerPeriod: 4, levelErrorVariance: 0,
 *   periods: 3, leadTimeSdPeriods: 0.5, wholeUnits: true,
 * });
 * model.mean; // 30
 * model.variance; // 3·4 + 10²·0.25 = 37
 */
export function leadTimeDemandModel(input: LeadTimeDemandInput, into?: DiscreteModel): DemandModel {
  const rate = input.demandPerPeriod;
  const t = input.periods;
  if (input.pattern === "none" || !(rate > 0) || !(t > 0 || input.leadTimeSdPeriods > 0)) {
    return new ZeroModel();
  }
  const mean = rate * t;
  const variance =
    t * input.variancePerPeriod +
    t * t * input.levelErrorVariance +
    rate * rate * input.leadTimeSdPeriods * input.leadTimeSdPeriods;
  if (!(variance > 0)) return new NormalModel(mean, 0);
  switch (input.pattern) {
    case "smooth":
      return new NormalModel(mean, Math.sqrt(variance));
    case "erratic":
      return continuousSkewed(mean, variance);
    default:
      if (!input.wholeUnits) return continuousSkewed(mean, variance);
      return variance > mean
        ? negativeBinomialModel(mean, variance, into)
        : poissonModel(mean, into);
  }
}

function continuousSkewed(mean: number, variance: number): DemandModel {
  if ((mean * mean) / variance > NORMAL_SHAPE) return new NormalModel(mean, Math.sqrt(variance));
  return new GammaModel(mean, variance);
}

/**
 * The demand of one review period of `periods` periods, as far as the inventory position's movement
 * between reviews is concerned: mean d·R, variance R·σd² (the level error moves every review alike),
 * and the chance of a review without demand — 0 for the continuous models of smooth and erratic
 * demand, else the negative binomial's (or Poisson's) P(0), as in {@link leadTimeDemandModel}.
 * @param input the item's demand (its `periods` and lead-time spread are ignored).
 * @param periods the review period R in periods.
 * @example
 * reviewPeriodDemand({ pattern: "intermittent", demandPerPeriod: 0.5, variancePerPeriod: 1,
 *   levelErrorVariance: 0, periods: 3, leadTimeSdPeriods: 0, wholeUnits: true }, 2);
 * // { mean: 1, variance: 2, zeroChance: 0.5 } (negative binomial r = 1, p = 0.5)
 */
export function reviewPeriodDemand(input: LeadTimeDemandInput, periods: number): ReviewDemand {
  const mean = Math.max(0, input.demandPerPeriod) * periods;
  const variance = Math.max(0, input.variancePerPeriod) * periods;
  let zeroChance = 0;
  const discrete =
    input.wholeUnits &&
    input.pattern !== "smooth" &&
    input.pattern !== "erratic" &&
    input.pattern !== "none";
  if (!(mean > 0)) zeroChance = 1;
  else if (discrete) {
    zeroChance =
      variance > mean
        ? Math.exp(((mean * mean) / (variance - mean)) * Math.log(mean / variance))
        : Math.exp(-mean);
  }
  return { mean, variance, zeroChance };
}
