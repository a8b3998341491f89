/**
 * What changed lately and why: lead-time shifts, late receipts, demand shifts, stockouts and the
 * tier changes they caused, as the connector worded them for buyers.
 */
import { Component } from "@odoo/owl";
import { user } from "@web/core/user";
import { DashboardCard } from "../components/dashboard_card.js";
import { formatRelativeTime, parseServerDatetime } from "../format.js";
import { _t } from "../odoo/l10n.js";
import { type ActionService, useActionService, useOrm } from "../odoo/services.js";
import { type EventRow, eventIconClass, kindLabel, loadEvents } from "./events-data.js";
import {
  useWidgetData,
  type WidgetDataHandle,
  type WidgetProps,
  widgetPropsSchema,
} from "./use-widget-data.js";

export class EventsFeed extends Component<WidgetProps> {
  static override template = "inventory_segmentation.EventsFeed";
  static components = { DashboardCard };
  static override props = widgetPropsSchema;

  private action!: ActionService;
  events!: WidgetDataHandle<EventRow[]>;

  override setup(): void {
    const orm = useOrm();
    this.action = useActionService();
    this.events = useWidgetData((scope) => loadEvents(orm, scope));
  }

  get title(): string {
    return _t("Latest events");
  }

  get emptyText(): string {
    return _t(
      "No event yet: late receipts, lead-time and demand shifts and tier changes appear here.",
    );
  }

  iconClass(event: EventRow): string {
    return eventIconClass(event);
  }

  kind(event: EventRow): string {
    return kindLabel(event.kind);
  }

  when(event: EventRow): string {
    const instant = parseServerDatetime(event.date);
    return instant ? formatRelativeTime(instant, new Date(), user.lang) : "";
  }

  async openAll(): Promise<void> {
    await this.action.doAction("inventory_segmentation.action_inventory_segment_event");
  }

  async openProduct(event: EventRow): Promise<void> {
    if (!event.product_id) return;
    await this.action.doAction({
      type: "ir.actions.act_window",
      name: event.product_id[1],
      res_model: "product.product",
      res_id: event.product_id[0],
      views: [[false, "form"]],
    });
  }
}
