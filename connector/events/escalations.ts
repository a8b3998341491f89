/**
 * How recorded events change the planning of the items they concern (DESIGN.md "Events": an
 * event escalates at once; hysteresis applies to de-escalation only):
 * - an event of the last `activeDays` days that escalates (late receipt, longer promise, demand
 *   up, stockout, lead time up) marks its items with an active event, which adds the
 *   criticality score's event points and names the event in the tier's reason;
 * - a vendor's lead-time shift also sets the lead time of the parts it is the preferred source of,
 *   for as long as the new regime lasts: the new regime's mean and spread (the part's own receipts
 *   in it when there are enough, else the vendor's), instead of a window that mixes both regimes.
 */
import type { ItemMaster } from "../../analytics/index.js";
import { leadTimeDays } from "../extract/receipts.js";
import type { Snapshot } from "../extract/snapshot.js";
import type { RecordedEvent } from "./recorded-events.js";
import { componentsOf, type VendorLeadTimes } from "./vendor-lead-times.js";

/** The fields of an item master an event may change. */
export type ItemOverride = Partial<
  Pick<ItemMaster, "activeEvent" | "leadTimeDays" | "leadTimeSdDays" | "leadTimeHistoryDays">
>;

export interface EscalationOptions {
  readonly asOfDay: string;
  /** Days an escalating event keeps its items escalated. */
  readonly activeDays: number;
  /** Receipts a part needs in the new regime to use its own lead time rather than the vendor's. */
  readonly minReceipts: number;
}

/** The metric keys the lead-time shift event stores and escalation reads back. */
export const SHIFT_METRICS = {
  changeMove: "change_move_id",
  direction: "direction",
  reason: "reason",
} as const;

/**
 * The item changes the recorded events imply, by product id.
 * @param events escalating events (the weightiest active one names an item's reason).
 * @param vendors the vendors' lead-time series (`vendorLeadTimes`), for the regime in force.
 */
export function itemOverrides(
  snapshot: Snapshot,
  events: readonly RecordedEvent[],
  vendors: ReadonlyMap<number, VendorLeadTimes>,
  options: EscalationOptions,
): Map<number, ItemOverride> {
  const overrides = new Map<number, ItemOverride>();
  const merge = (productId: number, change: ItemOverride) => {
    if (!snapshot.products.has(productId)) return;
    overrides.set(productId, { ...overrides.get(productId), ...change });
  };
  const activeSince = `${shiftDay(options.asOfDay, -options.activeDays)} 00:00:00`;
  // The reason names the weightiest active event of an item (the newest among equals).
  const ranked = [...events].sort(
    (a, b) =>
      REASON_WEIGHT[a.kind] - REASON_WEIGHT[b.kind] ||
      (a.date < b.date ? -1 : a.date > b.date ? 1 : 0),
  );
  for (const event of ranked) {
    const active = event.date >= activeSince && escalates(event);
    const reason = String(
      event.metricValues[SHIFT_METRICS.reason] ?? event.kind.replace(/_/g, " "),
    );
    if (event.kind === "lead_time_shift" && event.vendorId !== null) {
      const vendor = vendors.get(event.vendorId);
      const regime = vendor ? regimeOf(vendor, event) : null;
      for (const productId of componentsOf(snapshot, event.vendorId)) {
        if (regime)
          merge(productId, partLeadTime(snapshot, productId, regime, options.minReceipts));
        if (active) merge(productId, { activeEvent: reason });
      }
    } else if (active && event.productId !== null) {
      merge(event.productId, { activeEvent: reason });
    }
  }
  return overrides;
}

/** Which event's sentence an item's reason shows when several are active. */
const REASON_WEIGHT: Record<RecordedEvent["kind"], number> = {
  late_receipt: 1,
  promised_delay_change: 2,
  demand_shift: 3,
  stockout: 4,
  lead_time_shift: 5,
};

/** True for the events that raise risk (a lead time or a demand going down does not). */
function escalates(event: RecordedEvent): boolean {
  return event.metricValues[SHIFT_METRICS.direction] !== "down";
}

interface Regime {
  readonly vendor: VendorLeadTimes;
  /** Index of the regime's first receipt in the vendor's series. */
  readonly start: number;
  /** Spread to use while the regime has too few receipts for its own: the old CV × the new mean. */
  readonly fallbackSdDays: number;
}

/** The regime the event started, when it is still the vendor's regime in force. */
function regimeOf(vendor: VendorLeadTimes, event: RecordedEvent): Regime | null {
  const changeMove = event.metricValues[SHIFT_METRICS.changeMove];
  const { current, shifts } = vendor.monitor;
  const first = vendor.receipts[current.startIndex];
  if (first === undefined || first.moveId !== changeMove || shifts.length === 0) return null;
  const shift = shifts[shifts.length - 1];
  if (!shift || shift.changeIndex !== current.startIndex) return null;
  const cv = shift.beforeMeanDays > 0 ? shift.beforeSdDays / shift.beforeMeanDays : 0;
  return { vendor, start: current.startIndex, fallbackSdDays: cv * current.meanDays };
}

function partLeadTime(
  snapshot: Snapshot,
  productId: number,
  regime: Regime,
  minReceipts: number,
): ItemOverride {
  const since = regime.vendor.receipts[regime.start]?.receivedOn ?? "";
  const own = (snapshot.products.get(productId)?.receipts ?? [])
    .filter((receipt) => receipt.vendorId === regime.vendor.vendorId && receipt.receivedOn >= since)
    .map(leadTimeDays);
  const days =
    own.length >= minReceipts ? own : [...regime.vendor.leadTimesDays.subarray(regime.start)];
  const mean = days.reduce((sum, value) => sum + value, 0) / days.length;
  const sd =
    days.length >= 3
      ? Math.sqrt(days.reduce((sum, value) => sum + (value - mean) ** 2, 0) / (days.length - 1))
      : regime.fallbackSdDays;
  return { leadTimeDays: mean, leadTimeSdDays: sd, leadTimeHistoryDays: days };
}

/** The day `days` after `day` (`YYYY-MM-DD`, UTC). */
export function shiftDay(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
