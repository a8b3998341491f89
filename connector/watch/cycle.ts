/**
 * One watch cycle: what a poll found changed is read again, judged by the detectors, planned and
 * written back, and only then is the cursor moved past it.
 *
 * 1. Affected products: those of the changed moves and quants, the variants of templates whose
 *    vendor lines changed, products new to the snapshot; their facts are read again.
 * 2. Their dependents through BoMs: a component's tier depends on the ABC class and number of its
 *    parents, so the components of an affected parent are replanned (and written) too.
 * 3. Detectors: the lead-time series of every vendor that delivered, late receipts among the new
 *    receipts, edited promised delays, stockouts (no stock, demand waiting), new items.
 * 4. Escalation: findings and the events Odoo already holds become item overrides (event points,
 *    the new lead-time regime of a shifted vendor's parts); the whole portfolio is planned (ABC
 *    cut-offs are portfolio-wide) with de-escalation held (only scheduled runs lower tiers).
 * 5. Write-back, restricted to the affected, dependent and escalated products: events first, then
 *    segments, then suggestions (applied at once in auto-apply tiers). Every write is idempotent,
 *    so a cycle cut off anywhere is simply done again from the unmoved cursor.
 */
import { TIERS, type Tier } from "../../analytics/index.js";
import type { ProductBaseline } from "../../manifest/contract.js";
import { type DetectionScope, detect, type Findings } from "../events/detect.js";
import { asRecorded, escalate } from "../events/escalate.js";
import { type EscalationOptions, shiftDay } from "../events/escalations.js";
import { type EventContext, findingEvents, tierChanges } from "../events/event-vals.js";
import { stockoutCandidates } from "../events/open-demand.js";
import type { RecordedEvent } from "../events/recorded-events.js";
import { readVendorNames } from "../events/vendor-names.js";
import type { ExtractContext } from "../extract/extract.js";
import { extractProductData } from "../extract/extract.js";
import { readPendingSuggestions } from "../extract/pending-suggestions.js";
import { type MemoryOf, type ProductFacts, readProducts } from "../extract/products.js";
import type { IssueLog } from "../extract/record-issues.js";
import type { SegmentationSettings } from "../extract/settings.js";
import type { Snapshot } from "../extract/snapshot.js";
import { readOrderpoints } from "../extract/stock.js";
import { readVendorLines, type VendorLine } from "../extract/vendors.js";
import type { OdooClient } from "../odoo/index.js";
import { planSnapshot } from "../sync/planning.js";
import { type EventVals, segmentChangeEvents } from "../writeback/events.js";
import { productRows } from "../writeback/product-rows.js";
import { type Proposal, warehouseProposals } from "../writeback/proposals.js";
import { productBaseline } from "../writeback/runs.js";
import {
  applyAutomatically,
  recordEvents,
  submitProposals,
  writeSegmentation,
} from "../writeback/write.js";
import type { PollResult } from "./poll.js";

/** What watch mode knows between cycles. */
export interface WatchState {
  readonly context: ExtractContext;
  readonly settings: SegmentationSettings;
  readonly snapshot: Snapshot;
  /** Escalating events Odoo holds (read at each refresh, extended by each cycle's own). */
  readonly recorded: readonly RecordedEvent[];
  /**
   * The vendor lines as watch mode last knew them, by id: an edited promise is judged against
   * them (the snapshot may already hold the edit when it was read after it, at start).
   */
  readonly knownLines: ReadonlyMap<number, VendorLine>;
}

export interface CycleOptions {
  readonly runId: number;
  /** The cycle's stamp, `YYYY-MM-DD HH:MM:SS` UTC (events' date) and its ISO week. */
  readonly runStamp: string;
  readonly week: string;
  readonly escalation: EscalationOptions;
  readonly log: IssueLog;
  readonly batchSize?: number;
  /**
   * The memory an interrupted cycle planned from (its run's baseline): the replay plans its
   * products from it, stamped as it was, so it writes what the cycle would have written.
   */
  readonly interrupted?: ProductBaseline | null;
  /** Stores the memory of the products about to be written, before any write. */
  readonly keepBaseline: (baseline: ProductBaseline) => Promise<void>;
}

/** What a cycle did, for the log. */
export interface CycleReport {
  readonly changed: number;
  readonly dependents: number;
  readonly written: number;
  readonly events: number;
  readonly findings: Readonly<Record<string, number>>;
  readonly escalated: number;
  readonly suggestions: number;
  readonly autoApplied: number;
}

export async function runCycle(
  odoo: OdooClient,
  state: WatchState,
  changes: PollResult,
  options: CycleOptions,
): Promise<{ state: WatchState; report: CycleReport }> {
  const { context, settings } = state;
  const { scope } = context;
  const { log } = options;
  const runStamp = options.interrupted?.taken_at ?? options.runStamp;
  let snapshot = state.snapshot;

  // 1. Affected products, read again.
  const changedIds = new Set<number>([
    ...changes.moves.map((move) => move.productId),
    ...changes.quants.map((quant) => quant.productId),
  ]);
  const templates = new Set(changes.vendorLines.map((line) => line.templateId));
  const linesBefore = state.knownLines;
  const known = new Set([...snapshot.products.keys(), ...snapshot.skipped.map((p) => p.id)]);
  const unknownIds = [...changedIds].filter((id) => !known.has(id));
  const newFacts =
    unknownIds.length > 0 || templates.size > 0
      ? await readProducts(
          odoo,
          scope.context,
          templates.size > 0
            ? ["|", ["id", "in", unknownIds], ["product_tmpl_id", "in", [...templates]]]
            : [["id", "in", unknownIds]],
          log,
          { withHistory: false },
        )
      : { products: [], skipped: [] };
  const facts = new Map<number, ProductFacts>();
  for (const product of newFacts.products) {
    facts.set(product.id, snapshot.products.get(product.id)?.facts ?? product);
    changedIds.add(product.id);
  }
  for (const id of changedIds) {
    const existing = snapshot.products.get(id)?.facts;
    if (existing && !facts.has(id)) facts.set(id, existing);
  }
  const toRead = [...facts.values()];
  const read =
    toRead.length > 0
      ? await extractProductData(odoo, readingToday(context, options.escalation.asOfDay), toRead, {
          log,
        })
      : null;
  const products = new Map(snapshot.products);
  const vendorLines = new Map(snapshot.vendorLines);
  if (read) {
    for (const [id, data] of read.products) products.set(id, data);
    for (const templateId of new Set(toRead.map((product) => product.templateId))) {
      const lines = read.vendorLines.get(templateId);
      if (lines) vendorLines.set(templateId, lines);
      else vendorLines.delete(templateId);
    }
  }
  // Templates edited without a planned variant among the facts: their lines still matter.
  const unreadTemplates = [...templates].filter(
    (templateId) => !toRead.some((product) => product.templateId === templateId),
  );
  if (unreadTemplates.length > 0) {
    for (const [templateId, lines] of await readVendorLines(odoo, scope, unreadTemplates, log))
      vendorLines.set(templateId, lines);
  }
  snapshot = { ...snapshot, products, vendorLines };
  const affected = new Set([...changedIds].filter((id) => products.has(id)));

  // 2. Dependents through BoMs.
  const dependents = bomDependents(snapshot, affected);

  // 3. Detectors.
  const doneMoves = new Set(changes.moves.filter((move) => move.done).map((move) => move.id));
  const deliveringVendors = new Set<number>();
  for (const id of affected) {
    for (const receipt of products.get(id)?.receipts ?? [])
      if (doneMoves.has(receipt.moveId)) deliveringVendors.add(receipt.vendorId);
  }
  const scopeOf: DetectionScope = {
    vendorIds: deliveringVendors,
    receiptMoveIds: doneMoves,
    vendorLineChanges: [...templates].flatMap((templateId) =>
      (vendorLines.get(templateId) ?? []).map((after) => ({
        before: linesBefore.get(after.id) ?? null,
        after,
      })),
    ),
    demandProductIds: new Set(),
    stockPositions: await stockoutCandidates(
      odoo,
      scope,
      snapshot,
      [...affected].flatMap((id) => products.get(id) ?? []),
      log,
    ),
    newItemProductIds: affected,
  };
  const findings = detect(snapshot, scopeOf, {
    lateReceiptsSince: shiftDay(options.escalation.asOfDay, -options.escalation.activeDays),
  });
  const vendorNames = await readVendorNames(odoo, scope, findingVendors(findings));
  const eventContext: Omit<EventContext, "tierChange"> = {
    snapshot,
    tiers: settings.tiers,
    vendorNames,
    runStamp,
    week: options.week,
  };
  const { overrides } = escalate(
    snapshot,
    state.recorded,
    findings,
    eventContext,
    options.escalation,
  );

  // 4. Plan the portfolio with the escalations; de-escalation waits for the scheduled runs.
  const planned = snapshot;
  const interrupted = options.interrupted?.products ?? {};
  const memoryOf: MemoryOf = (id) => {
    const kept = interrupted[String(id)];
    if (kept) return { tier: kept[0], streak: kept[1], since: kept[2] || null };
    const stored = planned.products.get(id)?.facts.stored;
    return {
      tier: stored?.tier ?? null,
      streak: stored?.deescalationStreak ?? 0,
      since: stored?.since ?? null,
    };
  };
  const plan = planSnapshot(snapshot, {
    config: settings.config,
    memoryOf,
    holdDeescalation: true,
    itemOverrides: overrides,
  });
  const tierChange = tierChanges(plan, memoryOf);
  const scopeIds = new Set<number>([...affected, ...dependents]);
  for (const [id, override] of overrides) {
    const change = tierChange(id);
    if (override.activeEvent !== undefined || override.leadTimeDays !== undefined)
      if (change && change.after !== change.before) scopeIds.add(id);
  }
  for (const id of findingProducts(findings)) scopeIds.add(id);

  // 5. Write-back of the products in scope.
  const scopedFacts = new Map(
    [...scopeIds].flatMap((id) => {
      const data = snapshot.products.get(id);
      return data ? [[id, data.facts] as const] : [];
    }),
  );
  const { input } = plan.company;
  const quantityDecimals = Math.max(
    0,
    Math.round(-Math.log10(snapshot.units.list()[0]?.rounding ?? 0.01)),
  );
  const rows = productRows(input, plan.company.plan, scopedFacts, {
    tiers: settings.tiers,
    runStamp,
    quantityDecimals,
    holdDeescalation: true,
    memoryOf,
  }).rows;
  const events: EventVals[] = [
    ...findingEvents(findings, { ...eventContext, tierChange }),
    ...segmentChangeEvents(input, plan.company.plan.items, scopedFacts, {
      tiers: settings.tiers,
      companyId: snapshot.companyId,
      runStamp,
      memoryOf,
    }),
  ];
  const scopedProducts = new Map(
    [...scopeIds].flatMap((id) => {
      const data = snapshot.products.get(id);
      return data ? [[id, data] as const] : [];
    }),
  );
  // Only the products in scope get proposals: their pending suggestions are all that matter.
  const pending = await readPendingSuggestions(odoo, scope, log, new Set(scopedProducts.keys()));
  const proposals: Proposal[] = [];
  const pendingToApply: number[] = [];
  for (const scoped of plan.warehouses.values()) {
    const made = warehouseProposals(
      scoped.warehouse,
      scoped.input,
      scoped.plan.items,
      scopedProducts,
      {
        tiers: settings.tiers,
        companyId: snapshot.companyId,
        period: snapshot.window.period,
        pending,
        quantityDecimals,
      },
    );
    proposals.push(...made.proposals);
    pendingToApply.push(...made.pendingToApply);
  }
  const sized = options.batchSize === undefined ? {} : { batchSize: options.batchSize };
  await options.keepBaseline(
    productBaseline(
      [...scopeIds].map((id) => ({ id, ...memoryOf(id) })),
      runStamp,
    ),
  );
  await recordEvents(odoo, scope, events, options.runId, sized);
  await writeSegmentation(odoo, scope, rows, sized);
  const autoApplyTiers = new Set(TIERS.filter((tier) => settings.tiers[tier].autoApply));
  const submitted = await submitProposals(
    odoo,
    scope,
    proposals,
    options.runId,
    (proposal) => autoApplyTiers.has(proposal.tier),
    sized,
  );
  const resumed = await applyAutomatically(odoo, scope, pendingToApply, sized);

  const escalated = [...scopeIds].filter((id) => {
    const change = tierChange(id);
    return change?.before != null && rankOf(change.after) < rankOf(change.before);
  }).length;

  // What Odoo holds now for the products written: the next cycle plans from it.
  const written = [
    ...new Set([...rows.map((row) => row.id), ...proposals.map((p) => p.productId)]),
  ];
  snapshot = await refreshWritten(odoo, snapshot, context, written, log);
  const knownLines = new Map(state.knownLines);
  for (const templateId of templates)
    for (const line of vendorLines.get(templateId) ?? []) knownLines.set(line.id, line);
  const recorded = [
    ...state.recorded,
    ...events.flatMap((vals, index) =>
      // Kept until the next refresh reads them back with their ids.
      asRecorded(vals, -1 - index),
    ),
  ];
  return {
    state: { ...state, snapshot, recorded, knownLines },
    report: {
      changed: affected.size,
      dependents: dependents.size,
      written: rows.length,
      events: events.length,
      findings: {
        vendorShifts: findings.vendorShifts.length,
        lateReceipts: findings.lateReceipts.length,
        promisedDelays: findings.promisedDelays.length,
        stockouts: findings.stockouts.length,
        newItems: findings.newItems.length,
      },
      escalated,
      suggestions: submitted.pending,
      autoApplied: submitted.autoApplied + resumed,
    },
  };
}

/**
 * The context with a window that reads up to the end of `today`: a receipt of this morning is the
 * news (the demand grid still stops at the last complete period).
 */
export function readingToday(context: ExtractContext, today: string): ExtractContext {
  const until = `${shiftDay(today, 1)} 00:00:00`;
  return until <= context.window.untilDatetime
    ? context
    : { ...context, window: { ...context.window, untilDatetime: until } };
}

/** Components of the affected parents: their tier depends on their parents' class and count. */
function bomDependents(snapshot: Snapshot, affected: ReadonlySet<number>): Set<number> {
  const parentTemplates = new Set<number>();
  for (const id of affected) {
    const data = snapshot.products.get(id);
    if (data) parentTemplates.add(data.facts.templateId);
  }
  const dependents = new Set<number>();
  for (const [component, parent] of snapshot.bom.uses) {
    if (parentTemplates.has(parent) && !affected.has(component) && snapshot.products.has(component))
      dependents.add(component);
  }
  return dependents;
}

function findingVendors(findings: Findings): number[] {
  return [
    ...findings.vendorShifts.map((finding) => finding.vendorId),
    ...findings.lateReceipts.map((finding) => finding.receipt.vendorId),
    ...findings.promisedDelays.map((finding) => finding.line.vendorId),
  ];
}

function findingProducts(findings: Findings): number[] {
  return [
    ...findings.vendorShifts.flatMap((finding) => finding.components),
    ...findings.lateReceipts.map((finding) => finding.receipt.productId),
    ...findings.promisedDelays.flatMap((finding) => finding.productIds),
    ...findings.stockouts.map((finding) => finding.productId),
    ...findings.newItems.map((finding) => finding.productId),
  ];
}

/** The products' stored segmentation and rules as Odoo holds them after the writes. */
async function refreshWritten(
  odoo: OdooClient,
  snapshot: Snapshot,
  context: ExtractContext,
  productIds: readonly number[],
  log: IssueLog,
): Promise<Snapshot> {
  if (productIds.length === 0) return snapshot;
  const [reread, rules] = await Promise.all([
    readProducts(odoo, context.scope.context, [["id", "in", [...productIds]]], log),
    readOrderpoints(odoo, context.scope, productIds, log),
  ]);
  const products = new Map(snapshot.products);
  for (const facts of reread.products) {
    const data = products.get(facts.id);
    if (!data) continue;
    const values = { ...data.facts.stored.values, ...facts.stored.values };
    products.set(facts.id, {
      ...data,
      facts: { ...facts, stored: { ...facts.stored, values } },
      orderpoints: rules.get(facts.id) ?? [],
    });
  }
  return { ...snapshot, products };
}

function rankOf(tier: Tier): number {
  return TIERS.indexOf(tier);
}
