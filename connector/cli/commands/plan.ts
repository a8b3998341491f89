import type { Command } from "commander";
import { type PortfolioPlan, planPortfolio } from "../../../analytics/index.js";
import { checkWritable, writeFileAtomic } from "../atomic-write.js";
import { runAction } from "../errors.js";
import { addInputOptions, type InputOptions } from "../options.js";
import { periodOnGrid, readPlanningRun } from "../planning-run.js";
import { formatPolicies, outputFormatOf } from "../policy-output.js";
import { createProgress } from "../progress.js";
import { sourceNames } from "../sources.js";
import { money, percent, renderTable } from "../table.js";

interface PlanOptions extends InputOptions {
  readonly out: string;
  readonly asOf?: string;
}

/** `invseg plan`: segments and policies for every item, written as JSON or CSV. */
export function registerPlan(program: Command): void {
  const command = program
    .command("plan")
    .description("classify every item and compute its stocking policy")
    .requiredOption("--out <file>", "where to write the policies: .json or .csv")
    .option("--as-of <period>", "plan on the history up to this period (default: the last one)");
  addInputOptions(command, sourceNames()).action((options: PlanOptions) =>
    runAction(() => plan(options)),
  );
}

async function plan(options: PlanOptions): Promise<void> {
  const format = outputFormatOf(options.out);
  await checkWritable(options.out);
  const { input, config } = await readPlanningRun(options, options.asOf);
  const progress = createProgress("planning");
  let result: PortfolioPlan;
  try {
    result = planPortfolio(input.demand, input.items, config, {
      ...(options.asOf !== undefined && { asOf: periodOnGrid(options.asOf, input.demand.period) }),
      onProgress: (done, total) => progress.update(done / total),
    });
  } finally {
    progress.done();
  }
  await writeFileAtomic(options.out, formatPolicies(result.items, format));
  process.stdout.write(
    `Planned ${result.items.length} items on ${input.demand.period}ly demand as of ${result.asOf} → ${options.out}\n\n` +
      `${planSummary(result)}\n`,
  );
}

/** Per tier: items, target, the fill rate the policies promise, and the stock they hold. */
export function planSummary(result: PortfolioPlan): string {
  const rows = result.tiers.map((tier) => [
    tier.tier,
    String(tier.items),
    `${percent(tier.serviceTarget)} ${tier.serviceMeasure}`,
    percent(tier.expectedFillRate),
    money(tier.expectedInventoryValue),
  ]);
  return renderTable(["tier", "items", "target", "expected fill rate", "inventory value"], rows);
}
