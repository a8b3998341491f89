/**
 * The write-back calls, each through the addon's idempotent methods and in batches, so that a run
 * cut off between two batches leaves whole batches behind and a re-run sends the rest without
 * duplicating anything:
 * - products: `product.product.write_segmentation` (setting values twice is harmless; locked
 *   products keep their tier; the addon syncs the tier tags of the templates);
 * - events: `inventory.segment.event.record_events` (known `dedup_key`s are skipped);
 * - suggestions: `inventory.segment.suggestion.submit_pending` (an identical pending one is kept,
 *   a different one superseded), then `action_auto_apply` for auto-apply tiers (accepting an
 *   accepted suggestion is a no-op);
 * - KPIs: one row per run, tier and warehouse (found by that key before it is created).
 * Each method is safe to repeat, so each call may be retried after a lost answer.
 */
import { z } from "zod";
import { contract, type MethodKey } from "../../manifest/contract.js";
import type { CompanyScope } from "../extract/scope.js";
import type { OdooClient, OdooValue } from "../odoo/index.js";
import type { ContractVals, SegmentationRow } from "./contract-vals.js";
import type { EventVals } from "./events.js";
import type { KpiVals } from "./kpis.js";
import type { Proposal } from "./proposals.js";

/** Called after each batch with items written so far and in all. */
export type BatchProgress = (done: number, total: number) => void | Promise<void>;

export interface BatchOptions {
  readonly batchSize?: number;
  readonly onBatch?: BatchProgress;
}

/** Calls a contract method (retried on a lost answer: every contract method is idempotent). */
export async function callMethod(
  odoo: OdooClient,
  scope: CompanyScope,
  key: MethodKey,
  kwargs: Record<string, OdooValue>,
  ids?: readonly number[],
): Promise<OdooValue> {
  const method = contract.methods[key];
  return odoo.call(method.model, method.name, {
    ...(ids !== undefined && { ids }),
    kwargs,
    context: scope.context,
    idempotent: true,
  });
}

/** Runs `work` on consecutive batches of `items`, reporting after each. */
export async function inBatches<T>(
  items: readonly T[],
  size: number,
  options: BatchOptions,
  work: (batch: readonly T[]) => Promise<void>,
): Promise<void> {
  for (let start = 0; start < items.length; start += size) {
    await work(items.slice(start, start + size));
    await options.onBatch?.(Math.min(start + size, items.length), items.length);
  }
}

const segmentationResult = z.object({
  updated: z.array(z.number().int()),
  locked: z.array(z.number().int()),
});

/** Writes product rows; returns the ids whose tier was kept because they are locked. */
export async function writeSegmentation(
  odoo: OdooClient,
  scope: CompanyScope,
  rows: readonly SegmentationRow[],
  options: BatchOptions = {},
): Promise<{ updated: number; locked: number[] }> {
  let updated = 0;
  const locked: number[] = [];
  await inBatches(rows, options.batchSize ?? 200, options, async (batch) => {
    const result = segmentationResult.parse(
      await callMethod(odoo, scope, "product.product.write_segmentation", {
        rows: batch as unknown as OdooValue,
      }),
    );
    updated += result.updated.length;
    locked.push(...result.locked);
  });
  return { updated, locked };
}

/** Records events (known dedup keys are skipped); returns how many ids came back. */
export async function recordEvents(
  odoo: OdooClient,
  scope: CompanyScope,
  events: readonly EventVals[],
  runId: number,
  options: BatchOptions = {},
): Promise<number> {
  let recorded = 0;
  await inBatches(events, options.batchSize ?? 500, options, async (batch) => {
    const ids = z.array(z.number().int()).parse(
      await callMethod(odoo, scope, "inventory.segment.event.record_events", {
        vals_list: batch.map((event) => ({ ...event, run_id: runId })) as OdooValue,
      }),
    );
    recorded += ids.length;
  });
  return recorded;
}

export interface SubmitResult {
  /** Pending suggestions after the call (new or kept). */
  readonly pending: number;
  /** Proposals Odoo found moot (equal to the rule or to the last rejected one). */
  readonly skipped: number;
  /** Suggestions accepted automatically (their tier is flagged auto-apply). */
  readonly autoApplied: number;
}

/** Submits proposals, then auto-applies those of auto-apply tiers. */
export async function submitProposals(
  odoo: OdooClient,
  scope: CompanyScope,
  proposals: readonly Proposal[],
  runId: number,
  autoApply: (proposal: Proposal) => boolean,
  options: BatchOptions = {},
): Promise<SubmitResult> {
  let pending = 0;
  let skipped = 0;
  let autoApplied = 0;
  await inBatches(proposals, options.batchSize ?? 200, options, async (batch) => {
    const ids = z
      .array(z.union([z.number().int(), z.literal(false)]))
      .length(batch.length)
      .parse(
        await callMethod(odoo, scope, "inventory.segment.suggestion.submit_pending", {
          vals_list: batch.map((proposal) => ({ ...proposal.vals, run_id: runId })) as OdooValue,
        }),
      );
    const toApply: number[] = [];
    ids.forEach((id, index) => {
      if (id === false) skipped++;
      else {
        pending++;
        if (autoApply(batch[index] as Proposal)) toApply.push(id);
      }
    });
    const applied = await applyAutomatically(odoo, scope, toApply);
    autoApplied += applied;
    pending -= applied;
  });
  return { pending, skipped, autoApplied };
}

/**
 * Accepts the given suggestions where their tier is flagged auto-apply (the addon re-checks the
 * tier and the lock); returns how many were applied. Applying an applied one is a no-op.
 */
export async function applyAutomatically(
  odoo: OdooClient,
  scope: CompanyScope,
  ids: readonly number[],
  options: BatchOptions = {},
): Promise<number> {
  let applied = 0;
  await inBatches(ids, options.batchSize ?? 200, options, async (batch) => {
    const result = z
      .array(z.number().int())
      .parse(
        await callMethod(odoo, scope, "inventory.segment.suggestion.action_auto_apply", {}, batch),
      );
    applied += result.length;
  });
  return applied;
}

const KPI = "inventory.segment.run.kpi" satisfies keyof typeof contract.models;
const kpiKeySchema = z.object({
  id: z.number().int(),
  segment_id: z.tuple([z.number().int(), z.string()]),
  warehouse_id: z.union([z.literal(false), z.tuple([z.number().int(), z.string()])]),
});

/** Writes the run's KPI rows: updates those already there (a resumed write), creates the others. */
export async function upsertKpis(
  odoo: OdooClient,
  scope: CompanyScope,
  runId: number,
  rows: readonly KpiVals[],
): Promise<void> {
  const existing = new Map<string, number>();
  for (const record of await odoo.searchRead(KPI, [["run_id", "=", runId]], {
    fields: ["segment_id", "warehouse_id"],
    context: scope.context,
  })) {
    const parsed = kpiKeySchema.parse(record);
    existing.set(
      `${parsed.segment_id[0]}:${parsed.warehouse_id === false ? 0 : parsed.warehouse_id[0]}`,
      parsed.id,
    );
  }
  const toCreate: ContractVals<"inventory.segment.run.kpi">[] = [];
  for (const row of rows) {
    const id = existing.get(
      `${String(row.segment_id)}:${row.warehouse_id === false ? 0 : String(row.warehouse_id)}`,
    );
    if (id === undefined) toCreate.push({ ...row, run_id: runId });
    else await odoo.write(KPI, [id], row, { context: scope.context });
  }
  // The unique (run, tier, warehouse) index makes a retried create fail instead of duplicating.
  if (toCreate.length > 0)
    await odoo.create(KPI, toCreate, { context: scope.context, idempotent: true });
}
