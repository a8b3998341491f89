import { type Command, Option } from "commander";
import {
  ConnectionConfigError,
  connectOdoo,
  isOdooError,
  loadConnectionConfig,
  OdooAuthError,
  type OdooClient,
  OdooConnectionError,
  RequestStats,
} from "../../odoo/index.js";
import {
  defaultEndDate,
  readMarker,
  SEED_SCALES,
  SeedConflictError,
  type SeedPhase,
  SeedPrerequisiteError,
  type SeedReport,
  type SeedScale,
  seedOdoo,
  seedPlant,
} from "../../seed/index.js";
import { isoDay } from "../../sources/demo/index.js";
import { registerUserError, runAction, UsageError } from "../errors.js";
import { integer, odooConfigOption } from "../options.js";
import { createProgress, type Progress } from "../progress.js";
import { renderTable } from "../table.js";

interface SeedOdooOptions {
  readonly scale: SeedScale;
  readonly seed: number;
  readonly endDate?: string;
  readonly config?: string;
  readonly json?: boolean;
}

/** Seeding stopped part-way; the message says where and that re-running resumes. */
class SeedStoppedError extends Error {
  override readonly name = "SeedStoppedError";
}

for (const type of [
  ConnectionConfigError,
  OdooAuthError,
  OdooConnectionError,
  SeedConflictError,
  SeedPrerequisiteError,
  SeedStoppedError,
]) {
  registerUserError(type);
}

/** `invseg seed-odoo`: loads the demo plant into a live Odoo 19 through its API. */
export function registerSeedOdoo(program: Command): void {
  program
    .command("seed-odoo")
    .description(
      "load the demo plant (products, vendors, BoMs, 2 years of purchases and stock moves) into a live Odoo 19; re-run to resume",
    )
    .addOption(
      new Option("--scale <scale>", "small ≈200, medium ≈5,000, large ≈50,000 products")
        .choices(SEED_SCALES)
        .makeOptionMandatory(),
    )
    .option("--seed <n>", "plant seed", integer("--seed"), 42)
    .option(
      "--end-date <YYYY-MM-DD>",
      "last day of the history (default: yesterday, or what the database was seeded with)",
    )
    .addOption(odooConfigOption())
    .option("--json", "print a JSON summary (counts per model, seconds per phase, RPC calls)")
    .action((options: SeedOdooOptions) => runAction(() => seedCommand(options)));
}

async function seedCommand(options: SeedOdooOptions): Promise<void> {
  const config = loadConnectionConfig(process.env, options.config);
  const stats = new RequestStats();
  const odoo = await connectOdoo(config, { logger: stats.logger });
  let phase: SeedPhase | undefined;
  let progress: Progress | undefined;
  const stop = stopOnInterrupt();
  try {
    const endDate = options.endDate ?? (await readMarker(odoo))?.endDate ?? defaultEndDate();
    const plant = plantOf(options, endDate);
    if (!options.json) {
      process.stderr.write(
        `Seeding ${config.database} at ${config.url} with the ${options.scale} demo plant (seed ${options.seed}, ` +
          `${isoDay(plant.startDay)} – ${isoDay(plant.endDay)}) over ${odoo.transport}\n`,
      );
    }
    const report = await seedOdoo(odoo, plant, {
      scale: options.scale,
      stats,
      signal: stop.signal,
      onPhase: (next) => {
        progress?.done();
        phase = next;
        progress = createProgress(`${next.padEnd(12)}`);
      },
      onProgress: (_, done, total) => progress?.update(total > 0 ? done / total : 1),
    });
    progress?.done();
    process.stdout.write(
      options.json
        ? `${JSON.stringify(report, null, 2)}\n`
        : `${humanSummary(report, config.database)}\n`,
    );
  } catch (error) {
    progress?.done();
    throw stopped(error, phase, odoo);
  } finally {
    stop.dispose();
    odoo.close();
  }
}

/**
 * Ctrl-C stops at the next batch boundary, after the request in flight has finished, so that a
 * re-run resumes cleanly (a request cut off mid-way would still run on the server while the next
 * run starts). A second Ctrl-C quits at once.
 */
function stopOnInterrupt(): { signal: AbortSignal; dispose(): void } {
  const controller = new AbortController();
  const onSignal = () => {
    if (controller.signal.aborted) process.exit(130);
    process.stderr.write("\nstopping after the current request (Ctrl-C again to quit now)…\n");
    controller.abort(
      new SeedStoppedError("stopped on request; run the same command again to resume from there."),
    );
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  return {
    signal: controller.signal,
    dispose() {
      process.off("SIGINT", onSignal);
      process.off("SIGTERM", onSignal);
    },
  };
}

function plantOf(options: SeedOdooOptions, endDate: string) {
  try {
    return seedPlant({ scale: options.scale, seed: options.seed, endDate });
  } catch (error) {
    if (error instanceof RangeError) throw new UsageError(`--end-date: ${error.message}`);
    throw error;
  }
}

/** Odoo's own errors mid-run become a message that says where it stopped and how to resume. */
function stopped(error: unknown, phase: SeedPhase | undefined, odoo: OdooClient): unknown {
  if (!isOdooError(error) || error instanceof OdooAuthError || phase === undefined) return error;
  return new SeedStoppedError(
    `seeding stopped in phase "${phase}" (${odoo.transport}): ${error.message}\n` +
      "What was written is kept; run the same command again to resume from there.",
  );
}

function humanSummary(report: SeedReport, database: string): string {
  const rows = report.phases.map((phase) => [
    phase.phase,
    phase.status,
    phase.seconds.toFixed(1),
    String(phase.requests ?? "–"),
    Object.entries(phase.created)
      .map(([what, count]) => `${count.toLocaleString("en-US")} ${what}`)
      .join(", ") || "–",
  ]);
  const nothingToDo = report.phases.every((phase) => phase.status === "already done");
  const outcome = nothingToDo
    ? "already holds this plant: nothing to do"
    : `${report.resumed ? "resumed and " : ""}seeded`;
  return (
    `${renderTable(["phase", "status", "seconds", "requests", "created"], rows)}\n\n` +
    `${database} ${outcome}: ${report.products.toLocaleString("en-US")} products ` +
    `(${report.scale}, seed ${report.seed}, ${report.startDate} – ${report.endDate}${report.mrp ? "" : ", without mrp: no BoMs"}), ` +
    `${report.seconds.toFixed(1)} s, ${(report.requests ?? 0).toLocaleString("en-US")} requests.`
  );
}
