/**
 * Runs the detectors of `analytics/detectors` over what a watch cycle touched (or, in a scheduled
 * full refresh, over everything) and says what they found, with the Odoo records behind each
 * finding. Turning findings into event records and escalations is `event-vals.ts`'s job.
 */
import {
  type DemandShift,
  detectDemandShifts,
  detectNewItem,
  detectPromisedDelayChange,
  detectStockout,
  type LateReceipt,
  type LeadTimeShift,
  type NewItem,
  type PromisedDelayChange,
  type Stockout,
} from "../../analytics/index.js";
import type { ReceiptFacts } from "../extract/receipts.js";
import type { Snapshot } from "../extract/snapshot.js";
import type { VendorLine } from "../extract/vendors.js";
import { demandGrid } from "../sources/odoo/demand-grid.js";
import { componentsOf, type VendorLeadTimes, vendorLeadTimes } from "./vendor-lead-times.js";

/** What to look at; `"all"` in a full refresh. */
export interface DetectionScope {
  /** Vendors whose lead-time series to judge. */
  readonly vendorIds: ReadonlySet<number> | "all";
  /** Receipt moves to judge for lateness (the ones that arrived since the last look). */
  readonly receiptMoveIds: ReadonlySet<number> | "all";
  /** Vendor lines edited since the last look, with the line as it was (null: a new line). */
  readonly vendorLineChanges: readonly {
    readonly before: VendorLine | null;
    readonly after: VendorLine;
  }[];
  /** Products whose demand series to judge. */
  readonly demandProductIds: ReadonlySet<number> | "all";
  /** Stock positions to judge for stockouts. */
  readonly stockPositions: readonly StockPositionFacts[];
  /** Products to judge as new items. */
  readonly newItemProductIds: ReadonlySet<number> | "all";
}

export interface StockPositionFacts {
  readonly productId: number;
  readonly warehouseId: number;
  readonly onHand: number;
  readonly openDemand: number;
}

export interface DetectionOptions {
  /** Only demand shifts confirmed in the last this many periods are news. Default 4. */
  readonly recentPeriods?: number;
  /** Receipts received before this day are not judged late any more (`YYYY-MM-DD`). */
  readonly lateReceiptsSince?: string;
}

export interface VendorShiftFinding {
  readonly vendorId: number;
  readonly shift: LeadTimeShift;
  /** The first receipt of the new regime (its move names the event) and the confirming one. */
  readonly changeReceipt: ReceiptFacts;
  readonly detectedReceipt: ReceiptFacts;
  /** Products whose preferred vendor it is. */
  readonly components: readonly number[];
}

export interface LateReceiptFinding {
  readonly receipt: ReceiptFacts;
  readonly late: LateReceipt;
}

export interface PromisedDelayFinding {
  readonly line: VendorLine;
  readonly change: PromisedDelayChange;
  /** The planned products the line applies to. */
  readonly productIds: readonly number[];
}

export interface DemandShiftFinding {
  readonly productId: number;
  readonly shift: DemandShift;
  readonly changePeriod: string;
  readonly detectedPeriod: string;
}

export interface StockoutFinding extends StockPositionFacts {
  readonly stockout: Stockout;
}

export interface NewItemFinding {
  readonly productId: number;
  readonly newItem: NewItem;
  readonly firstDemandPeriod: string | null;
}

export interface Findings {
  readonly vendorShifts: readonly VendorShiftFinding[];
  readonly lateReceipts: readonly LateReceiptFinding[];
  readonly promisedDelays: readonly PromisedDelayFinding[];
  readonly demandShifts: readonly DemandShiftFinding[];
  readonly stockouts: readonly StockoutFinding[];
  readonly newItems: readonly NewItemFinding[];
  /** The vendors' series judged, for the lead times of their new regimes. */
  readonly vendors: ReadonlyMap<number, VendorLeadTimes>;
}

const DAY_MS = 86_400_000;
const inScope = (scope: ReadonlySet<number> | "all", id: number) =>
  scope === "all" || scope.has(id);

export function detect(
  snapshot: Snapshot,
  scope: DetectionScope,
  options: DetectionOptions = {},
): Findings {
  const vendors = vendorLeadTimes(
    snapshot,
    scope.vendorIds === "all" ? undefined : scope.vendorIds,
  );
  const vendorShifts: VendorShiftFinding[] = [];
  const lateReceipts: LateReceiptFinding[] = [];
  for (const vendor of vendors.values()) {
    const { shifts, current, lateReceipts: late } = vendor.monitor;
    const last = shifts[shifts.length - 1];
    // The shift that started the regime in force is news until an event names it.
    if (last && last.changeIndex === current.startIndex) {
      vendorShifts.push({
        vendorId: vendor.vendorId,
        shift: last,
        changeReceipt: vendor.receipts[last.changeIndex] as ReceiptFacts,
        detectedReceipt: vendor.receipts[last.detectedIndex] as ReceiptFacts,
        components: componentsOf(snapshot, vendor.vendorId),
      });
    }
    for (const finding of late) {
      const receipt = vendor.receipts[finding.index] as ReceiptFacts;
      const recent =
        options.lateReceiptsSince === undefined ||
        receipt.receivedOn >= `${options.lateReceiptsSince} 00:00:00`;
      const judged = recent && inScope(scope.receiptMoveIds, receipt.moveId);
      if (judged) lateReceipts.push({ receipt, late: finding });
    }
  }
  return {
    vendorShifts,
    lateReceipts,
    promisedDelays: promisedDelays(snapshot, scope),
    demandShifts: demandShifts(snapshot, scope, options.recentPeriods ?? 4),
    stockouts: scope.stockPositions.flatMap((position) => {
      const stockout = detectStockout({
        onHand: position.onHand,
        openDemand: position.openDemand,
        averageDailyDemand: averageDailyDemand(snapshot, position.productId, position.warehouseId),
      });
      return stockout ? [{ ...position, stockout }] : [];
    }),
    newItems: newItems(snapshot, scope),
    vendors,
  };
}

function promisedDelays(snapshot: Snapshot, scope: DetectionScope): PromisedDelayFinding[] {
  const findings: PromisedDelayFinding[] = [];
  for (const { before, after } of scope.vendorLineChanges) {
    if (before === null) continue;
    const change = detectPromisedDelayChange(before.delayDays, after.delayDays);
    if (!change) continue;
    const productIds = [...snapshot.products.values()]
      .filter(
        (data) =>
          data.facts.templateId === after.templateId &&
          (after.productId === null || after.productId === data.facts.id),
      )
      .map((data) => data.facts.id);
    if (productIds.length > 0) findings.push({ line: after, change, productIds });
  }
  return findings;
}

function demandShifts(
  snapshot: Snapshot,
  scope: DetectionScope,
  recentPeriods: number,
): DemandShiftFinding[] {
  const rows = [...snapshot.products.values()].filter((data) =>
    inScope(scope.demandProductIds, data.facts.id),
  );
  if (rows.length === 0) return [];
  const grid = demandGrid(
    snapshot.window,
    rows.map((data) => String(data.facts.id)),
    rows.map((data) => data.demand),
  );
  const periods = grid.periodLabels.length;
  const findings: DemandShiftFinding[] = [];
  rows.forEach((data, row) => {
    const series = grid.quantities.subarray(row * periods, (row + 1) * periods);
    const shifts = detectDemandShifts(series);
    const last = shifts[shifts.length - 1];
    if (!last || last.detectedIndex < periods - recentPeriods) return;
    findings.push({
      productId: data.facts.id,
      shift: last,
      changePeriod: grid.periodLabels[last.changeIndex] as string,
      detectedPeriod: grid.periodLabels[last.detectedIndex] as string,
    });
  });
  return findings;
}

function newItems(snapshot: Snapshot, scope: DetectionScope): NewItemFinding[] {
  const findings: NewItemFinding[] = [];
  const rows = [...snapshot.products.values()].filter(
    (data) => inScope(scope.newItemProductIds, data.facts.id) && data.facts.stored.tier === null,
  );
  if (rows.length === 0) return findings;
  const grid = demandGrid(
    snapshot.window,
    rows.map((data) => String(data.facts.id)),
    rows.map((data) => data.demand),
  );
  const periods = grid.periodLabels.length;
  rows.forEach((data, row) => {
    const newItem = detectNewItem({
      segmentedBefore: false,
      demand: grid.quantities.subarray(row * periods, (row + 1) * periods),
      onHand: data.onHand.reduce((sum, [, quantity]) => sum + quantity, 0),
      hasSupply:
        (snapshot.vendorLines.get(data.facts.templateId)?.length ?? 0) > 0 ||
        data.orderpoints.length > 0,
    });
    if (newItem)
      findings.push({
        productId: data.facts.id,
        newItem,
        firstDemandPeriod:
          newItem.firstDemandIndex === null
            ? null
            : (grid.periodLabels[newItem.firstDemandIndex] ?? null),
      });
  });
  return findings;
}

/** Average daily demand of a product at a warehouse over the window (0 without demand). */
function averageDailyDemand(snapshot: Snapshot, productId: number, warehouseId: number): number {
  const data = snapshot.products.get(productId);
  if (!data) return 0;
  const { fromDay, throughDay } = snapshot.window;
  const days =
    (Date.parse(`${throughDay}T00:00:00Z`) - Date.parse(`${fromDay}T00:00:00Z`)) / DAY_MS + 1;
  let total = 0;
  for (const [warehouse, day, quantity] of data.demand) {
    if (warehouse === warehouseId && day >= fromDay && day <= throughDay) total += quantity;
  }
  return Math.max(0, total) / days;
}
