/**
 * `runWatch`: watch mode, the connector as a long-running process (DESIGN.md "Watch mode").
 *
 * Start: read the settings and the company, claim the company's watch run (closing a dead one and
 * taking over its cursor), load the last run's snapshot (brought up to date) or read everything.
 *
 * Then, every `poll_interval_seconds` (Odoo setting, or `intervalSeconds`):
 * - **poll** (`poll.ts`): one request (the addon's `watch_poll`: indexed reads of the watched
 *   models, the requested runs, the server's time, and the heartbeat at most every minute) — the
 *   whole cost of an idle interval;
 * - a run **requested** from Odoo is run (an incremental sync that takes the request over);
 * - **changes** go through a cycle (`cycle.ts`); the cursor is stored on the watch run only after
 *   the cycle's write-back, so a crash replays the cycle, and the idempotent writes make the replay
 *   harmless;
 * - once a day at `full_refresh_time` (UTC), a **full refresh**: a full sync that re-reads
 *   everything and runs the scheduled hysteresis step, then the snapshot is reloaded from it.
 *
 * Failures (Odoo restarting, network gone, timeouts, 5xx) are logged and retried with backoff and
 * jitter, from the stored cursor; a refused API key or missing rights stop the process (a human
 * must act). The abort `signal` (SIGTERM/SIGINT) ends the loop after the work in progress; the run
 * is closed `done` with its cursor and the snapshot saved for the next incremental sync.
 */
import type { AnalyticsConfigInput } from "../../analytics/index.js";
import type { SyncCursor } from "../../manifest/contract.js";
import { weekOfDay } from "../events/event-vals.js";
import { readRecordedEvents } from "../events/recorded-events.js";
import { readCursor } from "../extract/cursor.js";
import { type ExtractContext, extractSnapshot, readExtractContext } from "../extract/extract.js";
import { utcDay } from "../extract/history-window.js";
import { readReceipts } from "../extract/receipts.js";
import { IssueLog } from "../extract/record-issues.js";
import { companyContext } from "../extract/scope.js";
import { readSettings, type SegmentationSettings, SettingsError } from "../extract/settings.js";
import type { Snapshot } from "../extract/snapshot.js";
import type { VendorLine } from "../extract/vendors.js";
import {
  isOdooError,
  OdooAccessError,
  OdooAuthError,
  type OdooClient,
  type RequestStats,
} from "../odoo/index.js";
import { updateSnapshot } from "../sync/incremental.js";
import { loadState, saveState, stateFilePath } from "../sync/state-file.js";
import { runSync } from "../sync/sync.js";
import { HEARTBEAT_SECONDS, readRunHistory } from "../writeback/runs.js";
import { Backoff } from "./backoff.js";
import { type CycleReport, readingToday, runCycle, type WatchState } from "./cycle.js";
import { errorText, type WatchLog } from "./log.js";
import { isIdle, markSeen, type PollResult, poll } from "./poll.js";
import { nextRefreshAt, RefreshTimeError } from "./schedule.js";
import {
  advance,
  SeenChanges,
  shiftSeconds,
  WATCH_OVERLAP_SECONDS,
  WATCHED_MODELS,
  type WatchedModel,
} from "./watch-cursor.js";
import { type Claim, type WatchIdentity, WatchInProgressError, WatchRun } from "./watch-run.js";
import { readWatchSettings } from "./watch-settings.js";

export interface WatchOptions {
  /** Seconds between polls; default the Odoo setting `poll_interval_seconds` (30). */
  readonly intervalSeconds?: number | undefined;
  readonly companyId?: number | undefined;
  /** Where snapshots are kept between runs (as for `invseg sync`), or null. */
  readonly stateDir: string | null;
  readonly connection: { readonly url: string; readonly database: string };
  readonly analytics?: AnalyticsConfigInput | undefined;
  /** Stops the loop after the work in progress. */
  readonly signal: AbortSignal;
  readonly log: WatchLog;
  readonly identity: WatchIdentity;
  /** Days an escalating event keeps its items escalated (default 90). */
  readonly eventActiveDays?: number;
  /** How far before the cursor each poll reads (default 300 s). */
  readonly overlapSeconds?: number;
  /** Run the scheduled full refresh (default true). */
  readonly fullRefresh?: boolean;
  readonly now?: () => number;
  readonly backoff?: Backoff;
  readonly stats?: RequestStats;
}

/** What a watch session did, for the last log line. */
export interface WatchSummary {
  readonly run: string | null;
  readonly polls: number;
  readonly cycles: number;
  readonly events: number;
  readonly suggestions: number;
  readonly refreshes: number;
  readonly requestedRuns: number;
  readonly failures: number;
}

/** A failure a retry cannot fix: credentials, rights, settings, another watch process. */
function isFatal(error: unknown): boolean {
  return (
    error instanceof OdooAuthError ||
    error instanceof OdooAccessError ||
    error instanceof SettingsError ||
    error instanceof RefreshTimeError ||
    error instanceof WatchInProgressError
  );
}

const stampOf = (ms: number) => new Date(ms).toISOString().slice(0, 19).replace("T", " ");

export async function runWatch(odoo: OdooClient, options: WatchOptions): Promise<WatchSummary> {
  const now = options.now ?? Date.now;
  const { log, signal } = options;
  const backoff = options.backoff ?? new Backoff();
  const overlap = options.overlapSeconds ?? WATCH_OVERLAP_SECONDS;
  const activeDays = options.eventActiveDays ?? 90;
  const totals = { polls: 0, cycles: 0, events: 0, suggestions: 0, refreshes: 0, requestedRuns: 0 };
  let failures = 0;

  /** Runs `work` until it succeeds, backing off between failures; null when stopped first. */
  const retrying = async <T>(what: string, work: () => Promise<T>): Promise<T | null> => {
    for (;;) {
      if (signal.aborted) return null;
      try {
        const result = await work();
        backoff.reset();
        return result;
      } catch (error) {
        if (isFatal(error)) throw error;
        failures++;
        const waitMs = backoff.next();
        log.write("warn", "retry", {
          during: what,
          error: errorText(error),
          failures: backoff.failures,
          retryInMs: waitMs,
        });
        await pause(waitMs, signal);
      }
    }
  };

  const started = await retrying("start", () => start(odoo, options, now, log));
  if (!started) return { run: null, ...totals, failures };
  let { state } = started;
  const { run, claim } = started;
  let cursor = started.cursor;
  const seen = new SeenChanges();
  // Where each model is read from (see watch-cursor.ts). After a watch run, from its cursor less
  // the overlap (that stretch is replayed); after a sync run, strictly after its cursor: the sync
  // read those changes, and the detectors must not take its history for news.
  const floors: Partial<Record<WatchedModel, string>> = {};
  let continueAfter: PollResult["continueAfter"] = {};
  for (const model of WATCHED_MODELS) {
    const entry = cursor[model];
    if (!entry) continue;
    if (claim.resumedFrom?.fromWatch && started.resumed.has(model))
      floors[model] = shiftSeconds(entry.write_date, -overlap);
    else {
      // The sync read up to its cursor: the stretch before it is not replayed (only the cursor's
      // own second may be read again, which is harmless).
      floors[model] = entry.write_date;
      continueAfter = { ...continueAfter, [model]: entry };
    }
  }
  let counts = { events: 0, suggestions: 0 };
  // A cycle the previous process was cut off in is replayed from the memory it planned from.
  let interrupted = claim.interrupted;
  let settings = await readWatchSettings(odoo, state.context.scope);
  const intervalMs = () => (options.intervalSeconds ?? settings.pollIntervalSeconds) * 1000;
  let nextRefresh = nextRefreshAt(now(), settings.fullRefreshTime);
  let lastBeat = now();
  log.write("info", "started", {
    run: run.name,
    resumedFrom: claim.resumedFrom?.run ?? null,
    closed: claim.closed,
    products: state.snapshot.products.size,
    intervalSeconds: intervalMs() / 1000,
    nextFullRefresh: new Date(nextRefresh).toISOString(),
  });

  let stopReason = "stopped";
  while (!signal.aborted) {
    try {
      if (options.fullRefresh !== false && now() >= nextRefresh) {
        state = await refresh(odoo, state, options, "full", log, run);
        settings = await readWatchSettings(odoo, state.context.scope);
        nextRefresh = nextRefreshAt(now(), settings.fullRefreshTime);
        totals.refreshes++;
      }
      const issues = new IssueLog();
      const beat = now() - lastBeat >= HEARTBEAT_SECONDS * 1000;
      const polled = await poll(odoo, state.context.scope, cursor, seen, run.id, {
        floors,
        continueAfter,
        beat,
        log: issues,
      });
      if (beat) lastBeat = now();
      totals.polls++;
      if (polled.ownRun?.state !== "running") {
        stopReason = `${run.name} was closed in Odoo (state ${polled.ownRun?.state ?? "deleted"})`;
        log.write("warn", "run-closed", { run: run.name, state: polled.ownRun?.state ?? null });
        break;
      }
      if (polled.requested.length > 0) {
        state = await refresh(odoo, state, options, "incremental", log, run);
        totals.requestedRuns++;
      }
      if (!isIdle(polled)) {
        const day = utcDay(now());
        const report = await runCycle(odoo, state, polled, {
          runId: run.id,
          runStamp: stampOf(now()),
          week: weekOfDay(day),
          escalation: {
            asOfDay: day,
            activeDays,
            minReceipts: state.settings.config.leadTime.minReceipts,
          },
          log: issues,
          interrupted,
          keepBaseline: (baseline) => run.keepBaseline(baseline),
        });
        interrupted = null;
        state = report.state;
        counts = {
          events: counts.events + report.report.events,
          suggestions: counts.suggestions + report.report.suggestions,
        };
        totals.cycles++;
        totals.events += report.report.events;
        totals.suggestions += report.report.suggestions;
        logCycle(log, polled, report.report);
      }
      // The commit point: what this poll returned is processed (or was already).
      markSeen(seen, polled);
      // Everything committed before this poll is processed: a model read to its end moves on to
      // the server's time of the poll, even when nothing changed.
      let next = polled.cursor;
      const serverTime = polled.serverTime;
      for (const model of WATCHED_MODELS) {
        if (polled.continueAfter[model]) continue;
        next = advance(next, model, { write_date: serverTime, id: 0 });
        const floor = shiftSeconds(serverTime, -overlap);
        if ((floors[model] ?? "") < floor) floors[model] = floor;
      }
      // A record moved the cursor: store it now (an idle poll's heartbeat rode with the poll; the
      // server's time alone is not worth a write: a restart reads the idle stretch and finds nothing).
      const moved = JSON.stringify(polled.cursor) !== JSON.stringify(cursor);
      cursor = next;
      seen.prune(floors);
      if (moved || !isIdle(polled)) {
        await run.beat(cursor, counts);
        lastBeat = now();
      }
      for (const issue of issues.issues) log.write("warn", "record-left-out", { ...issue });
      backoff.reset();
      continueAfter = polled.continueAfter;
      if (Object.keys(continueAfter).length === 0) await pause(intervalMs(), signal);
    } catch (error) {
      if (isFatal(error)) {
        stopReason = errorText(error);
        await closeQuietly(run, now(), cursor, stopReason, log);
        throw error;
      }
      if (signal.aborted) break;
      failures++;
      const waitMs = backoff.next();
      log.write("warn", "retry", {
        during: "poll",
        error: errorText(error),
        failures: backoff.failures,
        retryInMs: waitMs,
        odoo: isOdooError(error) ? error.code : undefined,
      });
      await pause(waitMs, signal);
    }
  }

  // Clean shutdown: keep the snapshot for the next incremental sync, close the run with its cursor.
  const path = statePath(options, state.context.scope.companyId);
  if (path !== null) {
    await saveState(path, run.key, state.snapshot).catch((error: unknown) =>
      log.write("warn", "state-not-saved", { error: errorText(error) }),
    );
  }
  await closeQuietly(run, now(), cursor, stopReason === "stopped" ? undefined : stopReason, log);
  const summary = { run: run.name, ...totals, failures };
  log.write("info", "stopped", {
    ...summary,
    reason: signal.aborted ? String(signal.reason ?? "signal") : stopReason,
  });
  return summary;
}

interface Started {
  readonly state: WatchState;
  readonly run: WatchRun;
  readonly claim: Claim;
  readonly cursor: SyncCursor;
  /** The models whose cursor entry was stored (the others start from their newest change now). */
  readonly resumed: ReadonlySet<WatchedModel>;
}

async function start(
  odoo: OdooClient,
  options: WatchOptions,
  now: () => number,
  log: WatchLog,
): Promise<Started> {
  const issues = new IssueLog();
  const settings = await readSettings(
    odoo,
    options.companyId === undefined ? {} : companyContext(options.companyId),
    options.analytics,
  );
  const context = await readExtractContext(odoo, { settings, asOfDay: utcDay(now()), log: issues });
  const claim = await WatchRun.claim(odoo, context.scope, {
    identity: options.identity,
    leaseSeconds: 3 * Math.max(options.intervalSeconds ?? 30, HEARTBEAT_SECONDS),
    now,
  });
  // A model the stored cursor lacks starts from its newest change now.
  const stored = claim.resumedFrom?.cursor ?? {};
  const missing = WATCHED_MODELS.filter((model) => !stored[model]);
  const cursor =
    missing.length > 0
      ? { ...stored, ...(await readCursor(odoo, context.scope, missing)) }
      : stored;
  const state = await planningState(odoo, context, settings, options, issues);
  for (const issue of issues.issues) log.write("warn", "record-left-out", { ...issue });
  return {
    state,
    run: claim.run,
    claim,
    cursor,
    resumed: new Set(WATCHED_MODELS.filter((model) => !missing.includes(model))),
  };
}

/**
 * What the watch plans from: the last done run's snapshot brought up to date, or everything read
 * again, with the receipts since the end of the history window (this week's), which the lead-time
 * monitor judges; and the escalating events Odoo holds. The vendor lines as that run knew them are
 * kept apart: an edited promise is judged against them.
 */
async function planningState(
  odoo: OdooClient,
  context: ExtractContext,
  settings: SegmentationSettings,
  options: WatchOptions,
  log: IssueLog,
): Promise<WatchState> {
  const previous = await lastRunSnapshot(odoo, context, options);
  const { snapshot } = previous
    ? await updateSnapshot(odoo, context, previous, { log })
    : await extractSnapshot(odoo, { settings, asOfDay: context.window.asOfDay, log }, context);
  return {
    context,
    settings,
    snapshot: await withRecentReceipts(odoo, context, snapshot, options, log),
    recorded: await readRecordedEvents(odoo, context.scope, context.window.fromDatetime, log),
    knownLines: linesById(previous ?? snapshot),
  };
}

/** The snapshot the last done run saved here, when it covers this context's window. */
async function lastRunSnapshot(
  odoo: OdooClient,
  context: ExtractContext,
  options: WatchOptions,
): Promise<Snapshot | null> {
  const path = statePath(options, context.scope.companyId);
  if (path === null) return null;
  const key = (await readRunHistory(odoo, context.scope)).lastDone?.key;
  if (!key) return null;
  const previous = await loadState(path, key);
  return previous &&
    previous.window.period === context.window.period &&
    previous.window.fromDay <= context.window.fromDay
    ? previous
    : null;
}

async function withRecentReceipts(
  odoo: OdooClient,
  context: ExtractContext,
  snapshot: Snapshot,
  options: WatchOptions,
  log: IssueLog,
): Promise<Snapshot> {
  const today = readingToday(context, utcDay((options.now ?? Date.now)())).window;
  if (today.untilDatetime <= context.window.untilDatetime) return snapshot;
  const recent = await readReceipts(
    odoo,
    context.scope,
    { ...today, fromDatetime: context.window.untilDatetime },
    [...snapshot.products.keys()],
    log,
  );
  if (recent.size === 0) return snapshot;
  const products = new Map(snapshot.products);
  for (const [id, receipts] of recent) {
    const data = products.get(id);
    if (data) products.set(id, { ...data, receipts: [...data.receipts, ...receipts] });
  }
  return { ...snapshot, products };
}

/** The company's state file, or null when snapshots are not kept. */
function statePath(options: WatchOptions, companyId: number): string | null {
  const { stateDir, connection } = options;
  return stateDir === null
    ? null
    : stateFilePath(stateDir, connection.url, connection.database, companyId);
}

function linesById(snapshot: Snapshot): Map<number, VendorLine> {
  return new Map([...snapshot.vendorLines.values()].flat().map((line) => [line.id, line]));
}

/**
 * A sync inside the watch: the scheduled full refresh, or an incremental run that takes over a
 * run requested from Odoo. Afterwards the watch plans from the snapshot that run saved.
 */
async function refresh(
  odoo: OdooClient,
  state: WatchState,
  options: WatchOptions,
  mode: "full" | "incremental",
  log: WatchLog,
  run: WatchRun,
): Promise<WatchState> {
  log.write("info", "sync-started", { mode });
  const beat = setInterval(() => void run.beat().catch(() => undefined), HEARTBEAT_SECONDS * 1000);
  try {
    const summary = await runSync(odoo, {
      mode,
      companyId: state.context.scope.companyId,
      stateDir: options.stateDir,
      connection: options.connection,
      ...(options.analytics !== undefined && { analytics: options.analytics }),
      signal: options.signal,
      ...(options.stats && { stats: options.stats }),
      // A scheduled or requested run looks at everything: the detectors too.
      feedback: { detect: true, eventActiveDays: options.eventActiveDays ?? 90 },
    });
    log.write("info", "sync-done", {
      mode: summary.mode,
      run: summary.run?.name ?? null,
      products: summary.products,
      segments: summary.writes.products,
      events: summary.writes.events,
      suggestions: summary.writes.proposals,
      seconds: Math.round(summary.seconds * 10) / 10,
    });
    const issues = new IssueLog();
    const settings = await readSettings(odoo, state.context.scope.context, options.analytics);
    const context = await readExtractContext(odoo, {
      settings,
      asOfDay: summary.asOf,
      log: issues,
    });
    const fresh = await planningState(odoo, context, settings, options, issues);
    // The watch's own knowledge of promises carries on: this run took the same edits as news.
    return { ...fresh, knownLines: state.knownLines };
  } finally {
    clearInterval(beat);
  }
}

function logCycle(log: WatchLog, polled: PollResult, report: CycleReport): void {
  log.write("info", "cycle", {
    moves: polled.moves.length,
    quants: polled.quants.length,
    vendorLines: polled.vendorLines.length,
    changed: report.changed,
    dependents: report.dependents,
    segmentsWritten: report.written,
    escalated: report.escalated,
    events: report.events,
    findings: report.findings,
    suggestions: report.suggestions,
    autoApplied: report.autoApplied,
  });
}

async function closeQuietly(
  run: WatchRun,
  at: number,
  cursor: SyncCursor,
  error: string | undefined,
  log: WatchLog,
): Promise<void> {
  try {
    await run.close(at, cursor, error);
  } catch (closeError) {
    // Odoo is gone: the next watch process finds the run silent, closes it and resumes its cursor.
    log.write("warn", "run-not-closed", { run: run.name, error: errorText(closeError) });
  }
}

/** Waits `ms`, or less when `signal` aborts. */
function pause(ms: number, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    }
    signal.addEventListener("abort", done, { once: true });
  });
}
