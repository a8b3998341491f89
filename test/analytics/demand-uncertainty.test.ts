import { describe, expect, it } from "vitest";
import { LevelDriftMeter } from "../../analytics/_lib/level-drift.js";
import {
  IntervalVarianceRatios,
  shrunkVarianceRatio,
  VarianceRatioSpread,
  varianceRatio,
} from "../../analytics/_lib/variance-ratio.js";
import { createRandom } from "../../analytics/random.js";

describe("varianceRatio", () => {
  it("follows Lo & MacKinlay's bias-corrected overlapping estimator (hand computation)", () => {
    // x = 1, 3, 0, 4, 2, 0 (n = 6, mean 5/3), q = 2: Σ(x − x̄)² = 13.3333 → σ²_a = 2.6667;
    // 2-sums 4, 3, 4, 6, 2: Σ(S − 10/3)² = 9.8889, m = 2·5·(1 − 2/6) = 6.6667 → σ²_c = 1.4833;
    // VR = 1.4833 / 2.6667 = 0.55625; sampling variance 2·3·1/(3·2·6) = 1/6.
    const estimate = varianceRatio([1, 3, 0, 4, 2, 0], 2);
    expect(estimate?.ratio).toBeCloseTo(0.55625, 12);
    expect(estimate?.samplingVariance).toBeCloseTo(1 / 6, 12);
  });

  it("sees regular lots as far steadier over an interval than their periods suggest", () => {
    const lots = Array.from({ length: 60 }, (_, t) => (t % 3 === 0 ? 90 : 0));
    expect(varianceRatio(lots, 3)?.ratio).toBeCloseTo(0, 12);
  });

  it("finds independent periods about independent, and trends well above", () => {
    const random = createRandom(5);
    let sum = 0;
    const repeats = 200;
    for (let r = 0; r < repeats; r++) {
      const series = Array.from({ length: 104 }, () => random.poisson(4));
      sum += varianceRatio(series, 6)?.ratio ?? Number.NaN;
    }
    // The mean of 200 estimates: 1 within a few standard errors (sd of one ≈ 0.32).
    expect(Math.abs(sum / repeats - 1)).toBeLessThan(0.1);
    const trend = Array.from({ length: 104 }, (_, t) => 10 + t / 2 + random.poisson(3));
    expect(varianceRatio(trend, 6)?.ratio).toBeGreaterThan(2);
  });

  it("gives no estimate for a single period, a short history, or demand that never varies", () => {
    expect(varianceRatio([1, 2, 3, 4, 5, 6], 1)).toBeNull();
    expect(varianceRatio([1, 2, 3, 4, 5], 2)).toBeNull();
    expect(varianceRatio([4, 4, 4, 4, 4, 4, 4, 4], 2)).toBeNull();
  });
});

describe("shrinking variance ratios towards independence", () => {
  it("keeps 1 when the portfolio's estimates spread no more than sampling explains", () => {
    const spread = new VarianceRatioSpread();
    spread.add({ ratio: 1.1, samplingVariance: 0.05 });
    spread.add({ ratio: 0.9, samplingVariance: 0.05 });
    expect(spread.variance()).toBe(0);
    expect(shrunkVarianceRatio({ ratio: 0.9, samplingVariance: 0.05 }, 0)).toBe(1);
  });

  it("moves an estimate by spread / (spread + sampling variance) of its distance from 1", () => {
    // (0.4 − 1)² and (1.6 − 1)²: mean 0.36, less sampling 0.04 → spread 0.32; weight 0.32/0.36.
    const spread = new VarianceRatioSpread();
    spread.add({ ratio: 0.4, samplingVariance: 0.04 });
    spread.add({ ratio: 1.6, samplingVariance: 0.04 });
    spread.add(null);
    expect(spread.variance()).toBeCloseTo(0.32, 12);
    expect(shrunkVarianceRatio({ ratio: 0.4, samplingVariance: 0.04 }, 0.32)).toBeCloseTo(
      1 - (0.6 * 0.32) / 0.36,
      12,
    );
  });

  it("estimates each item's lead-time, protection and review ratios, 1 where there is no estimate", () => {
    const ratios = new IntervalVarianceRatios(3);
    const lots = Array.from({ length: 60 }, (_, t) => (t % 4 === 0 ? 80 : 0));
    const random = createRandom(9);
    const noisy = Array.from({ length: 60 }, () => random.poisson(20));
    ratios.estimate(0, lots, 4, 4);
    ratios.estimate(1, noisy, 4, 4);
    ratios.estimate(2, [3, 1], 4, 4);
    ratios.shrink();
    expect(ratios.protection(0)).toBeLessThan(0.5);
    expect(ratios.review(0)).toBeLessThan(0.5);
    expect(ratios.leadTime(2)).toBe(1);
    expect(ratios.protection(2)).toBe(1);
  });
});

describe("LevelDriftMeter", () => {
  it("finds no drift when held-out blocks fall short of their forecasts no more than noise explains", () => {
    const meter = new LevelDriftMeter(2);
    // Block means 10.5 and 9 against forecasts of 10: √(2π)·Σ(a − f)⁺ = 1.25 < Σ√v = 2.
    meter.add(0, 10, 1, 10.5);
    meter.add(1, 10, 1, 9);
    expect(meter.ratio(() => 1)).toBe(0);
  });

  it("solves Σ √(vᵢ·ratioᵢ + τ²·fᵢ²) = √(2π)·Σ (aᵢ − fᵢ)⁺ for the drift ratio", () => {
    const meter = new LevelDriftMeter(3);
    meter.add(0, 20, 1, 30);
    meter.add(1, 20, 1, 14);
    meter.add(2, 5, 0.25, 5);
    meter.add(3, 5, 0.25, 50); // beyond the capacity: ignored
    const tau2 = meter.ratio(() => 0.5);
    const explained =
      Math.sqrt(0.5 + tau2 * 400) + Math.sqrt(0.5 + tau2 * 400) + Math.sqrt(0.125 + tau2 * 25);
    expect(explained).toBeCloseTo(Math.sqrt(2 * Math.PI) * 10, 9);
  });
});
