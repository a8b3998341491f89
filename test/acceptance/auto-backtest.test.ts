/**
 * The issue's backtest acceptance on AUTO: train on the first 18 months, replay the last 6, lead
 * time 1 month, order cost 25, holding 25 %/year of unit cost.
 *
 * "A tier's target" is the demand-weighted expected fill rate of its items under the plan
 * (`targetFillRate`): with the allocator setting per-item targets, that is what the plan promised
 * the tier. AUTO carries no BoM, sourcing or event signals, so all 3,000 items are standard.
 *
 * "At least 15 % less average inventory value at an equal or higher total fill rate" is checked two
 * ways. At equal promised service (`segmentedGoal: "baseline"`, the goal chosen before the test):
 * measured (printed by the first test), the segmented policy serves 93.38 % against the baseline's
 * 93.37 % with 16.3 % less inventory, 1.47 points from its 94.85 % promise. Once both promises are
 * unbiased, equal promises give equal service up to noise, so the margin on fill rate is thin by
 * nature; hence also at equal achieved service (`"matched"`: the lowest portfolio goal whose replay
 * serves at least what the baseline served, 94.81 %): 93.37 % each, 16.4 % less inventory.
 * With the default configuration (standard promises 93 %) it achieves 91.95 %, 1.05 points short.
 * Both policies fall about 1.5 points short of their promises: a handful of items meet demand
 * surges in the last six months that nothing in the first eighteen foreshadows (AUTO-2683 sells 402
 * in one month after never more than 13); the level drift the plan measures on its own history (the
 * last six training months against a forecast made before them) prices part of that.
 */
import { describe, expect, it } from "vitest";
import { backtestPortfolio } from "../../analytics/backtest-portfolio.js";
import { type AnalyticsConfig, parseAnalyticsConfig } from "../../analytics/config.js";
import type { BacktestFigures, BacktestReport } from "../../analytics/types.js";
import { loadAuto } from "./auto-data.js";

function autoConfig(): AnalyticsConfig {
  const result = parseAnalyticsConfig({
    period: "month",
    defaults: { orderCost: 25, holdingRate: 0.25, leadTimeDays: 30 },
  });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.config;
}

const input = loadAuto();
const configured = backtestPortfolio(input.demand, input.items, autoConfig(), {
  trainUntil: "2001-06",
});
const promised = backtestPortfolio(input.demand, input.items, autoConfig(), {
  trainUntil: "2001-06",
  segmentedGoal: "baseline",
});
const achieved = backtestPortfolio(input.demand, input.items, autoConfig(), {
  trainUntil: "2001-06",
  segmentedGoal: "matched",
});

function percent(value: number): string {
  return Number.isFinite(value) ? `${(value * 100).toFixed(2)} %` : "–";
}

function table(title: string, report: BacktestReport): string {
  const money = (value: number) => Math.round(value).toLocaleString("en-US");
  const rows = (name: string, figures: readonly BacktestFigures[]) =>
    figures
      .filter((row) => row.items > 0)
      .map((row) =>
        [
          name,
          row.tier,
          row.items,
          percent(row.targetFillRate),
          percent(row.fillRate),
          percent(row.cycleService),
          money(row.averageInventoryValue),
          row.orders,
          row.stockoutPeriods,
        ].join(" | "),
      );
  return [
    title,
    "policy | tier | items | target | fill rate | cycle service | avg inventory value | orders | stockout periods",
    ...rows("segmented", [...report.segmented.tiers, report.segmented.total]),
    ...rows("uniform", [...report.baseline.tiers, report.baseline.total]),
  ].join("\n");
}

describe("AUTO backtest: 18 months of training, 6 replayed", () => {
  it("replays 2001-07 … 2001-12 with a 6-month warm-up and prints the tables", () => {
    expect(configured.testPeriods).toEqual([
      "2001-07",
      "2001-08",
      "2001-09",
      "2001-10",
      "2001-11",
      "2001-12",
    ]);
    expect(configured.warmupPeriods).toBe(6);
    console.log(
      [
        table("AUTO, default configuration", configured),
        table("AUTO, equal promised service", promised),
        table(
          `AUTO, equal achieved fill rate (portfolio goal ${percent(achieved.portfolioGoal ?? Number.NaN)})`,
          achieved,
        ),
      ].join("\n\n"),
    );
  });

  it("keeps every tier within 2 points of its target with the default configuration", () => {
    expectTiersOnTarget(configured);
  });

  it("holds at least 15 % less inventory than the uniform baseline at an equal or higher fill rate", () => {
    const { segmented, baseline } = achieved;
    expect(achieved.comparison).toBe("matched");
    expect(segmented.total.fillRate).toBeGreaterThanOrEqual(baseline.total.fillRate);
    expect(segmented.total.averageInventoryValue).toBeLessThanOrEqual(
      0.85 * baseline.total.averageInventoryValue,
    );
  });

  it("keeps every tier within 2 points of its target at equal achieved fill rate", () => {
    expectTiersOnTarget(achieved);
  });

  it("holds at least 15 % less inventory than the uniform baseline when both promise the same service", () => {
    const { segmented, baseline } = promised;
    expect(segmented.total.targetFillRate).toBeGreaterThanOrEqual(
      baseline.total.targetFillRate - 1e-9,
    );
    expect(segmented.total.averageInventoryValue).toBeLessThanOrEqual(
      0.85 * baseline.total.averageInventoryValue,
    );
  });

  it("reaches an equal or higher fill rate than the baseline at equal promise", () => {
    expect(promised.segmented.total.fillRate).toBeGreaterThanOrEqual(
      promised.baseline.total.fillRate,
    );
  });

  it("keeps every tier within 2 points of its target at equal promise", () => {
    expectTiersOnTarget(promised);
  });
});

function expectTiersOnTarget(report: BacktestReport): void {
  for (const tier of report.segmented.tiers) {
    if (tier.items === 0) continue;
    expect(Math.abs(tier.fillRate - tier.targetFillRate), tier.tier).toBeLessThanOrEqual(0.02);
  }
}
