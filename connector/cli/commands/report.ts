import type { Command } from "commander";
import { ChartLibraryError, chartJsSource } from "../../report/chartjs-bundle.js";
import { renderReport } from "../../report/render-report.js";
import type { ReportData } from "../../report/report-data.js";
import { odooReport, planningReport, type ReportOptions } from "../../report/report-sources.js";
import { generatePlant } from "../../sources/demo/index.js";
import { openOdoo } from "../../sources/odoo/connection.js";
import { checkWritable, writeFileAtomic } from "../atomic-write.js";
import { registerUserError, runAction, UsageError } from "../errors.js";
import { addInputOptions, type InputOptions, integer } from "../options.js";
import { periodOnGrid, readPlanningRun } from "../planning-run.js";
import { createProgress } from "../progress.js";
import { sourceNames } from "../sources.js";

registerUserError(ChartLibraryError);

interface ReportCommandOptions extends InputOptions {
  readonly out: string;
  readonly asOf?: string;
  readonly trainUntil?: string;
  readonly top: number;
  readonly title?: string;
}

/** `invseg report`: one self-contained HTML file with the plan, backtest, suppliers and cash. */
export function registerReport(program: Command): void {
  const command = program
    .command("report")
    .description(
      "write an HTML report: ABC×XYZ, variability, tiers, cost of service, backtest, supplier scorecards, recommendations, cash projection",
    )
    .requiredOption("--out <file>", "where to write the report (.html)")
    .option("--as-of <period>", "plan on the history up to this period (default: the last one)")
    .option("--train-until <period>", "last training period of the backtest (default: 3/4 in)")
    .option("--top <n>", "recommendations listed", integer("--top"), 25)
    .option("--title <text>", "the report's title");
  addInputOptions(command, sourceNames()).action((options: ReportCommandOptions) =>
    runAction(() => report(options)),
  );
}

async function report(options: ReportCommandOptions): Promise<void> {
  if (!/\.html?$/i.test(options.out)) {
    throw new UsageError(`--out must name an .html file, got "${options.out}"`);
  }
  if (options.top < 1) throw new UsageError(`--top needs a whole number ≥ 1, got ${options.top}`);
  await checkWritable(options.out);
  const progress = createProgress("report");
  const common: ReportOptions = {
    generatedAt: new Date().toISOString().slice(0, 16).replace("T", " "),
    top: options.top,
    ...(options.title !== undefined && { title: options.title }),
    onProgress: (fraction) => progress.update(fraction),
  };
  let data: ReportData;
  try {
    data =
      options.source === "odoo"
        ? await fromOdoo(options, common)
        : await fromPlanning(options, common);
  } finally {
    progress.done();
  }
  await writeReportFile(options.out, data);
  const vendor = data.vendors[0];
  process.stdout.write(
    `Report of ${data.headline.items.toLocaleString("en-US")} items (${data.source.description}) → ${options.out}\n` +
      (vendor ? `Highest supplier risk: ${vendor.name} (${vendor.risk}/100).\n` : "") +
      `${data.headline.recommendations.toLocaleString("en-US")} recommendations; ` +
      `cash in ${data.cash.dates.length - 1} weeks: ${Math.round(data.cash.current.at(-1) ?? 0).toLocaleString("en-US")} under today's rules, ` +
      `${Math.round(data.cash.suggested.at(-1) ?? 0).toLocaleString("en-US")} with the suggestions.\n`,
  );
}

async function fromPlanning(
  options: ReportCommandOptions,
  common: ReportOptions,
): Promise<ReportData> {
  const { input, config } = await readPlanningRun(options, options.asOf);
  const onGrid = (label: string | undefined) =>
    label === undefined ? undefined : periodOnGrid(label, input.demand.period);
  const plant =
    options.source === "demo"
      ? generatePlant({
          ...(options.seed !== undefined && { seed: options.seed }),
          ...(options.products !== undefined && { productCount: options.products }),
        })
      : undefined;
  return planningReport(
    {
      kind: options.source === "demo" ? "demo" : "csv",
      description:
        options.source === "demo"
          ? `demo plant (seed ${plant?.seed ?? 42}, ${input.items.length} products)`
          : `${options.demand} and ${options.items}`,
      input,
      config,
      plant,
    },
    { ...common, asOf: onGrid(options.asOf), trainUntil: onGrid(options.trainUntil) },
  );
}

async function fromOdoo(options: ReportCommandOptions, common: ReportOptions): Promise<ReportData> {
  const { odoo, config } = await openOdoo(process.env, options.odooConfig);
  try {
    return await odooReport(odoo, {
      ...common,
      asOf: options.asOf,
      trainUntil: options.trainUntil,
      connectionLabel: `${config.database} at ${config.url}`,
    });
  } finally {
    odoo.close();
  }
}

/** Renders the report with chart.js inlined and writes it all at once. */
export async function writeReportFile(path: string, data: ReportData): Promise<void> {
  await writeFileAtomic(path, renderReport(data, await chartJsSource()));
}
