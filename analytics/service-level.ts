import type { DemandModel } from "./_lib/demand-model.js";
import { type ReviewPosition, reviewPosition } from "./_lib/review-position.js";

/**
 * The demand an (R, s, S) policy faces: over the lead time L, over lead time + review period L + R
 * (the protection interval), and over one review period.
 */
export interface PolicyDemand {
  /** Demand over L + R. */
  readonly protection: DemandModel;
  /** Demand over L. */
  readonly leadTime: DemandModel;
  /** Mean demand over one review period R. */
  readonly reviewDemand: number;
  /**
   * The variance of one review period's demand and the chance that a review period passes without
   * demand: they decide where reviews leave the inventory position (see `review-position.ts`).
   */
  readonly reviewDemandVariance: number;
  readonly reviewZeroChance: number;
  /** The step of the inventory position: 1 for whole units, 0 for continuous quantities. */
  readonly lattice: number;
}

/** What one policy gives: expected fill rate, cycle service and stock on hand. */
export interface PolicyOutcome {
  fillRate: number;
  cycleService: number;
  onHand: number;
}

/**
 * Where reviews leave the inventory position of an item ordering `orderQuantity` = S − s.
 * @param demand the demand models of the policy.
 * @param orderQuantity S − s.
 */
export function positionAfterReview(demand: PolicyDemand, orderQuantity: number): ReviewPosition {
  return reviewPosition(
    {
      mean: demand.reviewDemand,
      variance: demand.reviewDemandVariance,
      zeroChance: demand.reviewZeroChance,
    },
    orderQuantity,
    demand.lattice,
  );
}

/**
 * Fill rate, cycle service and stock on hand of one (R, s, S) policy, given where reviews leave its
 * position (computed once per order quantity by {@link positionAfterReview}). Writes into `into` so
 * that hot loops allocate nothing.
 *
 * With the position y after a review at S (weight a) or spread evenly over [s, S − gap], the demand
 * short in one review cycle is E_y[E[(D(L+R) − y)⁺] − E[(D(L) − y)⁺]]: backorders when the next
 * order lands, less those when this one landed. Fill rate = 1 − shortage ÷ mean review demand.
 * Stock on hand, averaged over the cycle: E[y] − E[D(L)] − E[D(R)]/2 plus the average backorders.
 * Sources: Hadley & Whitin (1963), Analysis of Inventory Systems, §5; Silver, Pyke & Thomas (2017),
 * eq. 8.10 (the (R, S) fill rate this reduces to when s = S).
 */
export function evaluatePolicy(
  demand: PolicyDemand,
  position: ReviewPosition,
  reorderPoint: number,
  maxStock: number,
  into: PolicyOutcome,
): PolicyOutcome {
  const { protection, leadTime, lattice } = demand;
  const { atMax, gap } = position;
  const spreadTop = Math.max(reorderPoint, maxStock - gap);
  const protectionSpread = protection.averageLoss(reorderPoint, spreadTop, lattice);
  into.cycleService = protection.fromCdf;
  // The loss at the max: the average has just evaluated it at the spread's top, S − gap; with a gap,
  // that bounds it from above, and once it is negligible it stands for it.
  const negligible = 1e-9 * demand.reviewDemand;
  const protectionAtMax =
    gap > 0 && protection.toLoss > negligible ? protection.loss(maxStock) : protection.toLoss;
  const leadTimeSpread = leadTime.averageLoss(reorderPoint, spreadTop, lattice);
  const leadTimeAtMax =
    gap > 0 && leadTime.toLoss > negligible ? leadTime.loss(maxStock) : leadTime.toLoss;
  const protectionShort = (1 - atMax) * protectionSpread + atMax * protectionAtMax;
  const leadTimeShort = (1 - atMax) * leadTimeSpread + atMax * leadTimeAtMax;
  const level = (1 - atMax) * ((reorderPoint + spreadTop) / 2) + atMax * maxStock;
  const review = demand.reviewDemand;
  into.fillRate =
    review > 0 ? Math.min(1, Math.max(0, 1 - (protectionShort - leadTimeShort) / review)) : 1;
  into.onHand = Math.max(
    0,
    level - leadTime.mean - review / 2 + (protectionShort + leadTimeShort) / 2,
  );
  return into;
}

const scratch: PolicyOutcome = { fillRate: 0, cycleService: 0, onHand: 0 };

/**
 * The expected fill rate (share of demand served from stock) of a periodic-review min/max policy:
 * order up to `maxStock` at a review when the inventory position is below `reorderPoint`
 * (see {@link evaluatePolicy}).
 * @param demand the demand models of the policy.
 * @param reorderPoint s.
 * @param maxStock S ≥ s.
 * @returns the expected fill rate in [0, 1]; 1 without demand.
 * @example
 * // Smooth demand 100 ± 20 a period, lead time 1 period, review every period:
 * const model = (periods: number) => leadTimeDemandModel({ pattern: "smooth", demandPerPeriod: 100,
 *   variancePerPeriod: 400, levelErrorVariance: 0, periods, leadTimeSdPeriods: 0, wholeUnits: false });
 * const demand = { protection: model(2), leadTime: model(1), reviewDemand: 100,
 *   reviewDemandVariance: 400, reviewZeroChance: 0, lattice: 0 };
 * expectedFillRate(demand, 250, 250); // 0.99562 (SciPy check in the tests)
 */
export function expectedFillRate(
  demand: PolicyDemand,
  reorderPoint: number,
  maxStock: number,
): number {
  if (!(demand.reviewDemand > 0)) return 1;
  const position = positionAfterReview(demand, maxStock - reorderPoint);
  return evaluatePolicy(demand, position, reorderPoint, maxStock, scratch).fillRate;
}

/**
 * The expected cycle service (P1): the probability that demand over lead time + review period does
 * not exceed the reorder point, i.e. that a replenishment cycle ends without a stockout.
 * @param demand the demand models of the policy.
 * @param reorderPoint s.
 * @returns P(D(L + R) ≤ s).
 * @example
 * expectedCycleService(demand, 250); // Φ((250 − 200) / (20·√2)) ≈ 0.961 (`demand` as above)
 */
export function expectedCycleService(demand: PolicyDemand, reorderPoint: number): number {
  return demand.protection.cdf(reorderPoint);
}

/**
 * The expected stock on hand, averaged over time (see {@link evaluatePolicy}).
 * @param demand the demand models of the policy.
 * @param reorderPoint s.
 * @param maxStock S ≥ s.
 * @returns units on hand on average, ≥ 0.
 * @example
 * expectedOnHand(demand, 250, 350); // ≈ 150 + the position's lean towards S (`demand` as above)
 */
export function expectedOnHand(
  demand: PolicyDemand,
  reorderPoint: number,
  maxStock: number,
): number {
  const position = positionAfterReview(demand, maxStock - reorderPoint);
  return evaluatePolicy(demand, position, reorderPoint, maxStock, scratch).onHand;
}

/**
 * The reorder point for a cycle-service target: the `target` quantile of demand over lead time +
 * review period, rounded up to the lattice and never below zero.
 * @param demand the demand models of the policy.
 * @param target the cycle-service target in [0, 1).
 * @returns the reorder point.
 * @example
 * reorderPointForCycleService({ ...demand, lattice: 1 }, 0.95); // ⌈200 + 1.645·28.28⌉ = 247
 */
export function reorderPointForCycleService(demand: PolicyDemand, target: number): number {
  if (target <= 0) return 0;
  return roundUp(Math.max(0, demand.protection.quantile(target)), demand.lattice);
}

/**
 * The smallest reorder point whose expected fill rate reaches `target`, with the order quantity
 * Q = S − s held fixed: bisection on the fill rate, which rises with s (through the loss function).
 * @param demand the demand models of the policy.
 * @param target the fill-rate target in [0, 1).
 * @param orderQuantity Q ≥ 0.
 * @returns the reorder point (0 when even s = 0 reaches the target).
 * @example
 * reorderPointForFillRate({ ...demand, lattice: 1 }, 0.99, 50); // the least s reaching 99 % with Q = 50
 */
export function reorderPointForFillRate(
  demand: PolicyDemand,
  target: number,
  orderQuantity: number,
): number {
  const reaches = (s: number) => expectedFillRate(demand, s, s + orderQuantity) >= target;
  if (target <= 0 || reaches(0)) return 0;
  const sd = Math.sqrt(demand.protection.variance);
  let high = Math.max(demand.lattice, demand.protection.mean + 4 * sd);
  while (!reaches(high)) high = high * 2 + 1;
  let low = 0;
  const step = demand.lattice > 0 ? demand.lattice : 1e-6 * Math.max(1, high);
  while (high - low > step) {
    const middle =
      demand.lattice > 0 ? roundUp((low + high) / 2, demand.lattice) : (low + high) / 2;
    if (middle >= high) break;
    if (reaches(middle)) high = middle;
    else low = middle;
  }
  return high;
}

/** Rounds up to a multiple of `step` (no rounding when step is 0), tolerating float noise. */
export function roundUp(value: number, step: number): number {
  if (!(step > 0)) return value;
  return Math.ceil(value / step - 1e-9) * step;
}
