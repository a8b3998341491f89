import { describe, expect, it } from "vitest";
import { IntervalVarianceRatios } from "../../analytics/_lib/variance-ratio.js";
import { createRandom } from "../../analytics/random.js";
import { windowLeadTimeDemand } from "../../analytics/window-lead-time-demand.js";

// Lots of 10 every 3rd period.
const lots = [10, 0, 0, 10, 0, 0, 10, 0, 0, 10];

describe("windowLeadTimeDemand", () => {
  it("is the distribution of the overlapping window sums (hand count)", () => {
    // 2-period windows: 10, 0, 10, 10, 0, 10, 10, 0, 10 → P(0) = 3/9, P(10) = 6/9.
    const model = windowLeadTimeDemand(lots, 2, 0);
    expect(model.cdf(0)).toBeCloseTo(1 / 3, 12);
    expect(model.cdf(9)).toBeCloseTo(1 / 3, 12);
    expect(model.cdf(10)).toBe(1);
    expect(model.mean).toBeCloseTo(20 / 3, 12);
    // E[(X − 5)⁺] = 6/9 · 5.
    expect(model.loss(5)).toBeCloseTo(10 / 3, 12);
  });

  it("mixes the two whole lengths around a fractional interval", () => {
    // 1-period windows: P(0) = 6/10; 2-period windows: P(0) = 3/9; half each.
    expect(windowLeadTimeDemand(lots, 1.5, 0).cdf(0)).toBeCloseTo((0.6 + 1 / 3) / 2, 12);
  });

  it("spreads the length over a normal lead time (mean and variance of a constant rate, by hand)", () => {
    // Demand 2 every period: X = 2·length, length ~ N(3, 1) by 5-point Gauss–Hermite (exact for
    // these moments), each node split between its whole neighbours: E[X] = 6; Var[X] = 4·(1 +
    // E[f(1 − f)]) with f the node's fractional part — at least 4.
    const model = windowLeadTimeDemand(new Array(40).fill(2), 3, 1);
    expect(model.mean).toBeCloseTo(6, 12);
    expect(model.variance).toBeGreaterThanOrEqual(4);
    expect(model.variance).toBeLessThan(5);
  });

  it("names the interval when no window fits", () => {
    expect(() => windowLeadTimeDemand([1, 2, 3], 5, 0)).toThrow(/5 periods .* 3 periods/);
  });
});

describe("IntervalVarianceRatios.steadierThanIndependent", () => {
  it("marks items drawn in regular lots and leaves independent demand alone", () => {
    const random = createRandom(11);
    const items = 40;
    const ratios = new IntervalVarianceRatios(items);
    for (let item = 0; item < items; item++) {
      const lotFed = item % 2 === 0;
      const history = Array.from({ length: 78 }, (_, t) =>
        lotFed ? (t % 4 === item % 4 ? 120 : 0) : random.poisson(30),
      );
      ratios.estimate(item, history, 3, 2);
    }
    ratios.shrink();
    for (let item = 0; item < items; item++) {
      expect(ratios.steadierThanIndependent(item), `item ${item}`).toBe(item % 2 === 0);
    }
  });
});
