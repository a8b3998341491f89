/**
 * Detector findings as `inventory.segment.event` records: the evidence as metric values, a
 * sentence a buyer understands, and a `dedup_key` made only of what the event is about (the
 * vendor and the first receipt of its new regime, the receipt, the vendor line and its edit, the
 * product and the period, the product, warehouse and week of a stockout…), so that processing the
 * same change twice — after a crash, a restart or an overlap of the poll — records it once.
 */
import { parsePeriod, periodLabel, periodOfDay, TIERS, type Tier } from "../../analytics/index.js";
import type { TierCode } from "../../manifest/contract.js";
import type { MemoryOf } from "../extract/products.js";
import { leadTimeDays } from "../extract/receipts.js";
import type { TierSettings } from "../extract/settings.js";
import type { Snapshot } from "../extract/snapshot.js";
import type { SyncPlan } from "../sync/planning.js";
import type { EventVals } from "../writeback/events.js";
import type {
  DemandShiftFinding,
  Findings,
  LateReceiptFinding,
  NewItemFinding,
  PromisedDelayFinding,
  StockoutFinding,
  VendorShiftFinding,
} from "./detect.js";
import { SHIFT_METRICS } from "./escalations.js";

/** A product's tier before this run or cycle and after its plan. */
export type TierChangeOf = (productId: number) => { before: Tier | null; after: Tier } | null;

/** The tier changes of a plan against the memory it planned from. */
export function tierChanges(plan: SyncPlan, memoryOf: MemoryOf): TierChangeOf {
  const tierOf = new Map<number, Tier>();
  plan.company.input.productIds.forEach((id, row) => {
    const item = plan.company.plan.items[row];
    if (item) tierOf.set(id, item.tier);
  });
  return (id) => {
    const after = tierOf.get(id);
    return after === undefined ? null : { before: memoryOf(id).tier, after };
  };
}

export interface EventContext {
  readonly snapshot: Snapshot;
  readonly tiers: Readonly<Record<TierCode, TierSettings>>;
  readonly tierChange: TierChangeOf;
  readonly vendorNames: ReadonlyMap<number, string>;
  /** The run's stamp (`YYYY-MM-DD HH:MM:SS` UTC): the events' date. */
  readonly runStamp: string;
  /** ISO week of today (`2026-W48`), which names a stockout episode. */
  readonly week: string;
}

/** The ISO week of a day (`2026-11-25` → `2026-W48`): names a stockout episode. */
export function weekOfDay(day: string): string {
  return periodLabel(periodOfDay(parsePeriod(day).ordinal, "week"), "week");
}

/** The events of all findings, vendor shifts first. */
export function findingEvents(findings: Findings, context: EventContext): EventVals[] {
  return [
    ...findings.vendorShifts.map((finding) => vendorShiftEvent(finding, context)),
    ...findings.lateReceipts.map((finding) => lateReceiptEvent(finding, context)),
    ...findings.promisedDelays.flatMap((finding) => promisedDelayEvents(finding, context)),
    ...findings.demandShifts.map((finding) => demandShiftEvent(finding, context)),
    ...findings.stockouts.map((finding) => stockoutEvent(finding, context)),
    ...findings.newItems.map((finding) => newItemEvent(finding, context)),
  ];
}

function vendorShiftEvent(finding: VendorShiftFinding, context: EventContext): EventVals {
  const { shift, vendorId } = finding;
  const vendor = vendorName(context, vendorId);
  const up = shift.direction === "up";
  const verb = up ? "rose" : "fell";
  const raised = new Map<Tier, number>();
  for (const productId of finding.components) {
    const change = context.tierChange(productId);
    if (change && rank(change.after) < rank(change.before ?? "obsolete"))
      raised.set(change.after, (raised.get(change.after) ?? 0) + 1);
  }
  const escalated = TIERS.filter((tier) => raised.has(tier))
    .map(
      (tier, index) =>
        `${raised.get(tier)}${index === 0 ? " components escalated" : ""} to ${tier}`,
    )
    .join(", ");
  const consequence =
    finding.components.length === 0
      ? "it is the preferred vendor of no planned part"
      : escalated || `none of its ${finding.components.length} parts changed tier`;
  const reason = `lead time of ${vendor} ${verb} from ${days(shift.beforeMeanDays)} to ${days(shift.afterMeanDays)} days`;
  return {
    date: context.runStamp,
    kind: "lead_time_shift",
    severity: up ? (raised.has("critical") ? "alert" : "warning") : "info",
    partner_id: vendorId,
    metric_values: {
      [SHIFT_METRICS.direction]: shift.direction,
      lead_time_before_days: round(shift.beforeMeanDays),
      lead_time_before_sd_days: round(shift.beforeSdDays),
      lead_time_after_days: round(shift.afterMeanDays),
      lead_time_after_sd_days: round(shift.afterSdDays),
      receipts_after: shift.afterReceipts,
      control_limit_days: round(shift.controlLimitDays),
      [SHIFT_METRICS.changeMove]: finding.changeReceipt.moveId,
      change_date: finding.changeReceipt.receivedOn.slice(0, 10),
      detected_date: finding.detectedReceipt.receivedOn.slice(0, 10),
      components: finding.components.length,
      escalated: [...raised.values()].reduce((sum, count) => sum + count, 0),
      [SHIFT_METRICS.reason]: reason,
    },
    message:
      `Lead time of ${vendor} ${verb} from ${days(shift.beforeMeanDays)} to ${days(shift.afterMeanDays)} days ` +
      `(${shift.afterReceipts} receipt${shift.afterReceipts === 1 ? "" : "s"} since ${finding.changeReceipt.receivedOn.slice(0, 10)}; ` +
      `control limit ${days(shift.controlLimitDays)} days) → ${consequence}.`,
    company_id: context.snapshot.companyId,
    dedup_key: `lead_time_shift:res.partner:${vendorId}:stock.move:${finding.changeReceipt.moveId}`,
  };
}

function lateReceiptEvent(finding: LateReceiptFinding, context: EventContext): EventVals {
  const { receipt, late } = finding;
  const product = productName(context, receipt.productId);
  const vendor = vendorName(context, receipt.vendorId);
  const taken = leadTimeDays(receipt);
  const promised = receipt.promisedOn ? `, promised ${receipt.promisedOn.slice(0, 10)}` : "";
  const daysLate = receipt.promisedOn
    ? round(
        (Date.parse(iso(receipt.receivedOn)) - Date.parse(iso(receipt.promisedOn))) / 86_400_000,
      )
    : null;
  return {
    date: context.runStamp,
    kind: "late_receipt",
    severity: "warning",
    product_id: receipt.productId,
    partner_id: receipt.vendorId,
    metric_values: {
      lead_time_days: round(taken),
      usual_lead_time_days: round(late.meanDays),
      control_limit_days: round(late.controlLimitDays),
      ...(daysLate !== null && { days_late_vs_promise: daysLate }),
      move_id: receipt.moveId,
      [SHIFT_METRICS.reason]: `late receipt from ${vendor}: ${days(taken)} days against a limit of ${days(late.controlLimitDays)}`,
    },
    message:
      `Receipt of ${product} from ${vendor} took ${days(taken)} days (ordered ${receipt.orderedOn.slice(0, 10)}, ` +
      `received ${receipt.receivedOn.slice(0, 10)}${promised}): beyond the control limit of ` +
      `${days(late.controlLimitDays)} days (usually ${days(late.meanDays)})${escalation(context, receipt.productId)}.`,
    company_id: context.snapshot.companyId,
    dedup_key: `late_receipt:stock.move:${receipt.moveId}`,
  };
}

function promisedDelayEvents(finding: PromisedDelayFinding, context: EventContext): EventVals[] {
  const { change, line } = finding;
  const vendor = vendorName(context, line.vendorId);
  const sign = change.changeDays > 0 ? "+" : "−";
  return finding.productIds.map((productId) => ({
    date: context.runStamp,
    kind: "promised_delay_change",
    severity: change.escalates ? "warning" : "info",
    product_id: productId,
    partner_id: line.vendorId,
    metric_values: {
      [SHIFT_METRICS.direction]: change.escalates ? "up" : "down",
      promised_before_days: change.beforeDays,
      promised_after_days: change.afterDays,
      change_days: change.changeDays,
      supplierinfo_id: line.id,
      [SHIFT_METRICS.reason]: `${vendor} now promises ${change.afterDays} days instead of ${change.beforeDays}`,
    },
    message:
      `${vendor} now promises ${productName(context, productId)} in ${change.afterDays} days instead of ` +
      `${change.beforeDays} (${sign}${Math.abs(change.changeDays)} days)${escalation(context, productId)}.`,
    company_id: context.snapshot.companyId,
    dedup_key: `promised_delay_change:product.supplierinfo:${line.id}:${change.beforeDays}>${change.afterDays}:product.product:${productId}`,
  }));
}

function demandShiftEvent(finding: DemandShiftFinding, context: EventContext): EventVals {
  const { shift, productId } = finding;
  const up = shift.direction === "up";
  const period = context.snapshot.window.period;
  const product = productName(context, productId);
  const levels = `from ${quantity(shift.beforeMean)} to ${quantity(shift.afterMean)} a ${period}`;
  return {
    date: context.runStamp,
    kind: "demand_shift",
    severity: up ? "warning" : "info",
    product_id: productId,
    metric_values: {
      [SHIFT_METRICS.direction]: shift.direction,
      demand_before_per_period: round(shift.beforeMean),
      demand_after_per_period: round(shift.afterMean),
      change_period: finding.changePeriod,
      detected_period: finding.detectedPeriod,
      periods_after: shift.afterPeriods,
      [SHIFT_METRICS.reason]: `demand ${up ? "rose" : "fell"} ${levels} since ${finding.changePeriod}`,
    },
    message:
      `Demand for ${product} ${up ? "rose" : "fell"} ${levels} from ${finding.changePeriod} ` +
      `(confirmed in ${finding.detectedPeriod})${escalation(context, productId)}.`,
    company_id: context.snapshot.companyId,
    dedup_key: `demand_shift:product.product:${productId}:${finding.changePeriod}:${shift.direction}`,
  };
}

function stockoutEvent(finding: StockoutFinding, context: EventContext): EventVals {
  const warehouse =
    context.snapshot.warehouses.find((candidate) => candidate.id === finding.warehouseId)?.code ??
    `warehouse ${finding.warehouseId}`;
  const product = productName(context, finding.productId);
  const shortDays =
    finding.stockout.shortDays === null
      ? ""
      : ` (≈ ${days(finding.stockout.shortDays)} days of demand)`;
  return {
    date: context.runStamp,
    kind: "stockout",
    severity: "alert",
    product_id: finding.productId,
    metric_values: {
      on_hand: round(finding.onHand),
      open_demand: round(finding.openDemand),
      short_quantity: round(finding.stockout.shortQuantity),
      ...(finding.stockout.shortDays !== null && { short_days: round(finding.stockout.shortDays) }),
      warehouse_id: finding.warehouseId,
      [SHIFT_METRICS.reason]: `out of stock at ${warehouse} with demand waiting`,
    },
    message:
      `${product} is out of stock at ${warehouse}: ${quantity(finding.openDemand)} ordered and waiting, ` +
      `${quantity(finding.onHand)} on hand, ${quantity(finding.stockout.shortQuantity)} short${shortDays}` +
      `${escalation(context, finding.productId)}.`,
    company_id: context.snapshot.companyId,
    dedup_key: `stockout:product.product:${finding.productId}:stock.warehouse:${finding.warehouseId}:${context.week}`,
  };
}

function newItemEvent(finding: NewItemFinding, context: EventContext): EventVals {
  const product = productName(context, finding.productId);
  const tier = context.tierChange(finding.productId)?.after;
  const history =
    finding.firstDemandPeriod === null
      ? "no demand yet"
      : `first demand in ${finding.firstDemandPeriod}, ${finding.newItem.periodsOfHistory} ${context.snapshot.window.period}s of history`;
  return {
    date: context.runStamp,
    kind: "new_item",
    severity: "info",
    product_id: finding.productId,
    ...(tier !== undefined && { new_segment_id: context.tiers[tier].id }),
    metric_values: {
      periods_of_history: finding.newItem.periodsOfHistory,
      ...(finding.firstDemandPeriod !== null && { first_demand_period: finding.firstDemandPeriod }),
    },
    message: `New item ${product} (${history})${tier ? `: planned as ${context.tiers[tier].name}` : ""}.`,
    company_id: context.snapshot.companyId,
    dedup_key: `new_item:product.product:${finding.productId}`,
  };
}

/** " → escalated from standard to critical" when the product's tier rose, else "". */
function escalation(context: EventContext, productId: number): string {
  const change = context.tierChange(productId);
  if (!change || change.before === null || rank(change.after) >= rank(change.before)) return "";
  return ` → escalated from ${context.tiers[change.before].name} to ${context.tiers[change.after].name}`;
}

function productName(context: EventContext, productId: number): string {
  return context.snapshot.products.get(productId)?.facts.name ?? `product ${productId}`;
}

function vendorName(context: EventContext, vendorId: number): string {
  return context.vendorNames.get(vendorId) ?? `vendor ${vendorId}`;
}

function rank(tier: Tier): number {
  return TIERS.indexOf(tier);
}

function days(value: number): string {
  return Math.abs(value - Math.round(value)) < 0.05 ? String(Math.round(value)) : value.toFixed(1);
}

function quantity(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(value < 10 ? 2 : 1);
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

function iso(stamp: string): string {
  return `${stamp.replace(" ", "T")}Z`;
}
