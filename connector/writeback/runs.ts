/**
 * The run record (`inventory.segment.run`) through a run's life: found or created at the start
 * under an idempotency key (`connector_run_key`), kept alive by a heartbeat while the run works,
 * and closed `done` with its counts, cursor and curves, or `failed` with the reason. A run left
 * `running` by a process that died stops beating; the next run sees it, closes it as failed and
 * (within a day) resumes it from its baseline, the products' memory before it wrote anything.
 */
import { randomUUID } from "node:crypto";
import { z } from "zod";
import {
  type CostServiceCurves,
  type contract,
  jsonFormatSchemas,
  type ProductBaseline,
  type SyncCursor,
  type TierCode,
} from "../../manifest/contract.js";
import packageJson from "../../package.json" with { type: "json" };
import {
  datetime,
  datetimeMs,
  many2one,
  optionalDatetime,
  optionalText,
  recordId,
} from "../extract/odoo-values.js";
import type { CompanyScope } from "../extract/scope.js";
import { isOdooError, type OdooClient, type OdooContext } from "../odoo/index.js";
import type { ContractVals } from "./contract-vals.js";

const RUN = "inventory.segment.run" satisfies keyof typeof contract.models;

/** What the connector stamps on its runs. */
export const CONNECTOR_VERSION = `invseg ${packageJson.version}`;

/** A running run whose record has not changed for this long is taken as dead. */
export const RUN_LEASE_SECONDS = 300;
/** How often a working run touches its record (well inside the lease). */
export const HEARTBEAT_SECONDS = 60;
/** An interrupted run older than this is closed, not resumed: its partial writes stand. */
export const RESUME_WITHIN_SECONDS = 24 * 3600;

export type RunMode = "full" | "incremental" | "watch" | "requested";

export interface RunSummary {
  readonly id: number;
  readonly name: string;
  readonly key: string | null;
  readonly state: "requested" | "running" | "done" | "failed";
  readonly mode: RunMode;
  readonly warehouseId: number | null;
  readonly dateStart: string | null;
  /** The record's last change: the heartbeat of a running run. */
  readonly writeDate: string;
}

const runSchema = z.object({
  id: recordId,
  name: z.string(),
  connector_run_key: optionalText,
  state: z.enum(["requested", "running", "done", "failed"]),
  mode: z.enum(["full", "incremental", "watch", "requested"]),
  warehouse_id: many2one,
  date_start: optionalDatetime,
  write_date: datetime,
});
const RUN_FIELDS = [
  "name",
  "connector_run_key",
  "state",
  "mode",
  "warehouse_id",
  "date_start",
  "write_date",
] as const;

function toSummary(record: z.output<typeof runSchema>): RunSummary {
  return {
    id: record.id,
    name: record.name,
    key: record.connector_run_key,
    state: record.state,
    mode: record.mode,
    warehouseId: record.warehouse_id,
    dateStart: record.date_start,
    writeDate: record.write_date,
  };
}

async function searchRuns(
  odoo: OdooClient,
  context: OdooContext,
  domain: Parameters<OdooClient["searchRead"]>[1],
  limit: number,
  order = "id desc",
): Promise<RunSummary[]> {
  const records = await odoo.searchRead(RUN, domain, {
    fields: [...RUN_FIELDS],
    order,
    limit,
    context,
  });
  return records.map((record) => toSummary(runSchema.parse(record)));
}

/** What the run records say before a run starts. */
export interface RunHistory {
  /** The last done run over all warehouses, with its cursor: the base of an incremental run. */
  readonly lastDone: (RunSummary & { readonly cursor: SyncCursor | null }) | null;
  /** Runs in state running (a live one blocks a new run; a silent one is closed). */
  readonly running: readonly RunSummary[];
  /** The oldest run requested from Odoo and not yet picked up. */
  readonly requested: RunSummary | null;
  /** The newest run over all warehouses, whatever its state. */
  readonly latest: RunSummary | null;
}

export async function readRunHistory(odoo: OdooClient, scope: CompanyScope): Promise<RunHistory> {
  const { context } = scope;
  const [doneRecords, running, requested, latest] = await Promise.all([
    odoo.searchRead(
      RUN,
      [
        ["state", "=", "done"],
        ["warehouse_id", "=", false],
      ],
      { fields: [...RUN_FIELDS, "sync_cursor"], order: "id desc", limit: 1, context },
    ),
    searchRuns(odoo, context, [["state", "=", "running"]], 20),
    searchRuns(odoo, context, [["state", "=", "requested"]], 1, "id asc"),
    searchRuns(odoo, context, [["warehouse_id", "=", false]], 1),
  ]);
  const [done] = doneRecords;
  let lastDone: RunHistory["lastDone"] = null;
  if (done) {
    const cursor = jsonFormatSchemas.sync_cursor.safeParse(done.sync_cursor);
    lastDone = { ...toSummary(runSchema.parse(done)), cursor: cursor.success ? cursor.data : null };
  }
  return { lastDone, running, requested: requested[0] ?? null, latest: latest[0] ?? null };
}

/** Seconds since an Odoo UTC datetime, by the local clock. */
export function ageSeconds(stamp: string, now: number): number {
  return (now - datetimeMs(stamp)) / 1000;
}

/** Reads a run's baseline (kept out of the history reads: it is large). */
export async function readBaseline(
  odoo: OdooClient,
  scope: CompanyScope,
  runId: number,
): Promise<ProductBaseline | null> {
  const [record] = await odoo.read(RUN, [runId], {
    fields: ["product_baseline"],
    context: scope.context,
  });
  const parsed = jsonFormatSchemas.product_baseline.safeParse(record?.product_baseline);
  return parsed.success ? parsed.data : null;
}

/** Closes a run as failed. */
export async function closeRun(
  odoo: OdooClient,
  scope: CompanyScope,
  runId: number,
  error: string,
  now: string,
): Promise<void> {
  const vals: ContractVals<"inventory.segment.run"> = { state: "failed", error, date_end: now };
  await odoo.write(RUN, [runId], vals, { context: scope.context });
}

export interface StartRunOptions {
  readonly mode: Exclude<RunMode, "requested">;
  readonly warehouseId: number | null;
  readonly baseline: ProductBaseline;
  readonly now: string;
  /** A run requested from Odoo to take over instead of creating one. */
  readonly adopt?: RunSummary | null;
}

/** A run in progress: its record, its heartbeat, and how it ends. */
export class RunHandle {
  #lastBeat: number;

  constructor(
    private readonly odoo: OdooClient,
    private readonly scope: CompanyScope,
    readonly id: number,
    readonly name: string,
    readonly key: string,
    private readonly clock: () => number,
  ) {
    this.#lastBeat = clock();
  }

  /** Touches the record when the last touch is older than the heartbeat interval. */
  async beat(): Promise<void> {
    const now = this.clock();
    if (now - this.#lastBeat < HEARTBEAT_SECONDS * 1000) return;
    this.#lastBeat = now;
    const vals: ContractVals<"inventory.segment.run"> = { state: "running" };
    await this.odoo.write(RUN, [this.id], vals, { context: this.scope.context });
  }

  async finish(result: {
    now: string;
    productCount: number;
    skippedCount: number;
    suggestionCount: number;
    eventCount: number;
    cursor: SyncCursor;
    curves: CostServiceCurves;
  }): Promise<void> {
    const vals: ContractVals<"inventory.segment.run"> = {
      state: "done",
      date_end: result.now,
      product_count: result.productCount,
      skipped_count: result.skippedCount,
      suggestion_count: result.suggestionCount,
      event_count: result.eventCount,
      sync_cursor: result.cursor,
      cost_service_curves: result.curves,
      error: false,
    };
    await this.odoo.write(RUN, [this.id], vals, { context: this.scope.context });
  }

  async fail(error: string, now: string): Promise<void> {
    await closeRun(this.odoo, this.scope, this.id, error, now);
  }
}

/**
 * Creates the run record (or takes over a requested one). The create is keyed: if the answer is
 * lost after Odoo committed it, the retry hits the unique key and the record is found by it.
 */
export async function startRun(
  odoo: OdooClient,
  scope: CompanyScope,
  options: StartRunOptions,
  clock: () => number,
): Promise<RunHandle> {
  const key = randomUUID();
  const vals: ContractVals<"inventory.segment.run"> = {
    state: "running",
    date_start: options.now,
    connector_run_key: key,
    connector_version: CONNECTOR_VERSION,
    warehouse_id: options.warehouseId ?? false,
    company_id: scope.companyId,
    product_baseline: options.baseline,
  };
  if (options.adopt) {
    await odoo.write(RUN, [options.adopt.id], vals, { context: scope.context });
    return new RunHandle(odoo, scope, options.adopt.id, options.adopt.name, key, clock);
  }
  try {
    await odoo.create(RUN, [{ ...vals, mode: options.mode }], {
      context: scope.context,
      idempotent: true,
    });
  } catch (error) {
    // A retried create whose first attempt committed: the key is taken, by our own record.
    if (!isOdooError(error) || error.code !== "validation") throw error;
  }
  const [created] = await searchRuns(odoo, scope.context, [["connector_run_key", "=", key]], 1);
  if (!created) throw new Error(`the run record with key ${key} was not found after its creation`);
  return new RunHandle(odoo, scope, created.id, created.name, key, clock);
}

/** The baseline of a run: each segmented product's tier, streak and since-date. */
export function productBaseline(
  memory: Iterable<{ id: number; tier: TierCode | null; streak: number; since: string | null }>,
  takenAt: string,
): ProductBaseline {
  const products: ProductBaseline["products"] = {};
  for (const product of memory) {
    if (product.tier !== null)
      products[String(product.id)] = [product.tier, product.streak, product.since ?? ""];
  }
  return { taken_at: takenAt, products };
}
