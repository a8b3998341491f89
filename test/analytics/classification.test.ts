import { describe, expect, it } from "vitest";
import { abcClasses } from "../../analytics/abc-classes.js";
import { demandPattern } from "../../analytics/demand-pattern.js";
import { demandStatistics } from "../../analytics/demand-statistics.js";
import { sbaDemandRate, tsbDemandRate } from "../../analytics/intermittent-demand-rate.js";
import { xyzClass } from "../../analytics/xyz-class.js";

describe("demandStatistics", () => {
  it("measures the window from the first demand (hand computation)", () => {
    // Window [3, 0, 5, 0, 1]: mean 9/5 = 1.8; squared deviations 1.44 + 3.24 + 10.24 + 3.24 + 0.64
    // = 18.8, sample variance 18.8/4 = 4.7. Sizes [3, 5, 1]: mean 3, sample variance 4, CV² 4/9.
    const series = [0, 0, 3, 0, 5, 0, 1];
    const stats = demandStatistics(series);
    expect(stats).toMatchObject({
      historyPeriods: 5,
      nonZeroPeriods: 3,
      periodsSinceDemand: 0,
      totalDemand: 9,
      meanSize: 3,
    });
    expect(stats.mean).toBeCloseTo(1.8, 14);
    expect(stats.sd).toBeCloseTo(Math.sqrt(4.7), 14);
    expect(stats.cv).toBeCloseTo(Math.sqrt(4.7) / 1.8, 14);
    expect(stats.adi).toBeCloseTo(5 / 3, 14);
    expect(stats.cv2).toBeCloseTo(4 / 9, 14);
    expect(series).toEqual([0, 0, 3, 0, 5, 0, 1]);
  });

  it("counts a net return as a period without demand", () => {
    // [2, 0, 3] after the return: mean 5/3, sizes [2, 3] (hand).
    const stats = demandStatistics([2, -1, 3, 0, 0]);
    expect(stats.nonZeroPeriods).toBe(2);
    expect(stats.totalDemand).toBe(5);
    expect(stats.periodsSinceDemand).toBe(2);
    expect(stats.mean).toBeCloseTo(1, 14);
  });

  it("returns empty statistics without demand", () => {
    expect(demandStatistics([0, -2, 0])).toMatchObject({
      historyPeriods: 0,
      nonZeroPeriods: 0,
      periodsSinceDemand: 3,
      mean: 0,
      cv: null,
      adi: null,
      cv2: null,
    });
  });
});

describe("demandPattern (Syntetos–Boylan–Croston)", () => {
  it("classifies the four quadrants", () => {
    expect(demandPattern(demandStatistics([4, 5, 6, 5, 4, 6]))).toBe("smooth");
    expect(demandPattern(demandStatistics([1, 9, 1, 12, 1, 2]))).toBe("erratic");
    expect(demandPattern(demandStatistics([0, 5, 0, 0, 6, 0, 5, 0]))).toBe("intermittent");
    expect(demandPattern(demandStatistics([0, 1, 0, 0, 20, 0, 2, 0]))).toBe("lumpy");
  });

  it("puts a value equal to a cut-off in the lower class", () => {
    // ADI: 33 periods from the first demand with 25 demands, 33/25 = 1.32 exactly.
    const frequent = [5, ...new Array<number>(8).fill(0), ...new Array<number>(24).fill(5)];
    const adiTie = demandStatistics(frequent);
    expect(adiTie.adi).toBe(1.32);
    expect(demandPattern(adiTie)).toBe("smooth");
    // CV²: sizes 2, 13, 15 have n(nΣx² − (Σx)²)/((n − 1)(Σx)²) = 3·294/1800 = 0.49 exactly (hand).
    const cv2Tie = demandStatistics([2, 13, 15]);
    expect(cv2Tie.cv2).toBe(0.49);
    expect(demandPattern(cv2Tie)).toBe("smooth");
    expect(demandPattern(demandStatistics([2, 0, 13, 0, 15]))).toBe("intermittent");
  });

  it("says none without demand and new with too short a history", () => {
    expect(demandPattern(demandStatistics([0, 0, 0]))).toBe("none");
    expect(demandPattern(demandStatistics([0, 0, 0, 4, 5]), { minHistoryPeriods: 3 })).toBe("new");
    expect(demandPattern(demandStatistics([0, 0, 4, 0, 5]), { minHistoryPeriods: 3 })).toBe(
      "intermittent",
    );
  });
});

describe("abcClasses", () => {
  it("ranks by value with cumulative-share cut-offs (hand computation)", () => {
    // Sorted 50, 30, 15, 5 of 100: shares before each 0, .5, .8, .95 → A, A, B, C.
    const values = [50, 5, 30, 15];
    expect(abcClasses(values)).toEqual(["A", "C", "A", "B"]);
    expect(values).toEqual([50, 5, 30, 15]);
  });

  it("keeps a dominant item A, breaks ties by input order, and leaves valueless items C", () => {
    expect(abcClasses([90, 10])).toEqual(["A", "B"]);
    expect(abcClasses([10, 10, 10, 10, 10], { a: 0.5, b: 0.7 })).toEqual(["A", "A", "A", "B", "C"]);
    expect(abcClasses([0, 0])).toEqual(["C", "C"]);
  });

  it("rejects negative values", () => {
    expect(() => abcClasses([1, -1])).toThrow(/item 1 must be a finite number ≥ 0/);
  });
});

describe("xyzClass", () => {
  it("uses inclusive upper bounds", () => {
    expect(xyzClass(0.5)).toBe("X");
    expect(xyzClass(0.51)).toBe("Y");
    expect(xyzClass(1)).toBe("Y");
    expect(xyzClass(1.01)).toBe("Z");
    expect(xyzClass(null)).toBe("Z");
    expect(xyzClass(0.3, { x: 0.2, y: 0.4 })).toBe("Y");
  });
});

describe("intermittent demand rates", () => {
  it("computes SBA as tsintermittent::crost(type = 'sba', init = 'mean') does (hand computation)", () => {
    // From the first demand: sizes 3, 5, 1; intervals 1, 3, 2. Start z = 3 (first size),
    // p = mean interval 2. At 5: z = 3.2, p = 2.1. At 1: z = 2.98, p = 2.09.
    // SBA = (1 − 0.1/2) · 2.98 / 2.09.
    expect(sbaDemandRate([0, 3, 0, 0, 5, 0, 1], 0.1)).toBeCloseTo((0.95 * 2.98) / 2.09, 12);
    expect(sbaDemandRate([0, 0], 0.1)).toBe(0);
  });

  it("computes TSB, decaying through zeros (hand computation)", () => {
    // Window of 6 periods from the first demand: p₀ = 3/6, z₀ = mean size 3. Periods 3,0,0,5,0,1:
    // p → .55, .495, .4455, .50095, .450855, .5057695; z → 3, 3, 3, 3.2, 3.2, 2.98.
    expect(tsbDemandRate([0, 3, 0, 0, 5, 0, 1], 0.1, 0.1)).toBeCloseTo(0.5057695 * 2.98, 12);
    // Trailing zeros lower the TSB forecast but not Croston's.
    const quiet = [0, 3, 0, 0, 5, 0, 1, 0, 0, 0, 0, 0];
    expect(tsbDemandRate(quiet, 0.1, 0.1)).toBeLessThan(
      tsbDemandRate([0, 3, 0, 0, 5, 0, 1], 0.1, 0.1),
    );
    expect(sbaDemandRate(quiet, 0.1)).toBeCloseTo(sbaDemandRate([0, 3, 0, 0, 5, 0, 1], 0.1), 14);
  });

  it("rejects smoothing constants outside (0, 1]", () => {
    expect(() => sbaDemandRate([1], 0)).toThrow(/alpha must lie in \(0, 1\]/);
    expect(() => tsbDemandRate([1], 0.1, 1.5)).toThrow(/beta/);
  });
});
