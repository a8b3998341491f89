/**
 * The feedback loop's maths: achieved service rebuilt from a stock history (checked by hand and
 * against an independent day-by-day replay forwards), and the refinement advice rules.
 */
import { describe, expect, it } from "vitest";
import {
  achievedService,
  refinementAdvice,
  type ServiceWindow,
  type TierService,
} from "../../analytics/feedback/index.js";
import { createRandom } from "../../analytics/random.js";

describe("achievedService", () => {
  it("rebuilds the stock backwards and serves each day after its receipts (hand computation)", () => {
    // Opening 4 = 0 + 12 − 8. Day 1 serves 4 → 0; day 2 receives 8, serves 4 → 4; day 3 serves 4.
    expect(
      achievedService({
        demand: [4, 4, 4],
        inflow: [0, 8, 0],
        otherOutflow: [0, 0, 0],
        closingOnHand: 0,
      }),
    ).toEqual({
      demand: 12,
      filledFromStock: 12,
      fillRate: 1,
      cycles: 2,
      stockoutCycles: 0,
      cycleService: 1,
      stockoutDays: 0,
      openingOnHand: 4,
      averageOnHand: (2 + 6 + 2) / 3,
      averageExcess: 0,
    });
    // Above a maximum of 3: day 2 holds 8 then 4 (5 and 1 above), the others 4 then 0 (1 and 0).
    expect(
      achievedService({
        demand: [4, 4, 4],
        inflow: [0, 8, 0],
        otherOutflow: [0, 0, 0],
        closingOnHand: 0,
        maxStock: 3,
      }).averageExcess,
    ).toBeCloseTo((0.5 + 3 + 0.5) / 3, 12);
  });

  it("counts the demand a day could not serve, the short cycle, and the demand still waiting", () => {
    // Opening 2 = −3 + 5 + 0 + 5 − 5. Day 1: 2 of 5 served (stock −3); day 2: receipt 5 → 2, serves 0;
    // day 3: 2 of 5 served (stock −3). Open demand 4 waits at the end.
    const service = achievedService({
      demand: [5, 0, 5],
      inflow: [0, 5, 0],
      otherOutflow: [0, 0, 0],
      closingOnHand: -3,
      openDemand: 4,
    });
    expect(service).toMatchObject({
      demand: 14,
      filledFromStock: 4,
      stockoutDays: 2,
      cycles: 2,
      stockoutCycles: 2,
      openingOnHand: 2,
    });
    expect(service.fillRate).toBeCloseTo(4 / 14, 12);
    expect(service.cycleService).toBe(0);
  });

  it("agrees with a forward replay of the same days", () => {
    const random = createRandom(3);
    for (let run = 0; run < 200; run++) {
      const days = 60;
      const demand = Array.from({ length: days }, () =>
        random.next() < 0.6 ? random.poisson(4) : 0,
      );
      const inflow = Array.from({ length: days }, () => (random.next() < 0.1 ? 20 : 0));
      const otherOutflow = Array.from({ length: days }, () => (random.next() < 0.05 ? 1 : 0));
      const opening = random.int(15);
      // Forward replay (independent of the backward rebuild): the closing stock and the served demand.
      let stock = opening;
      let served = 0;
      let short = 0;
      for (let d = 0; d < days; d++) {
        stock += inflow[d] as number;
        const today = Math.min(demand[d] as number, Math.max(stock, 0));
        served += today;
        if (today < (demand[d] as number)) short++;
        stock -= (demand[d] as number) + (otherOutflow[d] as number);
      }
      const service = achievedService({ demand, inflow, otherOutflow, closingOnHand: stock });
      expect(service.openingOnHand).toBeCloseTo(opening, 9);
      expect(service.filledFromStock).toBeCloseTo(served, 9);
      expect(service.stockoutDays).toBe(short);
      expect(service.fillRate).toBeLessThanOrEqual(1);
    }
  });

  it("refuses mismatched or negative inputs, naming them", () => {
    expect(() =>
      achievedService({ demand: [1, 2], inflow: [0], otherOutflow: [0, 0], closingOnHand: 0 }),
    ).toThrow(/same days/);
    expect(() =>
      achievedService({ demand: [1, -2], inflow: [0, 0], otherOutflow: [0, 0], closingOnHand: 0 }),
    ).toThrow(/demand\[1\]/);
    expect(
      achievedService({ demand: [], inflow: [], otherOutflow: [], closingOnHand: 3 }).fillRate,
    ).toBeNaN();
  });
});

const window = (label: string, achieved: number, excessShare = 0): ServiceWindow => ({
  label,
  fillRate: achieved,
  cycleService: achieved,
  averageInventoryValue: 100_000,
  excessValue: excessShare * 100_000,
});

const tier = (
  code: TierService["tier"],
  target: number,
  windows: ServiceWindow[],
  measure: TierService["serviceMeasure"] = "cycle",
): TierService => ({ tier: code, serviceTarget: target, serviceMeasure: measure, windows });

describe("refinementAdvice", () => {
  it("raises a target missed in two windows in a row, by the shortfall", () => {
    const [advice, ...rest] = refinementAdvice(
      [tier("essential", 0.97, [window("Q1", 0.99), window("Q2", 0.95), window("Q3", 0.94)])],
      [],
    );
    expect(rest).toEqual([]);
    // 0.97 + (0.97 − 0.945) = 0.995.
    expect(advice).toMatchObject({
      kind: "raise_target",
      tier: "essential",
      parameter: "service_target",
      currentValue: 0.97,
      proposedValue: 0.995,
      evidence: { achieved_1: 0.95, achieved_2: 0.94, window_1: "Q2", window_2: "Q3" },
    });
    expect(advice?.message).toMatch(/^Raise essential's target from 97.0% to 99.5%/);
  });

  it("needs two misses in a row and a target to judge", () => {
    expect(
      refinementAdvice([tier("essential", 0.97, [window("Q2", 0.95), window("Q3", 0.965)])], []),
    ).toEqual([]);
    expect(refinementAdvice([tier("essential", 0.97, [window("Q3", 0.9)])], [])).toEqual([]);
    expect(
      refinementAdvice([tier("obsolete", 0, [window("Q2", 0.1), window("Q3", 0.1)])], []),
    ).toEqual([]);
    expect(
      refinementAdvice([tier("standard", 0.93, [window("Q2", Number.NaN), window("Q3", 0.5)])], []),
    ).toEqual([]);
  });

  it("judges the tier's own measure", () => {
    const windows = [
      { ...window("Q2", 0.8), fillRate: 0.95 },
      { ...window("Q3", 0.8), fillRate: 0.96 },
    ];
    expect(refinementAdvice([tier("standard", 0.93, windows, "fill")], [])).toEqual([]);
    expect(refinementAdvice([tier("standard", 0.93, windows, "cycle")], [])[0]?.kind).toBe(
      "raise_target",
    );
  });

  it("lowers a target overshot with excess stock, by half the overshoot", () => {
    const [advice] = refinementAdvice(
      [tier("standard", 0.93, [window("Q2", 0.99, 0.3), window("Q3", 0.99, 0.25)])],
      [],
    );
    // 0.93 − (0.99 − 0.93) / 2 = 0.90.
    expect(advice).toMatchObject({ kind: "lower_target", currentValue: 0.93, proposedValue: 0.9 });
    expect(advice?.message).toContain("25.0% or more of its stock value above the maximum");
    // Overshooting without excess stock is fine: nothing to say.
    expect(
      refinementAdvice(
        [tier("standard", 0.93, [window("Q2", 0.99, 0.1), window("Q3", 0.99, 0.3)])],
        [],
      ),
    ).toEqual([]);
  });

  it("moves the X cut-off when X items trail Y items below their target", () => {
    const classes = [
      { xyz: "X" as const, fillRateTarget: 0.96, windows: [window("Q2", 0.9), window("Q3", 0.91)] },
      {
        xyz: "Y" as const,
        fillRateTarget: 0.96,
        windows: [window("Q2", 0.96), window("Q3", 0.97)],
      },
    ];
    const [advice] = refinementAdvice([], classes, { xyzCutoffX: 0.5 });
    expect(advice).toMatchObject({
      kind: "lower_xyz_cutoff",
      parameter: "xyz_cutoff_x",
      currentValue: 0.5,
      proposedValue: 0.4,
      evidence: { x_fill_rate_1: 0.9, y_fill_rate_2: 0.97 },
    });
    const meeting = classes.map((group) => ({ ...group, fillRateTarget: 0.85 }));
    expect(refinementAdvice([], meeting)).toEqual([]);
  });
});
