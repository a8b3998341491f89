/**
 * Findings and recorded events → the item overrides a plan needs (see `escalations.ts`). A finding
 * escalates in the same plan that reports it: it is read as the event it is about to become.
 */
import type { Snapshot } from "../extract/snapshot.js";
import type { EventVals } from "../writeback/events.js";
import type { Findings } from "./detect.js";
import { type EscalationOptions, type ItemOverride, itemOverrides } from "./escalations.js";
import { type EventContext, findingEvents } from "./event-vals.js";
import { ESCALATING_KINDS, type EscalatingKind, type RecordedEvent } from "./recorded-events.js";
import { type VendorLeadTimes, vendorLeadTimes } from "./vendor-lead-times.js";

export interface Escalation {
  readonly overrides: Map<number, ItemOverride>;
  /** The vendors' lead-time series used (for the events of the same findings). */
  readonly vendors: ReadonlyMap<number, VendorLeadTimes>;
}

/**
 * @param recorded escalating events already in Odoo (`readRecordedEvents`).
 * @param findings this run's findings; `context` names things in their events (tier changes are
 *   not known yet and not needed).
 */
export function escalate(
  snapshot: Snapshot,
  recorded: readonly RecordedEvent[],
  findings: Findings,
  context: Omit<EventContext, "tierChange">,
  options: EscalationOptions,
): Escalation {
  const provisional = findingEvents(findings, { ...context, tierChange: () => null }).flatMap(
    (vals, index) => asRecorded(vals, -1 - index),
  );
  const events = [...recorded, ...provisional];
  const missing = new Set(
    events
      .filter((event) => event.kind === "lead_time_shift" && event.vendorId !== null)
      .map((event) => event.vendorId as number)
      .filter((vendorId) => !findings.vendors.has(vendorId)),
  );
  const vendors = new Map([...findings.vendors, ...vendorLeadTimes(snapshot, missing)]);
  return { overrides: itemOverrides(snapshot, events, vendors, options), vendors };
}

/** An event about to be written, as `readRecordedEvents` would read it back (escalating ones only). */
export function asRecorded(vals: EventVals, id: number): RecordedEvent[] {
  const kind = vals.kind as string;
  const severity = vals.severity as RecordedEvent["severity"];
  if (!(ESCALATING_KINDS as readonly string[]).includes(kind) || severity === "info") return [];
  return [
    {
      id,
      kind: kind as EscalatingKind,
      severity,
      productId: typeof vals.product_id === "number" ? vals.product_id : null,
      vendorId: typeof vals.partner_id === "number" ? vals.partner_id : null,
      date: String(vals.date),
      metricValues: (vals.metric_values ?? {}) as RecordedEvent["metricValues"],
      dedupKey: typeof vals.dedup_key === "string" ? vals.dedup_key : null,
    },
  ];
}
