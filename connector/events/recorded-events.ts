/**
 * The detected events Odoo already holds that still weigh on planning: a vendor's lead-time shift
 * (its new regime sets the lead time of the vendor's parts for as long as it lasts) and the events
 * of the last `activeDays` days that escalate an item (late receipt, longer promise, demand up,
 * stockout, lead time up). Read once per run or watch refresh.
 */
import { z } from "zod";
import { jsonFormatSchemas } from "../../manifest/contract.js";
import { datetime, many2one, optionalText, recordId } from "../extract/odoo-values.js";
import { type IssueLog, parseRecords } from "../extract/record-issues.js";
import type { CompanyScope } from "../extract/scope.js";
import type { OdooClient } from "../odoo/index.js";

const EVENT = "inventory.segment.event";

/** The event kinds that escalate the items they name. */
export const ESCALATING_KINDS = [
  "lead_time_shift",
  "late_receipt",
  "promised_delay_change",
  "demand_shift",
  "stockout",
] as const;
export type EscalatingKind = (typeof ESCALATING_KINDS)[number];

export interface RecordedEvent {
  readonly id: number;
  readonly kind: EscalatingKind;
  readonly severity: "info" | "warning" | "alert";
  readonly productId: number | null;
  readonly vendorId: number | null;
  /** `YYYY-MM-DD HH:MM:SS` UTC. */
  readonly date: string;
  readonly metricValues: Readonly<Record<string, number | string>>;
  readonly dedupKey: string | null;
}

const eventSchema = z.object({
  id: recordId,
  kind: z.enum(ESCALATING_KINDS),
  severity: z.enum(["info", "warning", "alert"]),
  product_id: many2one,
  partner_id: many2one,
  date: datetime,
  metric_values: z.union([z.literal(false), jsonFormatSchemas.metric_values]),
  dedup_key: optionalText,
});

/** Escalating events (warnings and alerts) recorded since `since` (UTC datetime), oldest first. */
export async function readRecordedEvents(
  odoo: OdooClient,
  scope: CompanyScope,
  since: string,
  log: IssueLog,
): Promise<RecordedEvent[]> {
  const records = await odoo.searchRead(
    EVENT,
    [
      ["kind", "in", [...ESCALATING_KINDS]],
      ["severity", "!=", "info"],
      ["date", ">=", since],
    ],
    {
      fields: [
        "kind",
        "severity",
        "product_id",
        "partner_id",
        "date",
        "metric_values",
        "dedup_key",
      ],
      context: scope.context,
    },
  );
  return parseRecords(EVENT, eventSchema, records, log)
    .map((record) => ({
      id: record.id,
      kind: record.kind,
      severity: record.severity,
      productId: record.product_id,
      vendorId: record.partner_id,
      date: record.date,
      metricValues: record.metric_values === false ? {} : record.metric_values,
      dedupKey: record.dedup_key,
    }))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id - b.id));
}
