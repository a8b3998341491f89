import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import type { Command } from "commander";
import {
  type BacktestReport,
  backtestPortfolio,
  defaultAnalyticsConfig,
  type PortfolioPlan,
  planPortfolio,
  type SegmentedGoal,
} from "../../../analytics/index.js";
import { planningReport } from "../../report/report-sources.js";
import { generatePlant, isoDay, plantPlanningInput } from "../../sources/demo/index.js";
import { writeFileAtomic } from "../atomic-write.js";
import { policyPairs, served } from "../backtest-rows.js";
import { runAction, UsageError } from "../errors.js";
import { integer, segmentedGoalOption } from "../options.js";
import { formatPolicies } from "../policy-output.js";
import { createProgress } from "../progress.js";
import { money, percent, renderTable } from "../table.js";
import { comparisonSentence } from "./backtest.js";
import { writeReportFile } from "./report.js";

interface DemoOptions {
  readonly seed: number;
  readonly products: number;
  readonly outDir: string;
  readonly segmentedGoal: SegmentedGoal;
}

/** Share of the history the demo trains on; the rest is replayed. */
const TRAIN_SHARE = 0.75;

/** `invseg demo` (`npm start`): the whole loop on a generated plant, in seconds. */
export function registerDemo(program: Command): void {
  program
    .command("demo")
    .description("generate the demo plant, plan it, backtest it against a uniform policy")
    .option("--seed <n>", "plant seed", integer("--seed"), 42)
    .option("--products <n>", "number of products", integer("--products"), 400)
    .option("--out-dir <dir>", "where to write the policies, the backtest and the report", "out")
    .addOption(segmentedGoalOption())
    .action((options: DemoOptions) => runAction(() => demo(options)));
}

async function demo(options: DemoOptions): Promise<void> {
  const started = performance.now();
  let plant: ReturnType<typeof generatePlant>;
  try {
    plant = generatePlant({ seed: options.seed, productCount: options.products });
  } catch (error) {
    if (error instanceof RangeError) throw new UsageError(error.message);
    throw error;
  }
  const { demand, items } = plantPlanningInput(plant, { period: "week" });
  const config = { ...defaultAnalyticsConfig(), period: demand.period };

  const planProgress = createProgress("planning");
  let plan: PortfolioPlan;
  try {
    plan = planPortfolio(demand, items, config, {
      onProgress: (done, total) => planProgress.update(done / total),
    });
  } finally {
    planProgress.done();
  }
  const trainUntil = demand.periodLabels[
    Math.floor(demand.periodLabels.length * TRAIN_SHARE) - 1
  ] as string;
  const backtestProgress = createProgress("backtesting");
  let report: BacktestReport;
  try {
    report = backtestPortfolio(demand, items, config, {
      trainUntil,
      // The plant has real receipts: replay them rather than a fixed mean.
      leadTime: "historical",
      // By default both policies promise the same service, so that the inventory they hold compares.
      segmentedGoal: options.segmentedGoal,
      onProgress: (done, total) => backtestProgress.update(done / total),
    });
  } finally {
    backtestProgress.done();
  }

  await mkdir(options.outDir, { recursive: true });
  const files = {
    csv: join(options.outDir, "policies.csv"),
    json: join(options.outDir, "policies.json"),
    backtest: join(options.outDir, "backtest.json"),
    report: join(options.outDir, "report.html"),
  };
  await writeFileAtomic(files.csv, formatPolicies(plan.items, "csv"));
  await writeFileAtomic(files.json, formatPolicies(plan.items, "json"));
  await writeFileAtomic(files.backtest, `${JSON.stringify(report, null, 2)}\n`);
  await writeReportFile(
    files.report,
    planningReport(
      {
        kind: "demo",
        description: `demo plant (seed ${plant.seed}, ${plant.products.length} products)`,
        input: { demand, items },
        config,
        plant,
      },
      { generatedAt: new Date().toISOString().slice(0, 16).replace("T", " ") },
      { plan, backtest: report },
    ),
  );

  const kinds = { finished: 0, subassembly: 0, component: 0 };
  for (const product of plant.products) kinds[product.kind]++;
  const shift = plant.leadTimeShift;
  process.stdout.write(
    `Demo plant (seed ${plant.seed}): ${kinds.finished} finished goods, ${kinds.subassembly} sub-assemblies, ` +
      `${kinds.component} components, ${plant.vendors.length} vendors, ` +
      `${isoDay(plant.startDay)} – ${isoDay(plant.endDay)}, ${plant.demand.count.toLocaleString("en-US")} demand events.\n` +
      `Vendor ${shift.vendorCode}'s lead time jumped from ${shift.beforeDays} to ${shift.afterDays} days on ${isoDay(shift.day)}.\n\n` +
      `Planned ${plan.items.length} items on weekly demand as of ${plan.asOf}; ` +
      `backtest trained through ${report.trainUntil}, replayed the last ${report.testPeriods.length} weeks.\n\n` +
      `${demoTable(report)}\n\n` +
      `${comparisonSentence(report)}\n\n` +
      `Policies → ${files.csv}, ${files.json}; backtest → ${files.backtest}; report → ${files.report} ` +
      `(${((performance.now() - started) / 1000).toFixed(1)} s)\n`,
  );
}

/** Per tier: the segmented policy's value and fill rate against its target, then the uniform baseline's. */
function demoTable(report: BacktestReport): string {
  const rows = policyPairs(report).map(({ segmented, uniform }) => [
    segmented.tier,
    String(segmented.items),
    money(segmented.averageInventoryValue),
    percent(segmented.targetFillRate),
    percent(served(segmented)),
    money(uniform.averageInventoryValue),
    percent(served(uniform)),
  ]);
  return renderTable(
    [
      "tier",
      "items",
      "inventory value",
      "target fill",
      "achieved fill",
      "uniform: inventory",
      "uniform: fill",
    ],
    rows,
  );
}
