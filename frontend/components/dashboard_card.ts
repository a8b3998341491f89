/**
 * The frame of every dashboard panel: a titled card that shows the panel's content, or its
 * loading, empty or error state (with the server's message and a retry), so that each widget only
 * draws its data.
 */
import { Component } from "@odoo/owl";
import type { WidgetData } from "../dashboard/use-widget-data.js";

export interface DashboardCardProps {
  readonly title: string;
  readonly data: WidgetData<unknown>;
  readonly isEmpty?: boolean;
  readonly emptyText?: string;
  readonly onRetry: () => void;
  readonly className?: string;
  readonly slots?: Record<string, unknown>;
}

export class DashboardCard extends Component<DashboardCardProps> {
  static override template = "inventory_segmentation.DashboardCard";
  static override props = {
    title: String,
    data: Object,
    isEmpty: { type: Boolean, optional: true },
    emptyText: { type: String, optional: true },
    onRetry: Function,
    className: { type: String, optional: true },
    slots: { type: Object, optional: true },
  };

  /** Nothing to show yet: the first answer has not arrived. */
  get isFirstLoad(): boolean {
    return this.props.data.status === "loading" && this.props.data.data === undefined;
  }

  get isReloading(): boolean {
    return this.props.data.status === "loading" && this.props.data.data !== undefined;
  }
}
