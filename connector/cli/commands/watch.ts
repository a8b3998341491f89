import { hostname } from "node:os";
import type { Command } from "commander";
import { SettingsError } from "../../extract/settings.js";
import { ConnectionConfigError, OdooError } from "../../odoo/index.js";
import { openOdoo } from "../../sources/odoo/index.js";
import { defaultStateDir } from "../../sync/state-file.js";
import { jsonLines } from "../../watch/log.js";
import { RefreshTimeError } from "../../watch/schedule.js";
import { runWatch } from "../../watch/watch.js";
import { processIdentity, WatchInProgressError } from "../../watch/watch-run.js";
import { loadConfigFile } from "../config-file.js";
import { registerUserError, runAction, UsageError } from "../errors.js";
import { analyticsConfigOption, integer, odooConfigOption } from "../options.js";

interface WatchCommandOptions {
  readonly interval?: number;
  readonly company?: number;
  readonly config?: string;
  readonly analyticsConfig?: string;
  readonly stateDir?: string;
  readonly eventDays?: number;
  readonly fullRefresh: boolean;
}

for (const type of [
  ConnectionConfigError,
  OdooError,
  SettingsError,
  WatchInProgressError,
  RefreshTimeError,
]) {
  registerUserError(type);
}

/** A second signal while the first one's work finishes: leave at once (the cycle is replayed). */
const EXIT_INTERRUPTED = 130;

/** `invseg watch`: poll Odoo, react to events within a poll interval, refresh nightly. */
export function registerWatch(program: Command): void {
  program
    .command("watch")
    .description(
      "keep segments and suggestions current: poll Odoo for changes, detect events (late receipts, lead-time and demand shifts, stockouts…), escalate at once, refresh everything nightly",
    )
    .option(
      "--interval <seconds>",
      "seconds between polls (default: Odoo's setting, 30)",
      integer("--interval"),
    )
    .option(
      "--company <id>",
      "the company to watch (default: the API user's current one)",
      integer("--company"),
    )
    .addOption(odooConfigOption())
    .addOption(analyticsConfigOption())
    .option(
      "--state-dir <dir>",
      "where run snapshots are kept (default: $INVSEG_STATE_DIR or ~/.local/state/invseg)",
    )
    .option(
      "--event-days <days>",
      "days a detected event keeps its items escalated (default 90)",
      integer("--event-days"),
    )
    .option("--no-full-refresh", "skip the nightly full refresh (run invseg sync yourself)")
    .action((options: WatchCommandOptions) => runAction(() => watch(options)));
}

async function watch(options: WatchCommandOptions): Promise<void> {
  if (options.interval !== undefined && options.interval < 5)
    throw new UsageError(`--interval needs at least 5 seconds, got ${options.interval}`);
  if (options.eventDays !== undefined && options.eventDays < 1)
    throw new UsageError(`--event-days needs at least 1 day, got ${options.eventDays}`);
  const analytics = options.analyticsConfig
    ? (await loadConfigFile(options.analyticsConfig)).config
    : undefined;
  const { config, odoo, stats } = await openOdoo(process.env, options.config);
  const log = jsonLines(process.stdout);
  const controller = new AbortController();
  const stop = (signal: NodeJS.Signals) => {
    if (controller.signal.aborted) {
      log.write("warn", "interrupted", {
        signal,
        note: "left mid-cycle; the next start replays it",
      });
      process.exit(EXIT_INTERRUPTED);
    }
    log.write("info", "stopping", { signal, note: "finishing the work in progress" });
    controller.abort(signal);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  try {
    await runWatch(odoo, {
      intervalSeconds: options.interval,
      companyId: options.company,
      stateDir: options.stateDir ?? defaultStateDir(process.env),
      connection: { url: config.url, database: config.database },
      analytics,
      signal: controller.signal,
      log,
      identity: processIdentity(hostname()),
      ...(options.eventDays !== undefined && { eventActiveDays: options.eventDays }),
      fullRefresh: options.fullRefresh,
      stats,
    });
  } finally {
    process.off("SIGINT", stop);
    process.off("SIGTERM", stop);
    odoo.close();
  }
}
