/**
 * The issue's backtest acceptance on AUTO: train on the first 18 months, replay the last 6, lead
 * time 1 month, order cost 25, holding 25 %/year of unit cost.
 *
 * "A tier's target" is the demand-weighted expected fill rate of its items under the plan
 * (`targetFillRate`): with the allocator setting per-item targets, that is what the plan promised
 * the tier. AUTO carries no BoM, sourcing or event signals, so all 3,000 items are standard.
 *
 * The comparison with the uniform baseline is made at equal promised service
 * (`segmentedGoal: "baseline"`): the allocator is asked for the fill rate that the same demand
 * models expect of the uniform policy, a choice made before looking at the test months. Measured
 * (printed by the first test): the segmented policy reaches 93.43 % against the baseline's 93.37 %
 * with 16.4 % less average inventory value, and stays 1.96 points from its 95.39 % promise.
 * With the default configuration (standard promises 93 %), it achieves 91.50 %, 1.50 points from
 * its target, with 25 % less inventory but a lower fill rate than the baseline.
 * The margins are thin because a handful of items meet demand surges in the last six months that
 * nothing in the first eighteen foreshadows (AUTO-2683 sells 402 in one month after never more than
 * 13); they cost both policies about two points against their promises.
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
const matched = backtestPortfolio(input.demand, input.items, autoConfig(), {
  trainUntil: "2001-06",
  segmentedGoal: "baseline",
});

function table(title: string, report: BacktestReport): string {
  const percent = (value: number) =>
    Number.isFinite(value) ? `${(value * 100).toFixed(2)} %` : "–";
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
  it("replays 2001-07 … 2001-12 with a 6-month warm-up and prints both tables", () => {
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
      `${table("AUTO, default configuration", configured)}\n\n${table("AUTO, equal promised service", matched)}`,
    );
  });

  it("keeps every tier within 2 points of its target with the default configuration", () => {
    for (const tier of configured.segmented.tiers) {
      if (tier.items === 0) continue;
      expect(Math.abs(tier.fillRate - tier.targetFillRate), tier.tier).toBeLessThanOrEqual(0.02);
    }
  });

  it("holds at least 15 % less inventory than the uniform baseline when both promise the same service", () => {
    const { segmented, baseline } = matched;
    expect(segmented.total.targetFillRate).toBeGreaterThanOrEqual(
      baseline.total.targetFillRate - 1e-9,
    );
    expect(segmented.total.averageInventoryValue).toBeLessThanOrEqual(
      0.85 * baseline.total.averageInventoryValue,
    );
  });

  it("reaches an equal or higher fill rate than the baseline at equal promise", () => {
    expect(matched.segmented.total.fillRate).toBeGreaterThanOrEqual(
      matched.baseline.total.fillRate,
    );
  });

  it("keeps every tier within 2 points of its target at equal promise", () => {
    for (const tier of matched.segmented.tiers) {
      if (tier.items > 0)
        expect(Math.abs(tier.fillRate - tier.targetFillRate), tier.tier).toBeLessThanOrEqual(0.02);
    }
  });
});
