/**
 * The line under the title that says how fresh the figures are: the last finished run, a
 * recompute waiting for the connector, or the reason the last run failed.
 */
import { Component } from "@odoo/owl";
import { user } from "@web/core/user";
import { formatCount, formatRelativeTime, parseServerDatetime } from "../format.js";
import { useOrm } from "../odoo/services.js";
import { loadRunStatus, type RunRow, type RunStatus as Status } from "./run-status-data.js";
import {
  useWidgetData,
  type WidgetDataHandle,
  type WidgetProps,
  widgetPropsSchema,
} from "./use-widget-data.js";

export class RunStatus extends Component<WidgetProps> {
  static override template = "inventory_segmentation.RunStatus";
  static override props = widgetPropsSchema;

  status!: WidgetDataHandle<Status>;

  override setup(): void {
    const orm = useOrm();
    this.status = useWidgetData((scope) => loadRunStatus(orm, scope));
  }

  when(run: RunRow): string {
    const instant = parseServerDatetime(run.date_end || run.date_start || run.create_date);
    return instant ? formatRelativeTime(instant, new Date(), user.lang) : "";
  }

  count(value: number): string {
    return formatCount(value);
  }
}
