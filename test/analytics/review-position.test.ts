import { describe, expect, it } from "vitest";
import { reviewPosition } from "../../analytics/_lib/review-position.js";
import { leadTimeDemandModel, reviewPeriodDemand } from "../../analytics/lead-time-demand.js";
import { createRandom, type Random } from "../../analytics/random.js";
import {
  expectedFillRate,
  type PolicyDemand,
  reorderPointForFillRate,
} from "../../analytics/service-level.js";
import { simulatePolicy } from "../../analytics/simulate-policy.js";
import type { DemandPattern } from "../../analytics/types.js";

/** Negative binomial probabilities with mean m and variance v > m, P(0) … P(size − 1). */
function negativeBinomial(mean: number, variance: number, size: number): number[] {
  const p = mean / variance;
  const r = (mean * mean) / (variance - mean);
  const probabilities = [p ** r];
  for (let k = 1; k < size; k++) {
    probabilities.push(((probabilities[k - 1] as number) * (k - 1 + r) * (1 - p)) / k);
  }
  return probabilities;
}

/**
 * The exact long-run share of reviews that leave the position at S, by the discrete renewal
 * recursion u(w) = [w = 0] + Σₖ P(X = k)·u(w − k) over W = S − y ∈ {0, …, Q}: u(0) / Σ u(w).
 */
function exactAtMax(review: readonly number[], orderQuantity: number): number {
  const renewals: number[] = [];
  const zero = review[0] as number;
  for (let w = 0; w <= orderQuantity; w++) {
    let value = w === 0 ? 1 : 0;
    for (let k = 1; k <= w && k < review.length; k++) {
      value += (review[k] as number) * (renewals[w - k] as number);
    }
    renewals.push(value / (1 - zero));
  }
  return (renewals[0] as number) / renewals.reduce((sum, value) => sum + value, 0);
}

describe("reviewPosition", () => {
  it("weighs the position at S as the discrete renewal recursion does (within 0.05)", () => {
    for (const [mean, variance] of [
      [4, 6],
      [4, 30],
      [20, 60],
      [1.5, 12],
      [0.6, 2],
    ] as const) {
      const review = negativeBinomial(mean, variance, 2000);
      const zeroChance = review[0] as number;
      for (const multiple of [1, 2, 4, 8]) {
        const orderQuantity = Math.max(1, Math.round(multiple * mean));
        const approximate = reviewPosition({ mean, variance, zeroChance }, orderQuantity, 1);
        expect(
          Math.abs(approximate.atMax - exactAtMax(review, orderQuantity)),
          `mean ${mean}, variance ${variance}, Q ${orderQuantity}`,
        ).toBeLessThan(0.05);
      }
    }
  });

  it("leaves the position at S after every review when any demand triggers an order", () => {
    expect(reviewPosition({ mean: 5, variance: 10, zeroChance: 0.1 }, 0, 1)).toEqual({
      atMax: 1,
      gap: 0,
    });
    expect(reviewPosition({ mean: 0, variance: 0, zeroChance: 1 }, 10, 1).atMax).toBe(1);
  });

  it("is exact for exponential review demand: a Poisson process renews Q/E[X] times, evenly", () => {
    // Exponential X (sd = mean = 10), continuous, Q = 30: U(Q) = 1 + 30/10, so S weighs 1/4 and
    // the rest spreads evenly over [s, S] (gap 0).
    const position = reviewPosition({ mean: 10, variance: 100, zeroChance: 0 }, 30, 0);
    expect(position.atMax).toBeCloseTo(0.25, 9);
    expect(position.gap).toBeCloseTo(0, 6);
  });

  it("tends to Smith's asymptote for large order quantities: E[X]/(Q + E[X²]/2E[X]) at S, no gap", () => {
    // Exponential-like review demand (sd = mean = 10), continuous: overshoot E[X²]/(2E[X]) = 10.
    const position = reviewPosition({ mean: 10, variance: 100, zeroChance: 0 }, 200, 0);
    expect(position.atMax).toBeCloseTo(10 / 210, 12);
    expect(position.gap).toBe(0);
  });
});

/** Draws negative binomial demand (a Poisson–gamma mixture) or normal demand per period. */
function drawDemand(random: Random, pattern: DemandPattern, mean: number, variance: number) {
  if (pattern === "smooth") return Math.max(0, mean + Math.sqrt(variance) * random.normal());
  const r = (mean * mean) / (variance - mean);
  return random.poisson((random.gamma(r) * mean) / r);
}

/**
 * The model against a long replay of i.i.d. demand from the model's own per-period distribution:
 * demand over L and L + R then follows the model exactly (normal and negative binomial sums), so
 * what is left to check is where reviews leave the position. Independent of the formula: the replay
 * counts filled demand period by period.
 */
describe("expected fill rate of an (R, s, S) policy against a long simulation", () => {
  const cases = [
    { pattern: "smooth", mean: 20, variance: 49, lead: 2, review: 4 },
    { pattern: "smooth", mean: 20, variance: 49, lead: 1, review: 1 },
    { pattern: "intermittent", mean: 1, variance: 4, lead: 2, review: 4 },
    { pattern: "lumpy", mean: 1.5, variance: 12, lead: 1, review: 1 },
    { pattern: "lumpy", mean: 1.5, variance: 12, lead: 4, review: 2 },
  ] as const;
  for (const { pattern, mean, variance, lead, review } of cases) {
    for (const multiple of [1, 2, 4]) {
      it(`${pattern}, L ${lead}, R ${review}, Q = ${multiple} × review demand: within 0.6 points`, () => {
        const input = {
          pattern,
          demandPerPeriod: mean,
          variancePerPeriod: variance,
          levelErrorVariance: 0,
          leadTimeSdPeriods: 0,
          wholeUnits: pattern !== "smooth",
        };
        const reviewDemand = reviewPeriodDemand({ ...input, periods: review }, review);
        const demand: PolicyDemand = {
          protection: leadTimeDemandModel({ ...input, periods: lead + review }),
          leadTime: leadTimeDemandModel({ ...input, periods: lead }),
          reviewDemand: reviewDemand.mean,
          reviewDemandVariance: reviewDemand.variance,
          reviewZeroChance: reviewDemand.zeroChance,
          lattice: input.wholeUnits ? 1 : 0,
        };
        const orderQuantity = Math.max(1, Math.round(multiple * mean * review));
        const reorderPoint = reorderPointForFillRate(demand, 0.93, orderQuantity);
        const periods = 200_000;
        const random = createRandom(7);
        const quantities = Float64Array.from({ length: periods }, () =>
          drawDemand(random, pattern, mean, variance),
        );
        const result = simulatePolicy(
          quantities,
          periods,
          {
            reorderPoints: Float64Array.of(reorderPoint),
            maxStocks: Float64Array.of(reorderPoint + orderQuantity),
            orderMultiples: Float64Array.of(input.wholeUnits ? 1 : 1e-9),
            minOrderQuantities: Float64Array.of(0),
            reviewPeriods: Int32Array.of(review),
            leadTimePeriods: [lead],
            unitCosts: Float64Array.of(1),
            holdingCostsPerYear: Float64Array.of(0),
            orderCosts: Float64Array.of(0),
          },
          { start: 0, measureFrom: 200, end: periods, periodsPerYear: 52 },
        );
        const simulated = (result.filledFromStock[0] as number) / (result.demand[0] as number);
        const expected = expectedFillRate(demand, reorderPoint, reorderPoint + orderQuantity);
        expect(Math.abs(simulated - expected)).toBeLessThan(0.006);
      });
    }
  }
});
