import { describe, expect, it } from "vitest";
import { createRandom } from "../../analytics/random.js";
import { type SimulationPolicy, simulatePolicy } from "../../analytics/simulate-policy.js";

function policy(overrides: Partial<Record<keyof SimulationPolicy, number>>): SimulationPolicy {
  const value = (key: keyof SimulationPolicy, fallback: number) => overrides[key] ?? fallback;
  return {
    reorderPoints: Float64Array.of(value("reorderPoints", 5)),
    maxStocks: Float64Array.of(value("maxStocks", 10)),
    orderMultiples: Float64Array.of(value("orderMultiples", 1)),
    minOrderQuantities: Float64Array.of(value("minOrderQuantities", 0)),
    reviewPeriods: Int32Array.of(value("reviewPeriods", 1)),
    leadTimePeriods: [value("leadTimePeriods", 1)],
    unitCosts: Float64Array.of(value("unitCosts", 2)),
    holdingCostsPerYear: Float64Array.of(value("holdingCostsPerYear", 12)),
    orderCosts: Float64Array.of(value("orderCosts", 10)),
  };
}

describe("simulatePolicy", () => {
  it("replays receipts, demand, backorders and reviews in that order (hand trace)", () => {
    // s = 5, S = 10, lead time 1: an order placed at the end of t arrives at the start of t + 2.
    // t0: on hand 10, demand 4 → 6, position 6 ≥ 5, no order.
    // t1: demand 4 → 2; position 2 < 5: order 8 (due t3).
    // t2: demand 4, 2 served, 2 backordered → −2; position 6, no order.
    // t3: receive 8 → 6, demand 4 → 2; position 2: order 8 (due t5).
    // t4: demand 4, 2 served → −2. t5: receive 8 → 6, demand 4 → 2; order 8 (due t7).
    const quantities = Float64Array.of(4, 4, 4, 4, 4, 4);
    const result = simulatePolicy(quantities, 6, policy({}), {
      start: 0,
      measureFrom: 0,
      end: 6,
      periodsPerYear: 12,
    });
    expect(result.demand[0]).toBe(24);
    expect(result.filledFromStock[0]).toBe(20);
    expect(result.stockoutPeriods[0]).toBe(2);
    expect(result.orders[0]).toBe(3);
    expect(result.orderingCost[0]).toBe(30);
    // Receipts at t3 and t5 close two cycles, each with a stockout; the open cycle has none.
    expect(result.cycles[0]).toBe(3);
    expect(result.stockoutCycles[0]).toBe(2);
    // Stock averaged over start and end of each period: (10+6)/2, (6+2)/2, (2+0)/2, (6+2)/2, (2+0)/2,
    // (6+2)/2 = 8, 4, 1, 4, 1, 4 → 22/6 units × 2 per unit.
    expect(result.averageInventoryValue[0]).toBeCloseTo((22 / 6) * 2, 12);
    expect(result.holdingCost[0]).toBeCloseTo((12 * 22) / 12, 12);
  });

  it("orders at least the MOQ, in multiples, only at reviews, and ignores net returns", () => {
    const quantities = Float64Array.of(3, -5, 3, 3, 3, 3);
    const result = simulatePolicy(
      quantities,
      6,
      policy({
        reorderPoints: 8,
        maxStocks: 10,
        minOrderQuantities: 7,
        orderMultiples: 4,
        reviewPeriods: 2,
        leadTimePeriods: 0,
      }),
      { start: 0, measureFrom: 0, end: 6, periodsPerYear: 12 },
    );
    // Reviews at the end of t1, t3, t5. t1: position 7 < 8 → max(3, 7) → 8 (multiple of 4).
    // t2 receives 8 → 15, demand 3 → 12; t3: 9, position 9 ≥ 8. t4: 6; t5: 3 → order 7 → 8.
    expect(result.demand[0]).toBe(15);
    expect(result.filledFromStock[0]).toBe(15);
    expect(result.orders[0]).toBe(2);
  });

  it("measures only after the warm-up and draws historical lead times reproducibly", () => {
    const quantities = Float64Array.from({ length: 40 }, (_, t) => (t % 3 === 0 ? 6 : 2));
    const run = (seed: number) =>
      simulatePolicy(
        quantities,
        40,
        policy({ reorderPoints: 8, maxStocks: 16 }),
        { start: 0, measureFrom: 10, end: 40, periodsPerYear: 52 },
        {
          history: [[0, 1, 3]],
          random: createRandom(seed),
        },
      );
    const first = run(3);
    expect(first.demand[0]).toBe(quantities.subarray(10).reduce((a, b) => a + b, 0));
    expect(run(3)).toEqual(first);
    expect(quantities[0]).toBe(6);
  });
});
