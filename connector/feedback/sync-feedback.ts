/**
 * The part of a sync that watch mode and the feedback loop add (company-wide runs; see
 * `runSync`'s `feedback` option):
 * - before planning, the escalations the recorded events imply (and, when `detect` is set — watch
 *   mode's scheduled refresh — the detectors run over everything and their findings escalate in
 *   the same plan);
 * - after planning, the findings as events, the obsolete items' events with their evidence, and
 *   the achieved service added to the run's KPI rows;
 * - after the KPIs are written, the refinement advice, recorded with the run.
 */
import { detectObsoleteItem, refinementAdvice } from "../../analytics/index.js";
import type { TierCode } from "../../manifest/contract.js";
import { type DetectionScope, detect, type Findings } from "../events/detect.js";
import { escalate } from "../events/escalate.js";
import { type ItemOverride, shiftDay } from "../events/escalations.js";
import { findingEvents, tierChanges, weekOfDay } from "../events/event-vals.js";
import { readOpenDemand, stockoutCandidates } from "../events/open-demand.js";
import { readRecordedEvents } from "../events/recorded-events.js";
import { readVendorNames } from "../events/vendor-names.js";
import type { ExtractContext } from "../extract/extract.js";
import type { MemoryOf } from "../extract/products.js";
import type { IssueLog } from "../extract/record-issues.js";
import type { SegmentationSettings } from "../extract/settings.js";
import type { Snapshot } from "../extract/snapshot.js";
import type { OdooClient } from "../odoo/index.js";
import type { SyncPlan } from "../sync/planning.js";
import type { EventVals } from "../writeback/events.js";
import type { KpiVals } from "../writeback/kpis.js";
import { type AdviceVals, adviceVals, recordAdvice } from "./advice.js";
import { achievedKpis } from "./service-kpis.js";
import { readStockFlows } from "./stock-flows.js";

export interface FeedbackOptions {
  /** Run the detectors over everything (watch mode's scheduled refresh). Default false. */
  readonly detect?: boolean;
  /** Days an escalating event keeps its items escalated. Default 90. */
  readonly eventActiveDays?: number;
  /** Length of one KPI window in days (two are measured). Default 91 (a quarter). */
  readonly kpiWindowDays?: number;
}

export interface SyncFeedback {
  readonly itemOverrides: ReadonlyMap<number, ItemOverride>;
  /** The run's events with the findings' first, obsolete items' with their evidence. */
  events(planned: readonly EventVals[], plan: SyncPlan, memoryOf: MemoryOf): EventVals[];
  /** The run's KPI rows with the achieved service added. */
  kpis(rows: readonly KpiVals[], plan: SyncPlan): KpiVals[];
  /** Records the advice of the KPIs' windows with the run (after `kpis`). */
  record(runId: number): Promise<number>;
}

export interface FeedbackContext {
  readonly context: ExtractContext;
  readonly snapshot: Snapshot;
  readonly settings: SegmentationSettings;
  /** The run's stamp, `YYYY-MM-DD HH:MM:SS` UTC. */
  readonly runStamp: string;
  readonly log: IssueLog;
}

export async function prepareFeedback(
  odoo: OdooClient,
  { context, snapshot, settings, runStamp, log }: FeedbackContext,
  options: FeedbackOptions = {},
): Promise<SyncFeedback> {
  const { scope, window } = context;
  const asOfDay = window.asOfDay;
  const activeDays = options.eventActiveDays ?? 90;
  const windowDays = options.kpiWindowDays ?? 91;
  const products = [...snapshot.products.values()].map((data) => data.facts);
  const [recorded, flows, overdue] = await Promise.all([
    readRecordedEvents(odoo, scope, window.fromDatetime, log),
    readStockFlows(
      odoo,
      scope,
      snapshot.units,
      products,
      `${shiftDay(asOfDay, -2 * windowDays)} 00:00:00`,
      log,
    ),
    readOpenDemand(odoo, scope, snapshot.units, products, log, `${asOfDay} 00:00:00`),
  ]);
  const findings = options.detect
    ? await detectAll(odoo, context, snapshot, { asOfDay, activeDays }, log)
    : null;
  const vendorNames = findings
    ? await readVendorNames(odoo, scope, [
        ...findings.vendorShifts.map((finding) => finding.vendorId),
        ...findings.lateReceipts.map((finding) => finding.receipt.vendorId),
      ])
    : new Map<number, string>();
  const week = weekOfDay(runStamp.slice(0, 10));
  const eventContext = { snapshot, tiers: settings.tiers, vendorNames, runStamp, week };
  const { overrides } = escalate(snapshot, recorded, findings ?? noFindings(), eventContext, {
    asOfDay,
    activeDays,
    minReceipts: settings.config.leadTime.minReceipts,
  });
  let advice: AdviceVals[] = [];
  return {
    itemOverrides: overrides,
    events(planned, plan, memoryOf) {
      const rowOf = new Map(plan.company.input.productIds.map((id, row) => [id, row]));
      const detected = findings
        ? findingEvents(findings, { ...eventContext, tierChange: tierChanges(plan, memoryOf) })
        : [];
      return [
        ...detected,
        ...planned.map((vals) => withObsoleteEvidence(vals, rowOf, snapshot, plan, settings)),
      ];
    },
    kpis(rows, plan) {
      const achieved = achievedKpis(snapshot, plan, flows, overdue, {
        asOfDay,
        windowDays,
        carryingRate: settings.config.defaults.holdingRate,
        tiers: settings.tiers,
      });
      advice = adviceVals(
        refinementAdvice(achieved.tiers, achieved.classes, { xyzCutoffX: settings.config.xyz.x }),
        {
          tiers: settings.tiers,
          companyId: snapshot.companyId,
          date: runStamp,
          windowEnd: asOfDay,
        },
      );
      const codeOf = new Map(
        (Object.values(settings.tiers) as { code: TierCode; id: number }[]).map((tier) => [
          tier.id,
          tier.code,
        ]),
      );
      return rows.map((row) => {
        const tier = codeOf.get(row.segment_id as number);
        const warehouse = row.warehouse_id === false ? 0 : Number(row.warehouse_id);
        const extra = tier === undefined ? undefined : achieved.rows.get(warehouse)?.get(tier);
        return extra ? { ...row, ...extra } : row;
      });
    },
    record: (runId) => recordAdvice(odoo, scope, advice, runId),
  };
}

/** Everything judged at once: the scheduled refresh of watch mode. */
async function detectAll(
  odoo: OdooClient,
  context: ExtractContext,
  snapshot: Snapshot,
  options: { asOfDay: string; activeDays: number },
  log: IssueLog,
): Promise<Findings> {
  const scope: DetectionScope = {
    vendorIds: "all",
    receiptMoveIds: "all",
    vendorLineChanges: [],
    demandProductIds: "all",
    stockPositions: await stockoutCandidates(
      odoo,
      context.scope,
      snapshot,
      snapshot.products.values(),
      log,
    ),
    // The first run of a company segments everything: that is not news.
    newItemProductIds: [...snapshot.products.values()].some(
      (data) => data.facts.stored.tier !== null,
    )
      ? "all"
      : new Set(),
  };
  return detect(snapshot, scope, {
    lateReceiptsSince: shiftDay(options.asOfDay, -options.activeDays),
  });
}

function noFindings(): Findings {
  return {
    vendorShifts: [],
    lateReceipts: [],
    promisedDelays: [],
    demandShifts: [],
    stockouts: [],
    newItems: [],
    vendors: new Map(),
  };
}

/** An item gone obsolete: the run's event carries how long it has been quiet and the stock at stake. */
function withObsoleteEvidence(
  vals: EventVals,
  rowOf: ReadonlyMap<number, number>,
  snapshot: Snapshot,
  plan: SyncPlan,
  settings: SegmentationSettings,
): EventVals {
  if (vals.kind !== "obsolete_item" || typeof vals.product_id !== "number") return vals;
  const { input } = plan.company;
  const row = rowOf.get(vals.product_id);
  const data = snapshot.products.get(vals.product_id);
  if (row === undefined || !data) return vals;
  const periods = input.demand.periodLabels.length;
  const found = detectObsoleteItem(
    input.demand.quantities.subarray(row * periods, (row + 1) * periods),
    {
      period: input.demand.period,
      obsoleteAfterMonths: settings.config.obsoleteAfterMonths,
      onHand: data.onHand.reduce((sum, [, quantity]) => sum + quantity, 0),
      unitCost: data.facts.unitCost,
    },
  );
  if (!found) return vals;
  const last =
    found.lastDemandIndex === null
      ? "no demand in the window"
      : `last demand in ${input.demand.periodLabels[found.lastDemandIndex]}`;
  return {
    ...vals,
    metric_values: {
      ...((vals.metric_values ?? {}) as Record<string, number | string>),
      months_without_demand: found.monthsWithoutDemand,
      stock_value: found.stockValue,
    },
    message: `${data.facts.name} has gone obsolete: ${last}, ${found.monthsWithoutDemand} months without demand; stock worth ${found.stockValue.toFixed(2)} at risk. ${String(vals.message ?? "")}`,
  };
}
