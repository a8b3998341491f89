import { describe, expect, it } from "vitest";
import { NormalModel } from "../../analytics/_lib/demand-model.js";
import { leadTimeDemandModel, reviewPeriodDemand } from "../../analytics/lead-time-demand.js";
import { economicOrderQuantity, orderQuantity } from "../../analytics/order-quantity.js";
import { createRandom } from "../../analytics/random.js";
import {
  expectedCycleService,
  expectedFillRate,
  expectedOnHand,
  type PolicyDemand,
  reorderPointForCycleService,
  reorderPointForFillRate,
} from "../../analytics/service-level.js";
import { simulatePolicy } from "../../analytics/simulate-policy.js";

/** Normal demand d ± σ per period, lead time 1 period, review every period, continuous units. */
function demandOf(mean: number, sd: number): PolicyDemand {
  return {
    protection: new NormalModel(2 * mean, sd * Math.SQRT2),
    leadTime: new NormalModel(mean, sd),
    reviewDemand: mean,
    reviewDemandVariance: sd * sd,
    reviewZeroChance: 0,
    lattice: 0,
  };
}

describe("leadTimeDemandModel", () => {
  it("adds lead-time variance: σ² = L·σd² + d²·σL² (hand computation)", () => {
    const model = leadTimeDemandModel({
      pattern: "smooth",
      demandPerPeriod: 10,
      variancePerPeriod: 4,
      levelErrorVariance: 0,
      periods: 3,
      leadTimeSdPeriods: 0.5,
      wholeUnits: true,
    });
    expect(model.kind).toBe("normal");
    expect(model.mean).toBe(30);
    expect(model.variance).toBeCloseTo(3 * 4 + 100 * 0.25, 12);
  });

  it("carries the level error t² times", () => {
    const model = leadTimeDemandModel({
      pattern: "erratic",
      demandPerPeriod: 10,
      variancePerPeriod: 40,
      levelErrorVariance: 2,
      periods: 3,
      leadTimeSdPeriods: 0,
      wholeUnits: true,
    });
    expect(model.kind).toBe("gamma");
    expect(model.variance).toBeCloseTo(3 * 40 + 9 * 2, 12);
  });

  it("never uses a normal for intermittent or lumpy demand", () => {
    const base = {
      demandPerPeriod: 0.8,
      levelErrorVariance: 0,
      periods: 2,
      leadTimeSdPeriods: 0,
      wholeUnits: true,
    };
    expect(leadTimeDemandModel({ ...base, pattern: "lumpy", variancePerPeriod: 6 }).kind).toBe(
      "negative-binomial",
    );
    expect(
      leadTimeDemandModel({ ...base, pattern: "intermittent", variancePerPeriod: 0.5 }).kind,
    ).toBe("poisson");
    expect(
      leadTimeDemandModel({ ...base, pattern: "lumpy", variancePerPeriod: 6, wholeUnits: false })
        .kind,
    ).toBe("gamma");
    expect(leadTimeDemandModel({ ...base, pattern: "none", variancePerPeriod: 0 }).kind).toBe(
      "none",
    );
  });
});

describe("service levels of a min/max policy", () => {
  const demand = demandOf(100, 20);

  it("computes the fill rate through the loss function (SciPy values)", () => {
    // s = S = 250: every review orders, the position after it is S; 1 − (G_P(250) − G_L(250))/100
    // with G the normal loss of N(200, 28.28) and N(100, 20): scipy.stats gives 0.9956228556911572.
    expect(expectedFillRate(demand, 250, 250)).toBeCloseTo(0.9956228556911572, 12);
    expect(expectedCycleService(demand, 250)).toBeCloseTo(0.9614500641282291, 12);
    // On hand at s = S = 250: 250 − 100 − 50 + ½(G_P + G_L)(250), scipy: 100.2188...
    expect(expectedOnHand(demand, 250, 250)).toBeCloseTo(100.21885721544, 8);
  });

  it("solves reorder points for cycle-service and fill-rate targets", () => {
    // 200 + Φ⁻¹(0.95)·28.284 = 246.52 (scipy), rounded up to the lattice when there is one.
    expect(reorderPointForCycleService(demand, 0.95)).toBeCloseTo(246.52348614706693, 8);
    expect(reorderPointForCycleService({ ...demand, lattice: 1 }, 0.95)).toBe(247);
    const reorderPoint = reorderPointForFillRate({ ...demand, lattice: 1 }, 0.99, 50);
    expect(
      expectedFillRate({ ...demand, lattice: 1 }, reorderPoint, reorderPoint + 50),
    ).toBeGreaterThanOrEqual(0.99);
    expect(
      expectedFillRate({ ...demand, lattice: 1 }, reorderPoint - 1, reorderPoint + 49),
    ).toBeLessThan(0.99);
    expect(reorderPointForFillRate(demand, 0, 50)).toBe(0);
  });

  it("agrees with a long simulation of the same policy, with and without an order quantity", () => {
    // Independent check: simulate i.i.d. normal demand for 100,000 periods under the policy.
    const periods = 100_000;
    const random = createRandom(11);
    const quantities = Float64Array.from({ length: periods }, () =>
      Math.max(0, 100 + 20 * random.normal()),
    );
    const replay = (reorderPoint: number, maxStock: number) => {
      const result = simulatePolicy(
        quantities,
        periods,
        {
          reorderPoints: Float64Array.of(reorderPoint),
          maxStocks: Float64Array.of(maxStock),
          orderMultiples: Float64Array.of(1e-9),
          minOrderQuantities: Float64Array.of(0),
          reviewPeriods: Int32Array.of(1),
          leadTimePeriods: [1],
          unitCosts: Float64Array.of(1),
          holdingCostsPerYear: Float64Array.of(0),
          orderCosts: Float64Array.of(0),
        },
        { start: 0, measureFrom: 100, end: periods, periodsPerYear: 12 },
      );
      return {
        fill: (result.filledFromStock[0] as number) / (result.demand[0] as number),
        onHand: result.averageInventoryValue[0] as number,
      };
    };
    for (const [reorderPoint, maxStock] of [
      [230, 230],
      [200, 300],
      [180, 280],
      [150, 350],
    ] as const) {
      const simulated = replay(reorderPoint, maxStock);
      expect(
        Math.abs(simulated.fill - expectedFillRate(demand, reorderPoint, maxStock)),
        `${reorderPoint}, ${maxStock}`,
      ).toBeLessThan(0.003);
      expect(
        Math.abs(simulated.onHand / expectedOnHand(demand, reorderPoint, maxStock) - 1),
        `${reorderPoint}, ${maxStock}`,
      ).toBeLessThan(0.02);
    }
  });
});

describe("reviewPeriodDemand", () => {
  it("gives one review period's demand and its chance of none (negative binomial P(0), hand)", () => {
    const input = {
      pattern: "intermittent" as const,
      demandPerPeriod: 0.5,
      variancePerPeriod: 1,
      levelErrorVariance: 0,
      periods: 3,
      leadTimeSdPeriods: 0,
      wholeUnits: true,
    };
    // Mean 1, variance 2 over 2 periods: r = 1²/(2 − 1) = 1, p = 1/2, P(0) = p^r = 0.5.
    expect(reviewPeriodDemand(input, 2)).toEqual({ mean: 1, variance: 2, zeroChance: 0.5 });
    // Variance at or below the mean: Poisson, P(0) = e^(−1).
    expect(reviewPeriodDemand({ ...input, variancePerPeriod: 0.5 }, 2).zeroChance).toBeCloseTo(
      Math.exp(-1),
      15,
    );
    // Smooth demand is continuous: no atom at zero.
    expect(reviewPeriodDemand({ ...input, pattern: "smooth" }, 2).zeroChance).toBe(0);
  });
});

describe("order quantities", () => {
  it("computes the EOQ (hand: √(2·50·1200/2.5) = 219.089)", () => {
    expect(economicOrderQuantity(1200, 50, 2.5)).toBeCloseTo(219.08902300206645, 10);
    expect(economicOrderQuantity(0, 50, 2.5)).toBe(0);
    expect(economicOrderQuantity(1200, 50, 0)).toBe(1200);
    expect(() => economicOrderQuantity(-1, 50, 2.5)).toThrow(/annual demand/);
  });

  it("takes the largest of EOQ, MOQ and review-period demand, in order multiples", () => {
    const rules = {
      economicOrderQuantity: 219.1,
      reviewPeriodDemand: 100,
      minOrderQty: 0,
      orderMultiple: 24,
    };
    expect(orderQuantity(rules)).toBe(240);
    expect(orderQuantity({ ...rules, minOrderQty: 250 })).toBe(264);
    expect(orderQuantity({ ...rules, reviewPeriodDemand: 300 })).toBe(312);
    expect(orderQuantity({ ...rules, economicOrderQuantity: 0, reviewPeriodDemand: 0 })).toBe(0);
  });
});
