import { type Command, Option } from "commander";
import { SettingsError } from "../../extract/settings.js";
import { formatInsights } from "../../insights/format-insights.js";
import { ConnectionConfigError, isOdooError, OdooError } from "../../odoo/index.js";
import { openOdoo } from "../../sources/odoo/index.js";
import { defaultStateDir } from "../../sync/state-file.js";
import type { SyncSummary } from "../../sync/summary.js";
import {
  RunInProgressError,
  runSync,
  SyncFailedError,
  SyncOptionError,
  type SyncPhase,
} from "../../sync/sync.js";
import { loadConfigFile } from "../config-file.js";
import { registerUserError, runAction, UsageError } from "../errors.js";
import { analyticsConfigOption, integer, odooConfigOption } from "../options.js";
import { createProgress, type Progress } from "../progress.js";
import { money, renderTable } from "../table.js";

interface SyncCommandOptions {
  readonly full?: boolean;
  readonly incremental?: boolean;
  readonly dryRun?: boolean;
  readonly warehouse?: string;
  readonly company?: number;
  readonly asOf?: string;
  readonly json?: boolean;
  readonly config?: string;
  readonly analyticsConfig?: string;
  readonly stateDir?: string;
  readonly demandRead: "grouped" | "moves";
}

// Bad settings, an unreachable or refusing Odoo, a run in the way: the message says what to fix.
for (const type of [
  ConnectionConfigError,
  OdooError,
  SettingsError,
  RunInProgressError,
  SyncOptionError,
  SyncFailedError,
]) {
  registerUserError(type);
}

/** Labels of the phases, as the progress bars show them. */
const PHASE_LABELS: Record<SyncPhase, string> = {
  scope: "reading the company",
  products: "reading products",
  demand: "reading demand",
  receipts: "reading receipts",
  stock: "reading stock",
  vendors: "reading vendors",
  boms: "reading BoMs",
  plan: "planning",
  events: "writing events",
  segments: "writing segments",
  suggestions: "writing suggestions",
  kpis: "writing KPIs",
  insights: "writing scorecards and recommendations",
};

/** `invseg sync`: Odoo → segments and policies → Odoo. */
export function registerSync(program: Command): void {
  program
    .command("sync")
    .description("read Odoo, segment every product and write segments, suggestions and KPIs back")
    .addOption(
      new Option("--full", "read the whole history window (default)").conflicts("incremental"),
    )
    .addOption(
      new Option(
        "--incremental",
        "read only what changed since the last done run (falls back to full when it cannot)",
      ),
    )
    .option("--dry-run", "compute and report what would be written, write nothing")
    .option("--warehouse <code>", "limit suggestions and KPIs to one warehouse (by its short code)")
    .option(
      "--company <id>",
      "the company to sync (default: the API user's current one)",
      integer("--company"),
    )
    .option("--as-of <day>", "plan as of this day, YYYY-MM-DD (default: today, UTC)")
    .option("--json", "print the summary as JSON")
    .addOption(odooConfigOption())
    .addOption(analyticsConfigOption())
    .option(
      "--state-dir <dir>",
      "where the last run's snapshot is kept for incremental runs (default: $INVSEG_STATE_DIR or ~/.local/state/invseg)",
    )
    .addOption(
      new Option("--demand-read <how>", "aggregate demand on the server, or read move by move")
        .choices(["grouped", "moves"])
        .default("grouped"),
    )
    .action((options: SyncCommandOptions) => runAction(() => sync(options)));
}

async function sync(options: SyncCommandOptions): Promise<void> {
  if (options.asOf !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(options.asOf)) {
    throw new UsageError(`--as-of needs a day YYYY-MM-DD, got "${options.asOf}"`);
  }
  const analytics = options.analyticsConfig
    ? (await loadConfigFile(options.analyticsConfig)).config
    : undefined;
  const { config, odoo, stats } = await openOdoo(process.env, options.config);
  const bars = new PhaseBars();
  const controller = new AbortController();
  const stop = (signal: NodeJS.Signals) => controller.abort(signal);
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  let summary: SyncSummary;
  try {
    summary = await runSync(odoo, {
      mode: options.incremental ? "incremental" : "full",
      dryRun: options.dryRun ?? false,
      warehouseCode: options.warehouse,
      companyId: options.company,
      asOfDay: options.asOf,
      stateDir: options.stateDir ?? defaultStateDir(process.env),
      connection: { url: config.url, database: config.database },
      ...(analytics !== undefined && { analytics }),
      demandMode: options.demandRead,
      onProgress: (phase, done, total) => bars.update(phase, done, total),
      signal: controller.signal,
      stats,
      feedback: {},
    });
  } catch (error) {
    if (isOdooError(error)) throw new UsageError(`Odoo refused the sync: ${error.message}`);
    throw error;
  } finally {
    bars.done();
    process.off("SIGINT", stop);
    process.off("SIGTERM", stop);
    odoo.close();
  }
  process.stdout.write(
    options.json ? `${JSON.stringify(summary, null, 2)}\n` : `${formatSummary(summary)}\n`,
  );
}

/** One progress bar at a time, for the phase in progress (terminal only). */
class PhaseBars {
  #phase: SyncPhase | undefined;
  #bar: Progress | undefined;

  update(phase: SyncPhase, done: number, total: number): void {
    if (phase !== this.#phase) {
      this.#bar?.done();
      this.#phase = phase;
      this.#bar = createProgress(PHASE_LABELS[phase]);
    }
    this.#bar?.update(total > 0 ? done / total : 1);
  }

  done(): void {
    this.#bar?.done();
  }
}

/** The human summary: what ran, per tier, what was written, what was left out. */
function formatSummary(summary: SyncSummary): string {
  const lines: string[] = [];
  const what = summary.dryRun ? "Dry run (nothing written)" : `Run ${summary.run?.name ?? "?"}`;
  lines.push(
    `${what}: ${summary.mode} sync of company ${summary.companyId}${summary.warehouse ? `, warehouse ${summary.warehouse}` : ""}, ` +
      `${summary.window.period}ly demand ${summary.window.from} → ${summary.window.through}, ${summary.products} products` +
      `${summary.affected !== null ? ` (${summary.affected} re-read)` : ""}, ${summary.requests} requests, ${summary.seconds.toFixed(1)} s`,
  );
  if (summary.fullBecause) lines.push(`Read everything: ${summary.fullBecause}.`);
  if (summary.resumed) lines.push(`Resumed the interrupted run ${summary.resumed.name}.`);
  if (summary.closedRuns.length > 0)
    lines.push(`Closed as failed (no sign of life): ${summary.closedRuns.join(", ")}.`);
  lines.push(
    "",
    renderTable(
      ["tier", "products", "stock value"],
      summary.tiers.map((tier) => [tier.tier, String(tier.products), money(tier.inventoryValue)]),
    ),
    "",
  );
  const w = summary.writes;
  const verb = summary.dryRun ? "would write" : "wrote";
  lines.push(
    `${verb}: ${w.products} product segmentations (${w.productsUnchanged} already up to date${w.lockedProducts > 0 ? `, ${w.lockedProducts} locked kept their tier` : ""}), ` +
      `${w.events} segment-change events, ${w.proposals} suggestions (${w.proposalsUnchanged} unchanged${w.autoApplied > 0 ? `, ${w.autoApplied} applied automatically` : ""}), ${w.kpiRows} KPI rows.`,
  );
  if (summary.insights) lines.push(formatInsights(summary.insights));
  else if (summary.mode === "incremental" && !summary.dryRun)
    lines.push("Scorecards, recommendations and the cash projection: refreshed by full runs.");
  if (summary.skipped.length > 0) {
    const reasons = new Map<string, number>();
    for (const product of summary.skipped)
      reasons.set(product.reason, (reasons.get(product.reason) ?? 0) + 1);
    lines.push(
      `Skipped ${summary.skipped.length} products: ${[...reasons].map(([reason, count]) => `${count} ${reason}`).join(", ")}.`,
    );
  }
  if (summary.issues.length > 0) {
    lines.push(`Left out ${summary.issues.length} records that could not be used:`);
    for (const issue of summary.issues.slice(0, 20))
      lines.push(`  ${issue.model} ${issue.id}: ${issue.problem}`);
    if (summary.issues.length > 20)
      lines.push(`  … and ${summary.issues.length - 20} more (see --json).`);
  }
  return lines.join("\n");
}
