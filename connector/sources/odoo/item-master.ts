/**
 * An Odoo product as the analytics' `ItemMaster`: unit cost, lead time from its preferred vendor's
 * receipts (or the vendor's promised delay), minimum order and order multiple, sourcing count,
 * BoM fan-out, the planner's lock, hysteresis memory, stock on hand and when it was created.
 */
import {
  type ItemMaster,
  type LeadTimeSummary,
  summarizeLeadTimes,
  type Tier,
} from "../../../analytics/index.js";
import { leadTimeDays } from "../../extract/receipts.js";
import type { ProductData } from "../../extract/snapshot.js";
import { UnitMismatchError, type UnitTable } from "../../extract/units.js";
import { applicableVendorLines, type VendorLine } from "../../extract/vendors.js";

/** What the item master is built from besides the product's own data. */
export interface ItemContext {
  readonly sku: string;
  readonly vendorLines: readonly VendorLine[];
  readonly units: UnitTable;
  readonly asOfDay: string;
  /** Receipts below this count fall back to the promised delay. */
  readonly minReceipts: number;
  readonly bomParentCount: number;
  /** The tier in force before this run and the de-escalation streak (hysteresis memory). */
  readonly previousTier?: Tier | undefined;
  readonly deescalationStreak?: number | undefined;
  /** A tier this plan must keep: the planner's lock, or the company tier in a warehouse plan. */
  readonly pinnedTier?: Tier | undefined;
  /** Stock on hand to report (company-wide, or one warehouse's). */
  readonly onHand: number;
}

/** Facts about an item the plan does not return but the product fields show. */
export interface ItemSourcing {
  /** The preferred vendor's on-time rate, null without promised dates. */
  readonly onTimeRate: number | null;
  readonly leadTime: LeadTimeSummary | null;
  readonly vendorId: number | null;
}

export function itemMaster(
  data: ProductData,
  context: ItemContext,
): { item: ItemMaster; sourcing: ItemSourcing } {
  const { facts } = data;
  const lines = applicableVendorLines(context.vendorLines, facts.id, context.asOfDay);
  const preferred = lines[0];
  const vendorId = preferred?.vendorId ?? mostFrequentVendor(data);
  const receipts = data.receipts.filter((receipt) => receipt.vendorId === vendorId);
  let leadTime: LeadTimeSummary | null = null;
  if (preferred !== undefined || receipts.length >= context.minReceipts) {
    leadTime = summarizeLeadTimes(
      receipts.map((receipt) => ({
        orderedOn: receipt.orderedOn,
        receivedOn: receipt.receivedOn,
        ...(receipt.promisedOn !== null && { promisedOn: receipt.promisedOn }),
      })),
      preferred?.delayDays ?? 0,
      { minReceipts: context.minReceipts },
    );
  }
  const historyDays = leadTime?.source === "receipts" ? receipts.map(leadTimeDays) : undefined;
  const minOrderQty = preferred
    ? convertOrNull(context.units, preferred.minQty, preferred.unitId, facts.uomId)
    : null;
  const orderMultiple = orderMultipleOf(data, preferred, context.units);
  const vendorCount = new Set(lines.map((line) => line.vendorId)).size;
  const item: ItemMaster = {
    sku: context.sku,
    unitCost: facts.unitCost,
    ...(leadTime !== null && { leadTimeDays: leadTime.meanDays, leadTimeSdDays: leadTime.sdDays }),
    ...(historyDays !== undefined && { leadTimeHistoryDays: historyDays }),
    ...(minOrderQty !== null && minOrderQty > 0 && { minOrderQty }),
    ...(orderMultiple !== null && { orderMultiple }),
    ...(context.pinnedTier !== undefined && { lockedTier: context.pinnedTier }),
    ...(context.bomParentCount > 0 && { bomParentCount: context.bomParentCount }),
    // Only bought items have a sourcing count; "no vendor" is not "single-sourced".
    ...(lines.length > 0 && { vendorCount }),
    ...(context.previousTier !== undefined && { previousTier: context.previousTier }),
    ...(context.deescalationStreak !== undefined && {
      deescalationStreak: context.deescalationStreak,
    }),
    // Negative stock (a delivery validated without stock) is a backorder: none on hand.
    onHand: Math.max(0, context.onHand),
    unitRounding: context.units.countingStep(facts.uomId),
    // Without it a part created last month with no moves yet would count as dead for the whole
    // history; the analytics let earlier demand outweigh it.
    ...(facts.createdOn !== null && { introducedOn: facts.createdOn }),
  };
  return {
    item,
    sourcing: { onTimeRate: leadTime?.onTimeRate ?? null, leadTime, vendorId: vendorId ?? null },
  };
}

/** Without vendor lines, the vendor most receipts came from (ties: the lowest id). */
function mostFrequentVendor(data: ProductData): number | undefined {
  const counts = new Map<number, number>();
  for (const receipt of data.receipts)
    counts.set(receipt.vendorId, (counts.get(receipt.vendorId) ?? 0) + 1);
  let best: number | undefined;
  for (const [vendor, count] of counts) {
    const bestCount = best === undefined ? -1 : (counts.get(best) ?? 0);
    if (count > bestCount || (count === bestCount && best !== undefined && vendor < best))
      best = vendor;
  }
  return best;
}

/**
 * The quantity orders come in: a reordering rule's replenishment unit, else the unit the preferred
 * vendor sells in, when it is bigger than the product's own (a pack of 6 → multiples of 6).
 */
function orderMultipleOf(
  data: ProductData,
  preferred: VendorLine | undefined,
  units: UnitTable,
): number | null {
  const unitIds = [
    ...data.orderpoints.map((rule) => rule.replenishmentUnitId),
    preferred?.unitId ?? null,
  ];
  for (const unitId of unitIds) {
    if (unitId === null) continue;
    const multiple = convertOrNull(units, 1, unitId, data.facts.uomId);
    if (multiple !== null && multiple > 1) return multiple;
  }
  return null;
}

function convertOrNull(
  units: UnitTable,
  quantity: number,
  from: number | null,
  to: number,
): number | null {
  if (from === null) return quantity;
  try {
    return units.convert(quantity, from, to);
  } catch (error) {
    if (error instanceof UnitMismatchError) return null;
    throw error;
  }
}
