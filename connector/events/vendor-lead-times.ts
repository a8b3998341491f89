/**
 * Each vendor's receipts as one lead-time series, in the order the goods arrived, pooled over the
 * products it supplies (a vendor's delays come from its own plant and carriers more than from the
 * part), and the lead-time monitor's verdict on it (`analytics/detectors/lead-time-shift.ts`).
 */
import { detectLeadTimeShifts, type LeadTimeMonitor } from "../../analytics/index.js";
import { leadTimeDays, type ReceiptFacts } from "../extract/receipts.js";
import type { Snapshot } from "../extract/snapshot.js";
import { applicableVendorLines } from "../extract/vendors.js";

export interface VendorLeadTimes {
  readonly vendorId: number;
  /** The vendor's receipts in the window, in the order they arrived (ties: move id). */
  readonly receipts: readonly ReceiptFacts[];
  /** Lead time of each receipt in days, order confirmation to receipt. */
  readonly leadTimesDays: Float64Array;
  readonly monitor: LeadTimeMonitor;
}

/**
 * The lead-time series of `vendorIds` (all vendors with receipts when left out).
 * @returns by vendor id; vendors without receipts are absent.
 */
export function vendorLeadTimes(
  snapshot: Snapshot,
  vendorIds?: ReadonlySet<number>,
): Map<number, VendorLeadTimes> {
  const byVendor = new Map<number, ReceiptFacts[]>();
  for (const data of snapshot.products.values()) {
    for (const receipt of data.receipts) {
      if (vendorIds && !vendorIds.has(receipt.vendorId)) continue;
      const list = byVendor.get(receipt.vendorId) ?? [];
      list.push(receipt);
      byVendor.set(receipt.vendorId, list);
    }
  }
  const result = new Map<number, VendorLeadTimes>();
  for (const [vendorId, receipts] of byVendor) {
    receipts.sort((a, b) =>
      a.receivedOn < b.receivedOn ? -1 : a.receivedOn > b.receivedOn ? 1 : a.moveId - b.moveId,
    );
    const leadTimes = Float64Array.from(receipts, leadTimeDays);
    result.set(vendorId, {
      vendorId,
      receipts,
      leadTimesDays: leadTimes,
      monitor: detectLeadTimeShifts(leadTimes),
    });
  }
  return result;
}

/**
 * The products whose preferred vendor (first applicable vendor line, Odoo's order) is `vendorId`
 * on the snapshot's as-of day: the ones a change in that vendor's lead time puts at risk.
 */
export function componentsOf(snapshot: Snapshot, vendorId: number): number[] {
  let byVendor = componentsByVendor.get(snapshot);
  if (!byVendor) {
    byVendor = new Map();
    for (const data of snapshot.products.values()) {
      const lines = snapshot.vendorLines.get(data.facts.templateId) ?? [];
      const preferred = applicableVendorLines(lines, data.facts.id, snapshot.window.asOfDay)[0];
      if (!preferred) continue;
      const ids = byVendor.get(preferred.vendorId) ?? [];
      ids.push(data.facts.id);
      byVendor.set(preferred.vendorId, ids);
    }
    for (const ids of byVendor.values()) ids.sort((a, b) => a - b);
    componentsByVendor.set(snapshot, byVendor);
  }
  return [...(byVendor.get(vendorId) ?? [])];
}

/**
 * Each snapshot's products by preferred vendor, found in one pass: a cycle asks for the parts of
 * every shifted vendor and every lead-time event, and a snapshot is never changed in place (a
 * cycle or refresh makes a new one).
 */
const componentsByVendor = new WeakMap<Snapshot, Map<number, number[]>>();
