/** The latest segmentation events of the company, newest first, in one read. */
import type { SelectionValue } from "../../manifest/contract.js";
import { _t } from "../odoo/l10n.js";
import type { OrmService } from "../odoo/services.js";
import { companyDomain, type DashboardScope } from "./scope.js";

export const EVENT_FEED_LENGTH = 8;

type EventKind = SelectionValue<"inventory.segment.event", "kind">;
type Severity = SelectionValue<"inventory.segment.event", "severity">;

export interface EventRow {
  readonly id: number;
  readonly date: string;
  readonly kind: EventKind;
  readonly severity: Severity;
  readonly message: string;
  readonly product_id: readonly [number, string] | false;
  readonly partner_id: readonly [number, string] | false;
}

export const EVENT_FIELDS = [
  "date",
  "kind",
  "severity",
  "message",
  "product_id",
  "partner_id",
] as const;

export async function loadEvents(orm: OrmService, scope: DashboardScope): Promise<EventRow[]> {
  // The model's order is "date desc, id desc".
  return orm.searchRead<EventRow>("inventory.segment.event", companyDomain(scope), EVENT_FIELDS, {
    limit: EVENT_FEED_LENGTH,
  });
}

/** An icon per kind of event, coloured by severity. */
const KIND_ICON: Readonly<Record<EventKind, string>> = {
  segment_change: "fa-exchange",
  manual_override: "fa-lock",
  lead_time_shift: "fa-truck",
  late_receipt: "fa-clock-o",
  promised_delay_change: "fa-calendar",
  demand_shift: "fa-line-chart",
  stockout: "fa-ban",
  new_item: "fa-plus-circle",
  obsolete_item: "fa-archive",
};

const SEVERITY_TONE: Readonly<Record<Severity, string>> = {
  info: "text-info",
  warning: "text-warning",
  alert: "text-danger",
};

export function eventIconClass(event: EventRow): string {
  return `fa ${KIND_ICON[event.kind] ?? "fa-bolt"} ${SEVERITY_TONE[event.severity] ?? ""}`;
}

export function kindLabel(kind: EventKind): string {
  const labels: Record<EventKind, string> = {
    segment_change: _t("Segment change"),
    manual_override: _t("Manual override"),
    lead_time_shift: _t("Lead-time shift"),
    late_receipt: _t("Late receipt"),
    promised_delay_change: _t("Promised lead-time change"),
    demand_shift: _t("Demand shift"),
    stockout: _t("Stockout"),
    new_item: _t("New item"),
    obsolete_item: _t("Item gone obsolete"),
  };
  return labels[kind] ?? kind;
}
