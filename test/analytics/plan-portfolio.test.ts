import { describe, expect, it } from "vitest";
import { backtestPortfolio } from "../../analytics/backtest-portfolio.js";
import { type AnalyticsConfig, parseAnalyticsConfig } from "../../analytics/config.js";
import { parsePeriod, periodLabel } from "../../analytics/periods.js";
import { PlanInputError } from "../../analytics/plan-input-error.js";
import { planPortfolio } from "../../analytics/plan-portfolio.js";
import { createRandom } from "../../analytics/random.js";
import type { BacktestReport, DemandMatrix, ItemMaster } from "../../analytics/types.js";

const WEEKS = 104;

function config(input: object = {}): AnalyticsConfig {
  const result = parseAnalyticsConfig(input);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.config;
}

/** A small weekly portfolio: each kind of demand a buyer meets, deterministic. */

function portfolio(): { demand: DemandMatrix; items: ItemMaster[] } {
  const random = createRandom(2024);
  const first = parsePeriod("2023-W01").ordinal;
  const periodLabels = Array.from({ length: WEEKS }, (_, t) => periodLabel(first + t, "week"));
  const kinds = ["smooth", "erratic", "intermittent", "lumpy", "dead", "new", "none"] as const;
  const skus: string[] = [];
  const items: ItemMaster[] = [];
  const quantities = new Float64Array(kinds.length * 6 * WEEKS);
  let row = 0;
  for (const kind of kinds) {
    for (let copy = 0; copy < 6; copy++, row++) {
      const sku = `${kind.toUpperCase()}-${copy}`;
      skus.push(sku);
      for (let t = 0; t < WEEKS; t++) {
        let quantity = 0;
        if (kind === "smooth") quantity = Math.round(Math.max(0, 40 + 6 * random.normal()));
        if (kind === "erratic") quantity = Math.round(random.gamma(0.8) * 15);
        if (kind === "intermittent" && random.next() < 0.3) quantity = 3 + random.int(3);
        if (kind === "lumpy" && random.next() < 0.25)
          quantity = 1 + Math.round(random.gamma(0.5) * 20);
        if (kind === "dead" && t < 40 && random.next() < 0.5) quantity = 2;
        if (kind === "new" && t >= WEEKS - 8) quantity = 5 + random.int(5);
        if (kind === "smooth" && t === 50 && copy === 0) quantity = -3; // a net return
        quantities[row * WEEKS + t] = quantity;
      }
      items.push({
        sku,
        unitCost: [2, 20, 150, 900][copy % 4] as number,
        leadTimeDays: 14 + 7 * (copy % 3),
        ...(copy === 1 && {
          leadTimeSdDays: 5,
          vendorCount: 1,
          bomParentCount: 4,
          bomParentBestAbc: "A" as const,
          activeEvent: "stockout last week",
        }),
        ...(copy === 2 && { minOrderQty: 50, orderMultiple: 12 }),
        ...(copy === 3 && { lockedTier: "critical" as const }),
        ...(copy === 4 && { previousTier: "critical" as const, deescalationStreak: 0 }),
        ...(copy === 5 && { activeEvent: "receipt 12 days late", vendorCount: 1 }),
      });
    }
  }
  return { demand: { period: "week", periodLabels, skus, quantities }, items };
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !ArrayBuffer.isView(value)) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

describe("planPortfolio", () => {
  it("does not modify its inputs", () => {
    const { demand, items } = portfolio();
    const before = {
      quantities: Float64Array.from(demand.quantities),
      items: structuredClone(items),
    };
    deepFreeze(items);
    planPortfolio(demand, items, config({ period: "week" }));
    expect(demand.quantities).toEqual(before.quantities);
    expect(items).toEqual(before.items);
  });

  it("gives the same plan for the same input and seed, also with the bootstrap", () => {
    const { demand, items } = portfolio();
    const settings = config({
      leadTimeDemand: { intermittent: "bootstrap" },
      bootstrap: { seed: 9 },
    });
    const first = planPortfolio(demand, items, settings);
    expect(planPortfolio(demand, items, settings)).toEqual(first);
    expect(first.items.some((item) => item.distribution === "bootstrap")).toBe(true);
    const otherSeed = planPortfolio(
      demand,
      items,
      config({ leadTimeDemand: { intermittent: "bootstrap" }, bootstrap: { seed: 10 } }),
    );
    expect(otherSeed.items.map((item) => item.reorderPoint)).not.toEqual(
      first.items.map((item) => item.reorderPoint),
    );
  });

  it("classifies, tiers and stocks each kind of item sensibly", () => {
    const { demand, items } = portfolio();
    const plan = planPortfolio(demand, items, config());
    const bySku = new Map(plan.items.map((item) => [item.sku, item]));
    expect(bySku.get("SMOOTH-0")?.pattern).toBe("smooth");
    expect(bySku.get("ERRATIC-0")?.pattern).toBe("erratic");
    expect(bySku.get("INTERMITTENT-0")?.pattern).toBe("intermittent");
    expect(bySku.get("LUMPY-0")?.pattern).toBe("lumpy");
    expect(bySku.get("NEW-0")?.pattern).toBe("new");
    expect(bySku.get("NONE-0")?.pattern).toBe("none");
    for (const item of plan.items) {
      expect(item.maxStock).toBeGreaterThanOrEqual(item.reorderPoint);
      expect(item.reorderPoint).toBeGreaterThanOrEqual(0);
      expect(item.reason.length).toBeGreaterThan(10);
      if (item.pattern === "lumpy" || item.pattern === "intermittent")
        expect(item.distribution).not.toBe("normal");
    }
    const dead = bySku.get("DEAD-0");
    expect(dead).toMatchObject({
      tier: "obsolete",
      reorderPoint: 0,
      maxStock: 0,
      serviceTarget: 0,
    });
    expect(dead?.reason).toMatch(
      /^obsolete: no demand in the last 1[4-9](\.\d)? months \(limit 12\); not stocked/,
    );
    // Risk signals make an item essential or critical; the lock holds whatever the score.
    const risky = bySku.get("SMOOTH-1");
    expect(risky?.tier).toBe("essential");
    expect(risky?.reason).toMatch(/^essential: score 61: /);
    expect(risky?.reason).toMatch(/target 97.0 % cycle service \(essential tier\)$/);
    expect(risky?.reason).toMatch(/stockout last week \+25, used in 4 BoMs \(best parent A\) \+22/);
    expect(risky?.reason).toMatch(/single-sourced \+10/);
    expect(bySku.get("SMOOTH-3")).toMatchObject({ tier: "critical", locked: true });
    expect(bySku.get("SMOOTH-3")?.reason).toMatch(
      /^critical: locked by a planner; computed standard/,
    );
    // Hysteresis: the previous tier holds, and the streak is handed back for the next run.
    expect(bySku.get("SMOOTH-4")).toMatchObject({
      tier: "critical",
      computedTier: "standard",
      deescalationStreak: 1,
    });
    expect(bySku.get("SMOOTH-5")?.reason).toMatch(/receipt 12 days late \+25/);
  });

  it("meets item floors and the standard tier's target, and reports curves that rise with service", () => {
    const { demand, items } = portfolio();
    const plan = planPortfolio(demand, items, config());
    for (const item of plan.items) {
      if (item.tier === "critical" && item.demandPerPeriod > 0) {
        expect(item.expectedCycleService).toBeGreaterThanOrEqual(0.99 - 1e-12);
        expect(item.serviceMeasure).toBe("cycle");
      }
    }
    const standard = plan.tiers.find((tier) => tier.tier === "standard");
    expect(standard?.expectedFillRate).toBeGreaterThanOrEqual(0.93 - 1e-9);
    expect(standard?.expectedFillRate).toBeLessThan(0.95);
    for (const curve of plan.costServiceCurves) {
      const values = curve.points.map((point) => point.expectedInventoryValue);
      for (let k = 1; k < values.length; k++)
        expect(values[k]).toBeGreaterThanOrEqual((values[k - 1] as number) - 1e-6);
    }
    expect(plan.tiers.map((tier) => tier.items).reduce((a, b) => a + b, 0)).toBe(items.length);
  });

  it("reaches a portfolio goal by giving cheap items more service than dear ones", () => {
    const { demand, items } = portfolio();
    const plan = planPortfolio(demand, items, config({ allocator: { fillRateGoal: 0.99 } }));
    expect(plan.expectedFillRate).toBeGreaterThanOrEqual(0.99 - 1e-9);
    const standard = plan.items.filter(
      (item) => item.tier === "standard" && item.demandPerPeriod > 0,
    );
    const meanFill = (cost: number) => {
      const group = standard.filter((item) => item.unitCost === cost);
      return group.reduce((sum, item) => sum + item.expectedFillRate, 0) / group.length;
    };
    expect(meanFill(2)).toBeGreaterThan(meanFill(150));
  });

  it("plans on history up to asOf", () => {
    const { demand, items } = portfolio();
    const plan = planPortfolio(demand, items, config(), {
      asOf: demand.periodLabels[79] as string,
    });
    expect(plan.asOf).toBe(demand.periodLabels[79]);
    expect(plan.items.find((item) => item.sku === "NEW-0")?.pattern).toBe("none");
  });

  it("refuses input it cannot plan, naming the SKU and field", () => {
    const { demand, items } = portfolio();
    const expectError = (run: () => unknown, code: string, message: RegExp) => {
      try {
        run();
        expect.unreachable();
      } catch (error) {
        expect(error).toBeInstanceOf(PlanInputError);
        expect((error as PlanInputError).code).toBe(code);
        expect((error as Error).message).toMatch(message);
      }
    };
    expectError(
      () => planPortfolio(demand, items.slice(1), config()),
      "items-mismatch",
      /41 items for 42/,
    );
    expectError(
      () =>
        planPortfolio(
          demand,
          [{ ...(items[0] as ItemMaster), sku: "X" }, ...items.slice(1)],
          config(),
        ),
      "items-mismatch",
      /item 0 is "X" but demand row 0 is "SMOOTH-0"/,
    );
    expectError(
      () =>
        planPortfolio(
          demand,
          [{ ...(items[0] as ItemMaster), unitCost: -1 }, ...items.slice(1)],
          config(),
        ),
      "bad-item",
      /item "SMOOTH-0": unitCost must be a finite number ≥ 0, got -1/,
    );
    expectError(
      () => planPortfolio(demand, items, config({ period: "month" })),
      "period-mismatch",
      /per week/,
    );
    expectError(
      () => planPortfolio(demand, items, config(), { asOf: "2030-W01" }),
      "unknown-period",
      /2030-W01/,
    );
  });
});

describe("items introduced during the history", () => {
  /** One weekly grid of 104 weeks ending 2024-W52 and items without demand, dated as given. */
  function dated(introductions: Record<string, string | undefined>) {
    const first = parsePeriod("2023-W01").ordinal;
    const periodLabels = Array.from({ length: WEEKS }, (_, t) => periodLabel(first + t, "week"));
    const skus = Object.keys(introductions);
    const items: ItemMaster[] = skus.map((sku) => {
      const introducedOn = introductions[sku];
      return { sku, unitCost: 10, ...(introducedOn !== undefined && { introducedOn }) };
    });
    const demand: DemandMatrix = {
      period: "week",
      periodLabels,
      skus,
      quantities: new Float64Array(skus.length * WEEKS),
    };
    return { demand, items };
  }

  it("plans an item too young for history as new, and never obsolete for longer than it exists", () => {
    const { demand, items } = dated({
      UNDATED: undefined,
      LAUNCHED: "2024-12-02",
      YOUNG: "2024-W24",
      OLD: "2023-11-06",
      LATER: "2025-02-03",
    });
    const plan = planPortfolio(demand, items, config());
    const bySku = new Map(plan.items.map((item) => [item.sku, item]));
    // Without a date the item is taken to predate the history: 24 months without demand.
    expect(bySku.get("UNDATED")).toMatchObject({ pattern: "none", tier: "obsolete" });
    expect(bySku.get("UNDATED")?.reason).toMatch(/no demand in the last 23\.9 months/);
    // Launched four weeks before the end: new, stocked for nothing yet, not obsolete.
    expect(bySku.get("LAUNCHED")).toMatchObject({ pattern: "new", tier: "standard" });
    expect(bySku.get("LAUNCHED")?.reason).toMatch(/new item: no demand yet/);
    // 31 weeks (7.1 months) without demand since its launch: old enough to classify, not obsolete.
    expect(bySku.get("YOUNG")).toMatchObject({ pattern: "none", tier: "standard" });
    // 60 weeks (13.8 months) since its launch, never sold: obsolete for those months only.
    expect(bySku.get("OLD")?.tier).toBe("obsolete");
    expect(bySku.get("OLD")?.reason).toMatch(/no demand in the last 13\.8 months/);
    // Not launched yet at the as-of period.
    expect(bySku.get("LATER")).toMatchObject({ pattern: "new", tier: "standard", reorderPoint: 0 });
  });

  it("takes demand before the recorded introduction as proof of an older item", () => {
    // Sold in 2023 but recorded as created in December 2024 (a catalogue migrated late).
    const { demand, items } = dated({ MIGRATED: "2024-12-02" });
    demand.quantities[10] = 5;
    const plan = planPortfolio(demand, items, config());
    expect(plan.items[0]).toMatchObject({ tier: "obsolete" });
    expect(plan.items[0]?.reason).toMatch(/no demand in the last 21\.\d months/);
    const report = backtestPortfolio(demand, items, config(), {
      trainUntil: demand.periodLabels[77] as string,
    });
    expect(report.itemsIntroducedLater).toBe(0);
  });

  it("refuses an introduction date it cannot place on the grid, naming the SKU and field", () => {
    for (const introducedOn of ["2024-13-01", "2024-05", "next week"]) {
      const { demand, items } = dated({ PART: introducedOn });
      try {
        planPortfolio(demand, items, config());
        expect.unreachable(introducedOn);
      } catch (error) {
        expect(error).toBeInstanceOf(PlanInputError);
        expect(error).toMatchObject({ code: "bad-item", sku: "PART", field: "introducedOn" });
        expect((error as Error).message).toMatch(/item "PART": introducedOn/);
      }
    }
  });
});

describe("backtestPortfolio", () => {
  it("replays the test periods for both policies without modifying the inputs, reproducibly", () => {
    const { demand, items } = portfolio();
    const before = Float64Array.from(demand.quantities);
    const options = { trainUntil: demand.periodLabels[77] as string };
    const report = backtestPortfolio(demand, items, config(), options);
    expect(demand.quantities).toEqual(before);
    expect(report.testPeriods).toHaveLength(26);
    expect(report.warmupPeriods).toBe(26);
    expect(report.segmented.total.items).toBe(items.length);
    expect(report.segmented.total.demand).toBe(report.baseline.total.demand);
    expect(report.segmented.total.fillRate).toBeGreaterThan(0.8);
    expect(report.baseline.total.fillRate).toBeGreaterThan(0.8);
    expect(backtestPortfolio(demand, items, config(), options)).toEqual(report);
    const tierSum = report.segmented.tiers.reduce(
      (sum, tier) => sum + tier.averageInventoryValue,
      0,
    );
    expect(tierSum).toBeCloseTo(report.segmented.total.averageInventoryValue, 6);
  });

  it("promises the baseline's service when asked to", () => {
    const { demand, items } = portfolio();
    const report = backtestPortfolio(demand, items, config(), {
      trainUntil: demand.periodLabels[77] as string,
      segmentedGoal: "baseline",
    });
    expect(report.segmented.total.targetFillRate).toBeGreaterThanOrEqual(
      report.baseline.total.targetFillRate - 1e-9,
    );
  });

  it("compares at equal achieved fill rate when asked to: the lowest goal that serves what the baseline served", () => {
    const { demand, items } = portfolio();
    const trainUntil = demand.periodLabels[77] as string;
    const matched = backtestPortfolio(demand, items, config(), {
      trainUntil,
      segmentedGoal: "matched",
    });
    expect(matched.comparison).toBe("matched");
    expect(matched.segmented.total.fillRate).toBeGreaterThanOrEqual(
      matched.baseline.total.fillRate,
    );
    const goal = matched.portfolioGoal as number;
    // The same goal set by hand gives the same replay; a lower one serves less than the baseline.
    const at = (fillRateGoal: number) =>
      backtestPortfolio(demand, items, config({ allocator: { fillRateGoal } }), { trainUntil });
    expect(at(goal).segmented.total).toEqual(matched.segmented.total);
    expect(at(Math.max(0, goal - 0.001)).segmented.total.fillRate).toBeLessThan(
      matched.baseline.total.fillRate,
    );
  });

  it("leaves items launched after the training end out of every figure", () => {
    const { demand, items } = portfolio();
    const trainUntil = demand.periodLabels[77] as string;
    // The NEW items sell from week 96 on; dated, they did not exist when the plan was made.
    const dated = items.map((item) =>
      item.sku.startsWith("NEW-")
        ? { ...item, introducedOn: demand.periodLabels[96] as string }
        : item,
    );
    const undated = backtestPortfolio(demand, items, config(), { trainUntil });
    const report = backtestPortfolio(demand, dated, config(), { trainUntil });
    expect(undated.itemsIntroducedLater).toBe(0);
    expect(report.itemsIntroducedLater).toBe(6);
    expect(report.segmented.total.items).toBe(items.length - 6);
    let launchedDemand = 0;
    items.forEach((item, row) => {
      if (!item.sku.startsWith("NEW-")) return;
      for (let t = 78; t < WEEKS; t++)
        launchedDemand += demand.quantities[row * WEEKS + t] as number;
    });
    expect(launchedDemand).toBeGreaterThan(0);
    expect(report.segmented.total.demand).toBe(undated.segmented.total.demand - launchedDemand);
    // Undated, those without a lock or a held tier were planned obsolete, and every unit of their
    // demand counted as a stockout; dated, the obsolete tier has nothing left to serve.
    const obsolete = (report: BacktestReport) =>
      report.segmented.tiers.find((tier) => tier.tier === "obsolete");
    expect(obsolete(undated)?.demand).toBeGreaterThan(0);
    expect(obsolete(undated)?.fillRate).toBe(0);
    expect(obsolete(report)?.demand).toBe(0);
  });

  it("refuses a training end that leaves nothing to test", () => {
    const { demand, items } = portfolio();
    expect(() =>
      backtestPortfolio(demand, items, config(), {
        trainUntil: demand.periodLabels[WEEKS - 1] as string,
      }),
    ).toThrow(/nothing to test/);
  });
});
