/**
 * `runSync`: one sync of a company, from Odoo to Odoo. The phases:
 * 1. settings, company scope and the run history (a live run blocks this one; a dead one is closed
 *    and, when recent, resumed from its baseline);
 * 2. extraction: everything (full), or what changed since the last done run (incremental);
 * 3. planning (company tiers, warehouse policies) and the writes it implies, diffed against Odoo;
 * 4. write-back in batches: events, product segmentation, suggestions (+ auto-apply), KPIs, then
 *    (company-wide full runs) the insights: supplier scorecards, recommendations, cash projection;
 * 5. the run record closed `done` with counts, cursor and curves (or `failed` with the reason).
 * With `dryRun` it stops after 3 and writes nothing.
 */
import type { AnalyticsConfigInput, PortfolioPlan, Tier } from "../../analytics/index.js";
import type { ProductBaseline, TierCode } from "../../manifest/contract.js";
import type { DemandReadMode } from "../extract/demand.js";
import {
  type ExtractContext,
  type ExtractPhase,
  extractSnapshot,
  type PhaseProgress,
  readExtractContext,
} from "../extract/extract.js";
import { utcDay } from "../extract/history-window.js";
import { readPendingSuggestions } from "../extract/pending-suggestions.js";
import type { MemoryOf } from "../extract/products.js";
import { IssueLog } from "../extract/record-issues.js";
import { type CompanyScope, companyContext, type WarehouseFacts } from "../extract/scope.js";
import { readSettings, type SegmentationSettings } from "../extract/settings.js";
import type { ProductData, Snapshot } from "../extract/snapshot.js";
import { type OrderpointFacts, readOrderpoints } from "../extract/stock.js";
import {
  type FeedbackOptions,
  prepareFeedback,
  type SyncFeedback,
} from "../feedback/sync-feedback.js";
import { type InsightsSummary, syncInsights } from "../insights/sync-insights.js";
import type { OdooClient, RequestStats } from "../odoo/index.js";
import type { SegmentationRow } from "../writeback/contract-vals.js";
import { segmentChangeEvents } from "../writeback/events.js";
import { costServiceCurves, type KpiItem, type KpiVals, tierKpis } from "../writeback/kpis.js";
import { productRows } from "../writeback/product-rows.js";
import { type Proposal, warehouseProposals } from "../writeback/proposals.js";
import {
  ageSeconds,
  closeRun,
  productBaseline,
  RESUME_WITHIN_SECONDS,
  RUN_LEASE_SECONDS,
  type RunHandle,
  type RunSummary,
  readBaseline,
  readRunHistory,
  startRun,
} from "../writeback/runs.js";
import {
  applyAutomatically,
  recordEvents,
  submitProposals,
  upsertKpis,
  writeSegmentation,
} from "../writeback/write.js";
import { updateSnapshot } from "./incremental.js";
import { planSnapshot, type SyncPlan } from "./planning.js";
import { loadState, saveState, stateFilePath } from "./state-file.js";
import type { SyncSummary } from "./summary.js";

export type SyncPhase =
  | ExtractPhase
  | "plan"
  | "events"
  | "segments"
  | "suggestions"
  | "kpis"
  | "insights";

export interface SyncOptions {
  readonly mode: "full" | "incremental";
  readonly dryRun?: boolean;
  /** Limit policies and suggestions to one warehouse (by its short code). */
  readonly warehouseCode?: string | undefined;
  /** The company to sync (default: the API user's current company). */
  readonly companyId?: number | undefined;
  /** The day planned for, `YYYY-MM-DD` (default: today, UTC). */
  readonly asOfDay?: string | undefined;
  /** Where the snapshot is kept between runs, or null to keep none (incremental runs read all). */
  readonly stateDir: string | null;
  /** Identifies the database for the state file. */
  readonly connection: { readonly url: string; readonly database: string };
  /** Local analytics knobs Odoo does not hold. */
  readonly analytics?: AnalyticsConfigInput;
  readonly demandMode?: DemandReadMode;
  readonly batchSize?: number;
  readonly clock?: () => number;
  readonly onProgress?: PhaseProgress<SyncPhase>;
  /** Aborting stops the run between two batches and closes it failed with the reason. */
  readonly signal?: AbortSignal;
  /** How far before the last run's cursor an incremental run reads (default 300 s). */
  readonly cursorOverlapSeconds?: number;
  /** Counts requests for the summary (pass the one wired into the client). */
  readonly stats?: RequestStats;
  /**
   * Company-wide runs: escalations by recorded events, achieved service in the KPIs and the
   * refinement advice (`connector/feedback`); `detect` also runs the event detectors.
   */
  readonly feedback?: FeedbackOptions;
}

/** Another connector process is running a sync of this company. */
export class RunInProgressError extends Error {
  override readonly name = "RunInProgressError";
}

/** A sync option that does not fit the database (unknown warehouse code…). */
export class SyncOptionError extends Error {
  override readonly name = "SyncOptionError";
}

/** The run failed in a phase; the run record says the same. */
export class SyncFailedError extends Error {
  override readonly name = "SyncFailedError";
  constructor(
    readonly phase: SyncPhase | "start" | "finish",
    readonly runName: string,
    cause: unknown,
  ) {
    super(
      `${runName} failed while writing ${phase}: ${(cause as Error)?.message ?? String(cause)}`,
      {
        cause,
      },
    );
  }
}

const stampOf = (ms: number) => new Date(ms).toISOString().slice(0, 19).replace("T", " ");

/** What the writes of a run are, before any is sent. */
interface PlannedWrites {
  readonly rows: SegmentationRow[];
  readonly unchangedRows: number;
  readonly events: ReturnType<typeof segmentChangeEvents>;
  readonly proposals: Proposal[];
  readonly unchangedProposals: number;
  /** Pending suggestions of auto-apply tiers left unapplied by an interrupted run. */
  readonly pendingToApply: number[];
  readonly kpis: KpiVals[];
}

export async function runSync(odoo: OdooClient, options: SyncOptions): Promise<SyncSummary> {
  const clock = options.clock ?? Date.now;
  const startedMs = clock();
  const runStamp = stampOf(startedMs);
  const asOfDay = options.asOfDay ?? utcDay(startedMs);
  const dryRun = options.dryRun ?? false;
  const log = new IssueLog();
  const progress = options.onProgress;

  const settings = await readSettings(
    odoo,
    options.companyId === undefined ? {} : companyContext(options.companyId),
    options.analytics,
  );
  const context = await readExtractContext(odoo, { settings, asOfDay, log });
  const { scope } = context;
  progress?.("scope", 1, 1);
  const warehouse = chooseWarehouse(context, options.warehouseCode);

  // Runs: a live one blocks us, a dead one is closed (and resumed when recent). A watch run is
  // neither: watch mode runs syncs itself, and closes the watch runs of dead processes.
  const history = await readRunHistory(odoo, scope);
  const now = clock();
  const syncs = history.running.filter((run) => run.mode !== "watch");
  const stale = syncs.filter((run) => ageSeconds(run.writeDate, now) >= RUN_LEASE_SECONDS);
  const live = syncs.filter((run) => !stale.includes(run));
  if (live.length > 0 && !dryRun) {
    const run = live[0] as RunSummary;
    throw new RunInProgressError(
      `${run.name} is running (last sign of life ${Math.round(ageSeconds(run.writeDate, now))} s ago, at ${run.writeDate} UTC); ` +
        `wait for it to end, or if its process is gone, retry after ${RUN_LEASE_SECONDS / 60} minutes without news from it`,
    );
  }
  const resumeFrom = warehouse === null ? resumable(history, stale, now) : null;
  const closedRuns: string[] = [];
  if (!dryRun) {
    for (const run of stale) {
      await closeRun(
        odoo,
        scope,
        run.id,
        `interrupted: no sign of life since ${run.writeDate} UTC (the connector process stopped); ` +
          `closed at ${stampOf(now)} UTC by the next sync${resumeFrom?.id === run.id ? ", which resumes it" : ""}`,
        stampOf(now),
      );
      closedRuns.push(run.name);
    }
  }
  const baseline = resumeFrom ? await readBaseline(odoo, scope, resumeFrom.id) : null;

  // Extraction.
  const extracted = await extract(odoo, context, settings, history, options, log);
  const snapshot = extracted.snapshot;
  const feedback =
    options.feedback && !warehouse
      ? await prepareFeedback(
          odoo,
          { context, snapshot, settings, runStamp, log },
          options.feedback,
        )
      : null;

  // Planning and the writes it implies.
  progress?.("plan", 0, 1);
  const memoryOf = memoryBefore(snapshot, baseline);
  const plan = planSnapshot(snapshot, {
    config: settings.config,
    memoryOf,
    holdDeescalation: extracted.mode === "incremental",
    itemOverrides: feedback?.itemOverrides,
    warehouseIds: warehouse ? [warehouse.id] : undefined,
    onProgress: (done, total) => progress?.("plan", done, total),
  });
  progress?.("plan", 1, 1);
  // An incremental run proposes rules for what it re-read and for the products whose tier
  // changed; the others' policies move only with the portfolio and wait for the next full run.
  const proposalProducts =
    extracted.affectedIds === null
      ? undefined
      : new Set([...extracted.affectedIds, ...tierChanges(plan, memoryOf)]);
  const pending = await readPendingSuggestions(odoo, scope, log, proposalProducts);
  const quantityDecimals = decimalsOf(snapshot);
  const planned = plannedWrites(plan, snapshot, settings, {
    proposalProducts,
    runStamp: baseline?.taken_at ?? runStamp,
    warehouse,
    pending,
    quantityDecimals,
    holdDeescalation: extracted.mode === "incremental",
    memoryOf,
  });
  const writes = feedback
    ? {
        ...planned,
        events: feedback.events(planned.events, plan, memoryOf),
        kpis: feedback.kpis(planned.kpis, plan),
      }
    : planned;

  const summaryBase = {
    mode: extracted.mode,
    ...(extracted.fullBecause !== undefined && { fullBecause: extracted.fullBecause }),
    dryRun,
    resumed: resumeFrom ? { id: resumeFrom.id, name: resumeFrom.name } : null,
    closedRuns,
    companyId: scope.companyId,
    warehouse: warehouse?.code ?? null,
    asOf: asOfDay,
    window: {
      from: snapshot.window.fromDay,
      through: snapshot.window.throughDay,
      period: snapshot.window.period,
    },
    demandReadMode: extracted.demandMode,
    products: snapshot.products.size,
    affected: extracted.affected,
    skipped: snapshot.skipped,
    issues: log.issues,
    tiers: tierCounts(plan.company.plan, plan.company.input.productIds, snapshot),
  };
  const counts = {
    products: warehouse ? 0 : writes.rows.length,
    productsUnchanged: writes.unchangedRows,
    lockedProducts: 0,
    events: warehouse ? 0 : writes.events.length,
    proposals: writes.proposals.length,
    proposalsUnchanged: writes.unchangedProposals,
    autoApplied: 0,
    kpiRows: writes.kpis.length,
  };
  if (dryRun) {
    return {
      ...summaryBase,
      run: null,
      writes: counts,
      requests: options.stats?.requests ?? 0,
      seconds: (clock() - startedMs) / 1000,
    };
  }

  // Write-back.
  const handle = await startRun(
    odoo,
    scope,
    {
      mode: extracted.mode,
      warehouseId: warehouse?.id ?? null,
      // Without a resumed run's baseline, memoryOf is what Odoo stores: the products' memory now.
      baseline:
        baseline ??
        (warehouse
          ? { taken_at: runStamp, products: {} }
          : productBaseline(
              [...snapshot.products.keys()].map((id) => ({ id, ...memoryOf(id) })),
              runStamp,
            )),
      now: runStamp,
      adopt: history.requested,
    },
    clock,
  );
  const result = await writeBack(odoo, handle, writes, plan, snapshot, settings, {
    scope,
    warehouse,
    // Scorecards, recommendations and the cash projection are judged over the whole history and
    // stored per run: the full runs refresh them; frequent incremental runs would only repeat them.
    insights: !warehouse && extracted.mode === "full",
    runStamp,
    options,
    clock,
    log,
    feedback,
  });
  if (!warehouse && options.stateDir !== null) {
    const path = stateFilePath(
      options.stateDir,
      options.connection.url,
      options.connection.database,
      scope.companyId,
    );
    // Auto-applied suggestions changed reordering rules (only they do): the saved snapshot holds
    // those rules as they are now.
    const autoApply = autoApplyTiers(settings);
    const applied = new Set(writes.pendingToApply);
    const touchedRules = [
      ...new Set([
        ...writes.proposals
          .filter((proposal) => autoApply.has(proposal.tier))
          .map((proposal) => proposal.productId),
        ...[...pending.values()]
          .filter((suggestion) => applied.has(suggestion.id))
          .map((suggestion) => suggestion.productId),
      ]),
    ];
    const rules = await readOrderpoints(odoo, scope, touchedRules, log);
    await saveState(
      path,
      handle.key,
      afterWrites(snapshot, writes.rows, result.locked, plan, touchedRules, rules),
    );
  }
  return {
    ...summaryBase,
    run: { id: handle.id, name: handle.name },
    writes: { ...counts, lockedProducts: result.locked.length, autoApplied: result.autoApplied },
    insights: result.insights,
    requests: options.stats?.requests ?? 0,
    seconds: (clock() - startedMs) / 1000,
  };
}

function chooseWarehouse(context: ExtractContext, code: string | undefined): WarehouseFacts | null {
  if (code === undefined) return null;
  const found = context.scope.warehouses.find((warehouse) => warehouse.code === code);
  if (!found) {
    const known = context.scope.warehouses.map((warehouse) => warehouse.code).join(", ");
    throw new SyncOptionError(
      `no warehouse with code "${code}" in company ${context.scope.companyId} (its warehouses: ${known || "none"})`,
    );
  }
  return found;
}

/** The newest run over all warehouses, when it was interrupted recently and nothing ran since. */
function resumable(
  history: Awaited<ReturnType<typeof readRunHistory>>,
  stale: readonly RunSummary[],
  now: number,
): RunSummary | null {
  const latest = history.latest;
  if (!latest || latest.dateStart === null) return null;
  const interrupted = latest.state === "failed" || stale.some((run) => run.id === latest.id);
  if (!interrupted || latest.mode === "watch") return null;
  if (history.lastDone && history.lastDone.id > latest.id) return null;
  if (ageSeconds(latest.dateStart, now) > RESUME_WITHIN_SECONDS) return null;
  return latest;
}

interface Extracted {
  readonly snapshot: Snapshot;
  readonly mode: "full" | "incremental";
  readonly fullBecause?: string;
  readonly demandMode: DemandReadMode;
  readonly affected: number | null;
  /** The products an incremental run re-read; null for a full run. */
  readonly affectedIds: ReadonlySet<number> | null;
}

async function extract(
  odoo: OdooClient,
  context: ExtractContext,
  settings: SegmentationSettings,
  history: Awaited<ReturnType<typeof readRunHistory>>,
  options: SyncOptions,
  log: IssueLog,
): Promise<Extracted> {
  const common = {
    log,
    ...(options.demandMode !== undefined && { demandMode: options.demandMode }),
    ...(options.onProgress && { onProgress: options.onProgress }),
  };
  let fullBecause: string | undefined;
  if (options.mode === "incremental") {
    const previous = await previousSnapshot(context, history, options);
    if (typeof previous === "string") fullBecause = previous;
    else {
      const updated = await updateSnapshot(odoo, context, previous, {
        ...common,
        overlapSeconds: options.cursorOverlapSeconds,
      });
      return {
        snapshot: updated.snapshot,
        mode: "incremental",
        demandMode: options.demandMode ?? "grouped",
        affected: updated.affected.size,
        affectedIds: updated.affected,
      };
    }
  }
  const full = await extractSnapshot(
    odoo,
    { ...common, settings, asOfDay: context.window.asOfDay },
    context,
  );
  return {
    snapshot: full.snapshot,
    mode: "full",
    ...(fullBecause !== undefined && { fullBecause }),
    demandMode: full.demandMode,
    affected: null,
    affectedIds: null,
  };
}

/** The snapshot an incremental run starts from, or why there is none. */
async function previousSnapshot(
  context: ExtractContext,
  history: Awaited<ReturnType<typeof readRunHistory>>,
  options: SyncOptions,
): Promise<Snapshot | string> {
  const lastDone = history.lastDone;
  if (!lastDone || lastDone.key === null) return "no earlier run over all warehouses is done";
  if (!lastDone.cursor) return `${lastDone.name} stored no cursor`;
  if (options.stateDir === null) return "no state directory to keep the last run's snapshot";
  const path = stateFilePath(
    options.stateDir,
    options.connection.url,
    options.connection.database,
    context.scope.companyId,
  );
  const previous = await loadState(path, lastDone.key);
  if (!previous)
    return `no local snapshot of ${lastDone.name} (it ran elsewhere, or the state file is gone)`;
  if (
    previous.window.period !== context.window.period ||
    previous.window.fromDay > context.window.fromDay
  ) {
    return "the analysis period or the history length changed in the settings";
  }
  return previous;
}

/** Each product's memory before the run: a resumed run's baseline, else what Odoo stores. */
function memoryBefore(snapshot: Snapshot, baseline: ProductBaseline | null): MemoryOf {
  if (baseline) {
    return (id) => {
      const entry = baseline.products[String(id)];
      return { tier: entry?.[0] ?? null, streak: entry?.[1] ?? 0, since: entry?.[2] || null };
    };
  }
  return (id) => {
    const stored = snapshot.products.get(id)?.facts.stored;
    return {
      tier: stored?.tier ?? null,
      streak: stored?.deescalationStreak ?? 0,
      since: stored?.since ?? null,
    };
  };
}

/** Decimals of Odoo's "Product Unit" precision (the units' rounding). */
function decimalsOf(snapshot: Snapshot): number {
  const rounding = snapshot.units.list()[0]?.rounding ?? 0.01;
  return Math.max(0, Math.round(-Math.log10(rounding)));
}

/** Products whose tier in the plan differs from the one they held before the run. */
function tierChanges(plan: SyncPlan, memoryOf: MemoryOf): number[] {
  const { input, plan: companyPlan } = plan.company;
  return input.productIds.filter((id, row) => companyPlan.items[row]?.tier !== memoryOf(id).tier);
}

function plannedWrites(
  plan: SyncPlan,
  snapshot: Snapshot,
  settings: SegmentationSettings,
  options: {
    runStamp: string;
    warehouse: WarehouseFacts | null;
    proposalProducts: ReadonlySet<number> | undefined;
    pending: Awaited<ReturnType<typeof readPendingSuggestions>>;
    quantityDecimals: number;
    holdDeescalation: boolean;
    memoryOf: MemoryOf;
  },
): PlannedWrites {
  const facts = new Map([...snapshot.products].map(([id, data]) => [id, data.facts]));
  const { input, plan: companyPlan } = plan.company;
  const rows = options.warehouse
    ? { rows: [], unchanged: 0 }
    : productRows(input, companyPlan, facts, {
        tiers: settings.tiers,
        runStamp: options.runStamp,
        quantityDecimals: options.quantityDecimals,
        holdDeescalation: options.holdDeescalation,
        memoryOf: options.memoryOf,
      });
  const events = options.warehouse
    ? []
    : segmentChangeEvents(input, companyPlan.items, facts, {
        tiers: settings.tiers,
        companyId: snapshot.companyId,
        runStamp: options.runStamp,
        memoryOf: options.memoryOf,
      });
  const proposals: Proposal[] = [];
  const pendingToApply: number[] = [];
  let unchangedProposals = 0;
  const kpis: KpiVals[] = [];
  const carrying = settings.config.defaults.holdingRate;
  const kpiItems = (scoped: { input: typeof input; plan: PortfolioPlan }, warehouseId?: number) =>
    scoped.plan.items.map((item, row): KpiItem => {
      const data = snapshot.products.get(scoped.input.productIds[row] as number) as ProductData;
      const onHand =
        warehouseId === undefined
          ? data.onHand.reduce((sum, [, quantity]) => sum + quantity, 0)
          : (data.onHand.find(([id]) => id === warehouseId)?.[1] ?? 0);
      return { plan: item, onHand };
    });
  if (!options.warehouse)
    kpis.push(...tierKpis(kpiItems(plan.company), settings.tiers, carrying, false));
  for (const [warehouseId, scoped] of plan.warehouses) {
    const made = warehouseProposals(
      scoped.warehouse,
      scoped.input,
      scoped.plan.items,
      snapshot.products,
      {
        tiers: settings.tiers,
        companyId: snapshot.companyId,
        period: snapshot.window.period,
        pending: options.pending,
        quantityDecimals: options.quantityDecimals,
        onlyProducts: options.proposalProducts,
      },
    );
    proposals.push(...made.proposals);
    pendingToApply.push(...made.pendingToApply);
    unchangedProposals += made.unchanged;
    if (options.warehouse || plan.warehouses.size > 1 || snapshot.warehouses.length > 1) {
      kpis.push(...tierKpis(kpiItems(scoped, warehouseId), settings.tiers, carrying, warehouseId));
    }
  }
  return {
    rows: rows.rows,
    unchangedRows: rows.unchanged,
    events,
    proposals,
    unchangedProposals,
    pendingToApply,
    kpis,
  };
}

async function writeBack(
  odoo: OdooClient,
  handle: RunHandle,
  writes: PlannedWrites,
  plan: SyncPlan,
  snapshot: Snapshot,
  settings: SegmentationSettings,
  context: {
    scope: CompanyScope;
    warehouse: WarehouseFacts | null;
    insights: boolean;
    runStamp: string;
    options: SyncOptions;
    clock: () => number;
    log: IssueLog;
    feedback: SyncFeedback | null;
  },
): Promise<{ locked: number[]; autoApplied: number; insights: InsightsSummary | null }> {
  const { options, clock, scope } = context;
  let phase: SyncPhase | "finish" = "events";
  const batch =
    (name: SyncPhase) =>
    async (done: number, total: number): Promise<void> => {
      options.onProgress?.(name, done, total);
      if (options.signal?.aborted) {
        throw new Error(
          `interrupted (${String(options.signal.reason ?? "aborted")}) after ${done} of ${total} ${name}`,
        );
      }
      await handle.beat();
    };
  const batchSize = options.batchSize;
  const sized = batchSize === undefined ? {} : { batchSize };
  try {
    await recordEvents(odoo, scope, writes.events, handle.id, {
      ...sized,
      onBatch: batch("events"),
    });
    phase = "segments";
    const written = await writeSegmentation(odoo, scope, writes.rows, {
      ...sized,
      onBatch: batch("segments"),
    });
    phase = "suggestions";
    const autoApplyTier = autoApplyTiers(settings);
    const submitted = await submitProposals(
      odoo,
      scope,
      writes.proposals,
      handle.id,
      (proposal) => autoApplyTier.has(proposal.tier),
      { ...sized, onBatch: batch("suggestions") },
    );
    const resumedApplies = await applyAutomatically(odoo, scope, writes.pendingToApply, sized);
    phase = "kpis";
    await upsertKpis(odoo, scope, handle.id, writes.kpis);
    await context.feedback?.record(handle.id);
    options.onProgress?.("kpis", 1, 1);
    phase = "insights";
    const insights = context.insights
      ? await syncInsights(odoo, {
          scope,
          snapshot,
          plan,
          settings,
          runId: handle.id,
          runStamp: context.runStamp,
          log: context.log,
          batchSize,
          onBatch: batch("insights"),
        })
      : null;
    phase = "finish";
    await handle.finish({
      now: stampOf(clock()),
      productCount: snapshot.products.size,
      skippedCount: snapshot.skipped.length,
      suggestionCount: submitted.pending + submitted.autoApplied + resumedApplies,
      eventCount: writes.events.length,
      cursor: snapshot.cursor,
      curves: costServiceCurves(
        plan.company.plan.costServiceCurves,
        settings.config.defaults.holdingRate,
      ),
    });
    return {
      locked: written.locked,
      autoApplied: submitted.autoApplied + resumedApplies,
      insights,
    };
  } catch (error) {
    const failure = new SyncFailedError(phase, handle.name, error);
    try {
      await handle.fail(failure.message, stampOf(clock()));
    } catch {
      // Odoo is unreachable: the next run finds this one silent and closes it.
    }
    throw failure;
  }
}

/** The tiers whose suggestions are applied without a planner. */
function autoApplyTiers(settings: SegmentationSettings): Set<TierCode> {
  return new Set(
    Object.values(settings.tiers)
      .filter((tier) => tier.autoApply)
      .map((tier) => tier.code),
  );
}

/** The snapshot as Odoo holds it after the writes, for the next incremental run. */
function afterWrites(
  snapshot: Snapshot,
  rows: readonly SegmentationRow[],
  locked: readonly number[],
  plan: SyncPlan,
  reread: readonly number[],
  rules: ReadonlyMap<number, OrderpointFacts[]>,
): Snapshot {
  const products = new Map(snapshot.products);
  for (const id of reread) {
    const data = products.get(id);
    if (data) products.set(id, { ...data, orderpoints: rules.get(id) ?? [] });
  }
  const lockedIds = new Set(locked);
  const tierOf = new Map<number, Tier>(
    plan.company.input.productIds.map((id, row) => [
      id,
      plan.company.plan.items[row]?.tier ?? "standard",
    ]),
  );
  for (const row of rows) {
    const data = products.get(row.id);
    if (!data) continue;
    const { id: _id, ...values } = row;
    const keep = lockedIds.has(row.id);
    const stored = data.facts.stored;
    const written = keep
      ? Object.fromEntries(
          Object.entries(values).filter(
            ([field]) =>
              !["segment_id", "segment_date", "segment_deescalation_streak"].includes(field),
          ),
        )
      : values;
    products.set(row.id, {
      ...data,
      facts: {
        ...data.facts,
        stored: {
          ...stored,
          tier: keep ? stored.tier : (tierOf.get(row.id) ?? stored.tier),
          deescalationStreak: keep
            ? stored.deescalationStreak
            : Number(values.segment_deescalation_streak ?? stored.deescalationStreak),
          since: keep ? stored.since : String(values.segment_date ?? stored.since),
          values: { ...stored.values, ...written },
        },
      },
    });
  }
  return { ...snapshot, products };
}

function tierCounts(plan: PortfolioPlan, productIds: readonly number[], snapshot: Snapshot) {
  const counts = new Map<TierCode, { products: number; inventoryValue: number }>();
  plan.items.forEach((item, row) => {
    const entry = counts.get(item.tier) ?? { products: 0, inventoryValue: 0 };
    const data = snapshot.products.get(productIds[row] as number);
    const onHand = data
      ? data.onHand.reduce((sum, [, quantity]) => sum + Math.max(0, quantity), 0)
      : 0;
    entry.products += 1;
    entry.inventoryValue += onHand * item.unitCost;
    counts.set(item.tier, entry);
  });
  return plan.tiers.map((tier) => ({
    tier: tier.tier,
    products: counts.get(tier.tier)?.products ?? 0,
    inventoryValue: Math.round((counts.get(tier.tier)?.inventoryValue ?? 0) * 100) / 100,
  }));
}
