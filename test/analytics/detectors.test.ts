/**
 * The event detectors on generated series whose change points are known. Besides exact cases, the
 * suite measures, on seeded simulations, the figures the detectors are tuned for and prints them:
 * detection delay (receipts or periods from the change to the confirmation) by shift size and
 * false alarms per receipt/period on stable series. The assertions hold those figures.
 */
import { afterAll, describe, expect, it } from "vitest";
import {
  detectDemandShifts,
  detectLeadTimeShifts,
  detectNewItem,
  detectObsoleteItem,
  detectPromisedDelayChange,
  detectStockout,
} from "../../analytics/detectors/index.js";
import { defaultAnalyticsConfig, planPortfolio } from "../../analytics/index.js";
import { createRandom, type Random } from "../../analytics/random.js";

const figures: string[] = [];
afterAll(() => {
  process.stdout.write(`\nDetector figures (seeded simulations):\n${figures.join("\n")}\n`);
});

const percent = (value: number, digits = 2) => `${(value * 100).toFixed(digits)}%`;

/** Lead times in whole days: normal around `mean`, `shiftSd` true sds higher from `shiftAt`. */
function leadTimes(
  random: Random,
  length: number,
  mean: number,
  sd: number,
  shiftAt = Number.POSITIVE_INFINITY,
  shiftSd = 0,
): number[] {
  return Array.from({ length }, (_, i) =>
    Math.max(0, Math.round(mean + (i >= shiftAt ? shiftSd * sd : 0) + sd * random.normal())),
  );
}

/** Receipts from the change to the confirmation (1 = the first receipt of the new level). */
function leadTimeDelays(random: Random, shiftSd: number, runs: number) {
  const delays: number[] = [];
  for (let run = 0; run < runs; run++) {
    const series = leadTimes(random, 40, 12, 1.5, 20, shiftSd);
    const { shifts } = detectLeadTimeShifts(series);
    if (shifts.some((shift) => shift.detectedIndex < 20)) continue; // a false alarm came first
    const found = shifts.find((shift) => shift.direction === "up");
    delays.push(found ? found.detectedIndex - 20 + 1 : Number.POSITIVE_INFINITY);
  }
  return delays;
}

const share = (values: readonly number[], test: (value: number) => boolean) =>
  values.filter(test).length / values.length;
const median = (values: readonly number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

describe("detectLeadTimeShifts", () => {
  it("flags the first late receipt and confirms the shift with the second", () => {
    const stable = [12, 11, 13, 12, 12, 11, 13, 12];
    const monitor = detectLeadTimeShifts([...stable, 27, 26, 28]);
    expect(monitor.shifts).toHaveLength(1);
    expect(monitor.shifts[0]).toMatchObject({
      direction: "up",
      changeIndex: 8,
      detectedIndex: 9,
      beforeMeanDays: 12,
      afterMeanDays: 27,
      afterReceipts: 3,
    });
    // Hand computation: baseline sd 0.756 is below the floor max(1, 10% × 12) = 1.2; the
    // predictive spread is 1.2 × √(1 + 1/8) = 1.2728 and the control limit 12 + 3 × 1.2728.
    expect(monitor.shifts[0]?.controlLimitDays).toBeCloseTo(15.818, 3);
    expect(monitor.lateReceipts.map((late) => late.index)).toEqual([8, 9]);
    expect(monitor.current).toMatchObject({ startIndex: 8, meanDays: 27, receipts: 3 });
  });

  it("reads one outlier as a late receipt, not a shift", () => {
    const monitor = detectLeadTimeShifts([12, 11, 13, 12, 12, 11, 13, 12, 30, 12, 11, 13, 12]);
    expect(monitor.shifts).toEqual([]);
    expect(monitor.lateReceipts.map((late) => late.index)).toEqual([8]);
  });

  it("learns a new baseline after a shift and finds the next one", () => {
    const series = [...Array(10).fill(12), ...Array(10).fill(27), ...Array(6).fill(12)];
    const { shifts, current } = detectLeadTimeShifts(series);
    expect(shifts.map((shift) => [shift.direction, shift.changeIndex])).toEqual([
      ["up", 10],
      ["down", 20],
    ]);
    expect(shifts[0]).toMatchObject({ afterMeanDays: 27, afterReceipts: 10 });
    expect(current).toMatchObject({ startIndex: 20, meanDays: 12 });
  });

  it("says nothing before it has a baseline", () => {
    expect(detectLeadTimeShifts([12, 30, 31, 29, 32, 30, 31])).toEqual({
      shifts: [],
      lateReceipts: [],
      current: {
        startIndex: 0,
        meanDays: expect.closeTo(27.857, 3),
        sdDays: expect.any(Number),
        receipts: 7,
      },
    });
  });

  it("is online: a longer series keeps every decision about the shorter one", () => {
    const random = createRandom(5);
    const series = leadTimes(random, 80, 12, 1.5, 40, 6);
    const full = detectLeadTimeShifts(series);
    const prefix = detectLeadTimeShifts(series.slice(0, 45));
    for (const shift of prefix.shifts) {
      expect(
        full.shifts.find((candidate) => candidate.changeIndex === shift.changeIndex),
      ).toMatchObject({
        direction: shift.direction,
        detectedIndex: shift.detectedIndex,
        beforeMeanDays: shift.beforeMeanDays,
      });
    }
    expect(full.lateReceipts.filter((late) => late.index < 45)).toEqual(prefix.lateReceipts);
  });

  it("leaves its input alone and names a bad receipt", () => {
    const series = Object.freeze([12, 12, 12]);
    detectLeadTimeShifts(series);
    expect(series).toEqual([12, 12, 12]);
    expect(() => detectLeadTimeShifts([12, -1])).toThrow(/receipt 1: lead time must be/);
    expect(() => detectLeadTimeShifts([12, Number.NaN])).toThrow(RangeError);
  });

  it("detects the demo vendor's jump from 12 to 27 days within 2 receipts", () => {
    const random = createRandom(42);
    let detectedWithinTwo = 0;
    const runs = 500;
    for (let run = 0; run < runs; run++) {
      // Before: 12 ± 1.3 days; after: 27 ± 2.9 days (the demo plant scales the sd with the mean).
      const before = Array.from({ length: 30 }, () => Math.round(12 + 1.3 * random.normal()));
      const after = Array.from({ length: 10 }, () => Math.round(27 + 2.9 * random.normal()));
      const { shifts, lateReceipts } = detectLeadTimeShifts([...before, ...after]);
      const jump = shifts.find((shift) => shift.direction === "up" && shift.changeIndex >= 30);
      if (jump && jump.detectedIndex <= 31 && lateReceipts.some((late) => late.index === 30))
        detectedWithinTwo++;
    }
    figures.push(
      `lead time 12 → 27 days (demo vendor): first receipt flagged late and shift confirmed by the second in ${detectedWithinTwo}/${runs} series`,
    );
    // The few misses follow a false alarm on the stable part: the detector was still learning.
    expect(detectedWithinTwo / runs).toBeGreaterThanOrEqual(0.98);
  });

  it("confirms shifts of 5 sd or more within 2 receipts in ≥ 90% of series", () => {
    const random = createRandom(7);
    const rows: string[] = [];
    const withinTwo: Record<number, number> = {};
    for (const shiftSd of [2, 3, 4, 5, 7]) {
      const delays = leadTimeDelays(random, shiftSd, 1000);
      withinTwo[shiftSd] = share(delays, (delay) => delay <= 2);
      rows.push(
        `  +${shiftSd} sd: median delay ${median(delays)} receipts, within 2: ${percent(withinTwo[shiftSd] as number, 1)}`,
      );
    }
    figures.push("lead-time shift, 12 ± 1.5 days, 1000 series per size:", ...rows);
    expect(withinTwo[5]).toBeGreaterThanOrEqual(0.9);
    expect(withinTwo[7]).toBeGreaterThanOrEqual(0.99);
    expect(withinTwo[3]).toBeLessThan(withinTwo[5] as number); // smaller shifts take longer
  });

  it("raises few false alarms on stable lead times (normal and skewed)", () => {
    const random = createRandom(9);
    let shifts = 0;
    let late = 0;
    let skewedShifts = 0;
    let skewedLate = 0;
    let judged = 0;
    for (let run = 0; run < 2000; run++) {
      const normal = detectLeadTimeShifts(leadTimes(random, 60, 12, 1.5));
      // Gamma with mean 12 and sd 3 (CV 0.25): lead times are skewed to the late side.
      const skewed = detectLeadTimeShifts(
        Array.from({ length: 60 }, () => Math.round(random.gamma(16) * 0.75)),
      );
      shifts += normal.shifts.length;
      late += normal.lateReceipts.length;
      skewedShifts += skewed.shifts.length;
      skewedLate += skewed.lateReceipts.length;
      judged += 60 - 8;
    }
    figures.push(
      `lead time, stable (2000 series × 52 judged receipts): false shifts ${percent(shifts / judged, 3)} per receipt ` +
        `(gamma CV 0.25: ${percent(skewedShifts / judged, 3)}), late receipts flagged ${percent(late / judged, 3)} ` +
        `(gamma: ${percent(skewedLate / judged, 3)})`,
    );
    expect(shifts / judged).toBeLessThan(0.003);
    expect(skewedShifts / judged).toBeLessThan(0.004);
    expect(late / judged).toBeLessThan(0.005);
    expect(skewedLate / judged).toBeLessThan(0.015);
  });
});

type DemandGenerator = (random: Random, level: number) => number;

/** Stable per-period demand of each pattern around a mean `level`. */
const PATTERNS: Record<string, DemandGenerator> = {
  // CV 0.2
  smooth: (random, level) => Math.max(0, Math.round(level + 0.2 * level * random.normal())),
  // gamma sizes, CV 0.8
  erratic: (random, level) => Math.round(random.gamma(1 / 0.64) * level * 0.64),
  // demand in 30% of periods, Poisson sizes
  intermittent: (random, level) => (random.next() < 0.3 ? random.poisson(level / 0.3) : 0),
  // demand in 30% of periods, exponential sizes
  lumpy: (random, level) => (random.next() < 0.3 ? Math.round((random.gamma(1) * level) / 0.3) : 0),
};

describe("detectDemandShifts", () => {
  it("finds a doubling of a steady demand, where it started", () => {
    const shifts = detectDemandShifts([...Array(20).fill(10), ...Array(6).fill(20)]);
    // √10 = 3.16 is the spread floor, ×√(1 + 1/13): each period adds 10/3.28 − 0.5 = 2.55 < 6.
    expect(shifts).toEqual([
      {
        direction: "up",
        changeIndex: 20,
        detectedIndex: 22,
        beforeMean: 10,
        afterMean: 20,
        afterPeriods: 6,
      },
    ]);
  });

  it("does not take one lumpy period for a shift, and reads returns as zero", () => {
    expect(detectDemandShifts([...Array(20).fill(10), 400, ...Array(10).fill(10)])).toEqual([]);
    expect(detectDemandShifts([...Array(20).fill(10), -50, ...Array(10).fill(10)])).toEqual([]);
    expect(() => detectDemandShifts([1, Number.POSITIVE_INFINITY])).toThrow(/period 1/);
  });

  it("detects doublings quickly and raises few false alarms, per demand pattern", () => {
    const random = createRandom(11);
    const rows: string[] = [];
    const results: Record<string, { falseAlarms: number; doubling: number[]; tripling: number[] }> =
      {};
    for (const [name, generate] of Object.entries(PATTERNS)) {
      let alarms = 0;
      let judged = 0;
      for (let run = 0; run < 500; run++) {
        const series = Array.from({ length: 104 }, () => generate(random, 10));
        alarms += detectDemandShifts(series).length;
        judged += 104 - 13;
      }
      const delays = (factor: number) => {
        const found: number[] = [];
        for (let run = 0; run < 500; run++) {
          const series = Array.from({ length: 104 }, (_, t) =>
            generate(random, t >= 52 ? 10 * factor : 10),
          );
          const shifts = detectDemandShifts(series);
          if (shifts.some((shift) => shift.detectedIndex < 52)) continue;
          const hit = shifts.find((shift) => shift.direction === "up");
          found.push(hit ? hit.detectedIndex - 52 + 1 : Number.POSITIVE_INFINITY);
        }
        return found;
      };
      const doubling = delays(2);
      const tripling = delays(3);
      results[name] = { falseAlarms: alarms / judged, doubling, tripling };
      rows.push(
        `  ${name.padEnd(12)} false alarms ${percent(alarms / judged)} per period; ×2: median ${median(doubling)} periods ` +
          `(found within 26: ${percent(
            share(doubling, (d) => d <= 26),
            0,
          )}); ×3: median ${median(tripling)} ` +
          `(within 26: ${percent(
            share(tripling, (d) => d <= 26),
            0,
          )})`,
      );
    }
    figures.push(
      "demand shift, weekly demand of mean 10, 500 series of 104 weeks per case:",
      ...rows,
    );
    const smooth = results.smooth;
    const erratic = results.erratic;
    expect(smooth?.falseAlarms).toBeLessThan(0.001);
    expect(median(smooth?.doubling ?? [])).toBeLessThanOrEqual(4);
    expect(median(erratic?.doubling ?? [])).toBeLessThanOrEqual(12);
    for (const { falseAlarms } of Object.values(results)) expect(falseAlarms).toBeLessThan(0.006);
    // Tripled demand is found within half a year, except often for lumpy items (honest: their
    // single periods swing more than the shift).
    for (const name of ["smooth", "erratic", "intermittent"])
      expect(
        share(results[name]?.tripling ?? [], (d) => d <= 26),
        name,
      ).toBeGreaterThan(0.85);
    expect(share(results.lumpy?.tripling ?? [], (d) => d <= 26)).toBeGreaterThan(0.4);
  });
});

describe("detectPromisedDelayChange", () => {
  it("reports any change and escalates on a material lengthening only", () => {
    expect(detectPromisedDelayChange(12, 12)).toBeNull();
    expect(detectPromisedDelayChange(12, 20)).toMatchObject({
      direction: "up",
      changeDays: 8,
      escalates: true,
    });
    expect(detectPromisedDelayChange(12, 13)?.escalates).toBe(false);
    expect(detectPromisedDelayChange(40, 45)?.escalates).toBe(true); // 5 days
    expect(detectPromisedDelayChange(0, 3)).toMatchObject({
      changeShare: Infinity,
      escalates: true,
    });
    expect(detectPromisedDelayChange(20, 10)).toMatchObject({
      direction: "down",
      escalates: false,
    });
    expect(() => detectPromisedDelayChange(-1, 3)).toThrow(/beforeDays/);
  });
});

describe("detectStockout", () => {
  it("needs stock at or below zero and demand waiting", () => {
    expect(detectStockout({ onHand: 0, openDemand: 12, averageDailyDemand: 4 })).toEqual({
      shortQuantity: 12,
      shortDays: 3,
    });
    expect(detectStockout({ onHand: -3, openDemand: 2 })).toEqual({
      shortQuantity: 5,
      shortDays: null,
    });
    expect(detectStockout({ onHand: 5, openDemand: 12 })).toBeNull();
    expect(detectStockout({ onHand: 0, openDemand: 0 })).toBeNull();
    expect(() => detectStockout({ onHand: 0, openDemand: -1 })).toThrow(/openDemand/);
  });
});

describe("detectNewItem", () => {
  it("is new the first time there is something to plan", () => {
    expect(
      detectNewItem({ segmentedBefore: false, demand: [0, 0, 4, 2], onHand: 0, hasSupply: true }),
    ).toEqual({ firstDemandIndex: 2, periodsOfHistory: 2 });
    expect(
      detectNewItem({ segmentedBefore: false, demand: [0, 0], onHand: 0, hasSupply: true }),
    ).toEqual({ firstDemandIndex: null, periodsOfHistory: 0 });
    expect(
      detectNewItem({ segmentedBefore: false, demand: [0, 0], onHand: 0, hasSupply: false }),
    ).toBeNull();
    expect(
      detectNewItem({ segmentedBefore: true, demand: [4], onHand: 3, hasSupply: true }),
    ).toBeNull();
  });
});

describe("detectObsoleteItem", () => {
  it("counts quiet months the way the plan's tier rule does", () => {
    const config = defaultAnalyticsConfig();
    const periodLabels = Array.from({ length: 62 }, (_, t) => {
      const week = (t % 52) + 1;
      return `${2024 + Math.floor(t / 52)}-W${String(week).padStart(2, "0")}`;
    });
    for (const quietWeeks of [50, 51, 52, 53, 55]) {
      const demand = Array.from({ length: 62 }, (_, t) => (t < 62 - quietWeeks ? 5 : 0));
      const detected = detectObsoleteItem(demand, {
        period: "week",
        obsoleteAfterMonths: config.obsoleteAfterMonths,
      });
      // The plan's own verdict on the same series (an independent path through planPortfolio).
      const plan = planPortfolio(
        {
          period: "week",
          periodLabels,
          skus: ["P"],
          quantities: Float64Array.from(demand),
        },
        [{ sku: "P", unitCost: 1 }],
        config,
      );
      expect(detected !== null, `${quietWeeks} quiet weeks`).toBe(
        plan.items[0]?.tier === "obsolete",
      );
    }
  });

  it("reports the value at risk and refuses to judge a short series without demand", () => {
    expect(
      detectObsoleteItem([5, 3, ...Array(60).fill(0)], {
        period: "week",
        obsoleteAfterMonths: 12,
        onHand: 40,
        unitCost: 2.5,
      }),
    ).toEqual({ monthsWithoutDemand: 13.8, lastDemandIndex: 1, stockValue: 100 });
    expect(
      detectObsoleteItem(Array(20).fill(0), { period: "week", obsoleteAfterMonths: 12 }),
    ).toBeNull();
    expect(
      detectObsoleteItem(Array(14).fill(0), { period: "month", obsoleteAfterMonths: 12 }),
    ).toEqual({
      monthsWithoutDemand: 14,
      lastDemandIndex: null,
      stockValue: 0,
    });
  });
});
