import { type Command, Option } from "commander";
import {
  type AnalyticsConfig,
  type BacktestReport,
  backtestPortfolio,
  type ItemMaster,
  type PeriodKind,
  type SegmentedGoal,
} from "../../../analytics/index.js";
import { checkWritable, writeFileAtomic } from "../atomic-write.js";
import { policyPairs, served } from "../backtest-rows.js";
import { runAction, UsageError } from "../errors.js";
import {
  addInputOptions,
  type InputOptions,
  integer,
  nonNegative,
  segmentedGoalOption,
} from "../options.js";
import { periodOnGrid, readPlanningRun } from "../planning-run.js";
import { createProgress } from "../progress.js";
import { sourceNames } from "../sources.js";
import { money, percent, renderTable } from "../table.js";

interface BacktestOptions extends InputOptions {
  readonly trainUntil: string;
  readonly leadTime: "fixed" | "historical";
  readonly leadTimePeriods?: number;
  readonly segmentedGoal: SegmentedGoal;
  readonly warmupPeriods?: number;
  readonly orderCost?: number;
  readonly holdingRate?: number;
  readonly out?: string;
}

/** `invseg backtest`: the segmented policy against a uniform baseline on held-out history. */
export function registerBacktest(program: Command): void {
  const command = program
    .command("backtest")
    .description("plan on the history up to a period, replay the rest: segmented vs uniform policy")
    .requiredOption("--train-until <period>", "last period of the training history")
    .addOption(
      new Option(
        "--lead-time <mode>",
        "fixed: each item's mean lead time; historical: each order draws one of its observed lead times",
      )
        .choices(["fixed", "historical"])
        .default("fixed"),
    )
    .option(
      "--lead-time-periods <n>",
      "one fixed lead time for every item, in periods (overrides the items' own)",
      integer("--lead-time-periods"),
    )
    .addOption(segmentedGoalOption())
    .option(
      "--warmup-periods <n>",
      "training periods replayed before measuring (default: 6 months' worth)",
      integer("--warmup-periods"),
    )
    .option(
      "--order-cost <amount>",
      "cost per order for items without one",
      nonNegative("--order-cost"),
    )
    .option(
      "--holding-rate <fraction>",
      "holding cost per year as a fraction of unit cost, for items without one",
      nonNegative("--holding-rate"),
    )
    .option("--out <file>", "also write the full report as JSON");
  addInputOptions(command, sourceNames()).action((options: BacktestOptions) =>
    runAction(() => backtest(options)),
  );
}

async function backtest(options: BacktestOptions): Promise<void> {
  if (options.out !== undefined && !options.out.toLowerCase().endsWith(".json")) {
    throw new UsageError(`--out must end in .json, got "${options.out}"`);
  }
  if (options.out !== undefined) await checkWritable(options.out);
  if (options.warmupPeriods !== undefined && options.warmupPeriods < 0) {
    throw new UsageError(`--warmup-periods must be 0 or more, got ${options.warmupPeriods}`);
  }
  if (options.leadTimePeriods !== undefined && options.leadTimePeriods < 1) {
    throw new UsageError(`--lead-time-periods must be 1 or more, got ${options.leadTimePeriods}`);
  }
  const run = await readPlanningRun(options);
  const config = withCostOverrides(run.config, options);
  const items =
    options.leadTimePeriods === undefined
      ? run.input.items
      : withLeadTime(run.input.items, options.leadTimePeriods, run.input.demand.period);
  const progress = createProgress("backtesting");
  let report: BacktestReport;
  try {
    report = backtestPortfolio(run.input.demand, items, config, {
      trainUntil: periodOnGrid(options.trainUntil, run.input.demand.period),
      leadTime: options.leadTimePeriods === undefined ? options.leadTime : "fixed",
      segmentedGoal: options.segmentedGoal,
      ...(options.warmupPeriods !== undefined && { warmupPeriods: options.warmupPeriods }),
      onProgress: (done, total) => progress.update(done / total),
    });
  } finally {
    progress.done();
  }
  if (options.out !== undefined) {
    await writeFileAtomic(options.out, `${JSON.stringify(report, null, 2)}\n`);
  }
  process.stdout.write(`${backtestSummary(report)}\n`);
  if (options.out !== undefined) process.stdout.write(`\nFull report → ${options.out}\n`);
}

/** Average days in a period, to turn `--lead-time-periods` into the items' lead time in days. */
const DAYS_PER_PERIOD: Record<PeriodKind, number> = { week: 7, month: 365.25 / 12 };

/** Every item with the same fixed lead time of `periods` periods (no spread, no history). */
function withLeadTime(
  items: readonly ItemMaster[],
  periods: number,
  period: PeriodKind,
): ItemMaster[] {
  return items.map(({ leadTimeHistoryDays: _history, ...item }) => ({
    ...item,
    leadTimeDays: periods * DAYS_PER_PERIOD[period],
    leadTimeSdDays: 0,
  }));
}

/** `--order-cost` and `--holding-rate` become the defaults for items whose master does not say. */
function withCostOverrides(config: AnalyticsConfig, options: BacktestOptions): AnalyticsConfig {
  return {
    ...config,
    defaults: {
      ...config.defaults,
      ...(options.orderCost !== undefined && { orderCost: options.orderCost }),
      ...(options.holdingRate !== undefined && { holdingRate: options.holdingRate }),
    },
  };
}

/**
 * The two policies side by side, per tier and in total: fill rate against target, average
 * inventory value, stockout periods and orders; then the headline comparison.
 */
export function backtestSummary(report: BacktestReport): string {
  const rows = policyPairs(report).map(({ segmented, uniform }) => [
    segmented.tier,
    String(segmented.items),
    percent(segmented.targetFillRate),
    percent(served(segmented)),
    percent(served(uniform)),
    money(segmented.averageInventoryValue),
    money(uniform.averageInventoryValue),
    change(segmented.averageInventoryValue, uniform.averageInventoryValue),
    `${segmented.stockoutPeriods} / ${uniform.stockoutPeriods}`,
    `${segmented.orders} / ${uniform.orders}`,
  ]);
  const table = renderTable(
    [
      "tier",
      "items",
      "target fill",
      "fill segmented",
      "fill uniform",
      "inventory segmented",
      "inventory uniform",
      "Δ inventory",
      "stockout periods seg / uni",
      "orders seg / uni",
    ],
    rows,
  );
  const title =
    `Backtest: trained through ${report.trainUntil}, replayed ${report.testPeriods.length} ` +
    `${report.period}s (${report.testPeriods[0]} – ${report.testPeriods.at(-1)}), ` +
    `${report.leadTime} lead times; uniform baseline: every item at ${percent(report.baselineServiceTarget)}`;
  return `${title}\n\n${table}\n\n${comparisonSentence(report)}`;
}

/**
 * The headline: how much less (or more) inventory the segmented policy holds than the uniform rule,
 * what the two were compared at, and what each served over the replay. Says so when items launched
 * after the training end were left out.
 */
export function comparisonSentence(report: BacktestReport): string {
  const segmented = report.segmented.total;
  const uniform = report.baseline.total;
  const saving = 1 - segmented.averageInventoryValue / uniform.averageInventoryValue;
  const rule = `the uniform rule (every item at ${percent(report.baselineServiceTarget)} cycle service, z·σ·√(L+R))`;
  const basis =
    report.comparison === "baseline"
      ? `for the same promised service: the plan's demand models expected ${percent(segmented.targetFillRate)} fill rate of both`
      : report.comparison === "matched"
        ? `for the same achieved service: its portfolio goal was raised to ${percent(report.portfolioGoal)} until its replay served what the uniform rule served`
        : `with the configured tier targets (it promised ${percent(segmented.targetFillRate)}, the uniform rule is expected to give ${percent(uniform.targetFillRate)})`;
  const replayed = `${report.testPeriods.length} replayed ${report.period}s`;
  const later =
    report.itemsIntroducedLater > 0
      ? ` ${report.itemsIntroducedLater} items launched after ${report.trainUntil} were outside the plan and are left out.`
      : "";
  return (
    `The segmented policy holds ${percent(Math.abs(saving))} ${saving >= 0 ? "less" : "more"} inventory than ${rule} ${basis}. ` +
    `Over the ${replayed} it served ${percent(served(segmented))} of demand from stock, the uniform rule ${percent(served(uniform))}.${later}`
  );
}

/** Relative change of `value` against `reference`: "−18.4 %". */
function change(value: number, reference: number): string {
  if (reference === 0) return value === 0 ? "0.0 %" : "n/a";
  const share = value / reference - 1;
  return `${share >= 0 ? "+" : "−"}${Math.abs(share * 100).toFixed(1)} %`;
}
