/**
 * The reorder-rule suggestions waiting for a planner, most critical first: current against
 * suggested min/max, the value impact and the reason, with Accept and Reject for Planners (the
 * buttons are not offered to other users; the server checks the group either way).
 */
import { Component, useState } from "@odoo/owl";
import { DashboardCard } from "../components/dashboard_card.js";
import { TierBadge } from "../components/tier_badge.js";
import { formatCount, formatMoney, formatQuantity } from "../format.js";
import { _t } from "../odoo/l10n.js";
import {
  type ActionService,
  errorMessage,
  type NotificationService,
  type OrmService,
  useActionService,
  useNotifications,
  useOrm,
} from "../odoo/services.js";
import {
  type Decision,
  decide,
  loadPendingSuggestions,
  type PendingSuggestions as Pending,
  type SuggestionRow,
} from "./suggestions-data.js";
import {
  useWidgetData,
  type WidgetDataHandle,
  type WidgetProps,
  widgetPropsSchema,
} from "./use-widget-data.js";

export class PendingSuggestions extends Component<WidgetProps & { isPlanner: boolean }> {
  static override template = "inventory_segmentation.PendingSuggestions";
  static components = { DashboardCard, TierBadge };
  static override props = { ...widgetPropsSchema, isPlanner: Boolean };

  private orm!: OrmService;
  private action!: ActionService;
  private notifications!: NotificationService;
  suggestions!: WidgetDataHandle<Pending>;
  /** Suggestions whose decision is on its way to the server. */
  deciding!: { ids: number[] };

  override setup(): void {
    this.orm = useOrm();
    this.action = useActionService();
    this.notifications = useNotifications();
    this.suggestions = useWidgetData((scope) => loadPendingSuggestions(this.orm, scope));
    this.deciding = useState({ ids: [] });
  }

  get title(): string {
    const total = this.suggestions.state.data?.total;
    return total === undefined
      ? _t("Pending suggestions")
      : _t("Pending suggestions (%s)", formatCount(total));
  }

  get emptyText(): string {
    return _t("Nothing to review: every reordering rule matches its tier's policy.");
  }

  quantity(value: number): string {
    return formatQuantity(value);
  }

  impact(row: SuggestionRow): string {
    const amount = formatMoney(row.value_delta, row.currency_id ? row.currency_id.id : undefined);
    return row.value_delta > 0 ? `+${amount}` : amount;
  }

  isDeciding(row: SuggestionRow): boolean {
    return this.deciding.ids.includes(row.id);
  }

  async decide(row: SuggestionRow, decision: Decision): Promise<void> {
    this.deciding.ids.push(row.id);
    try {
      const { message, type } = await decide(this.orm, row.id, decision);
      if (message) this.notifications.add(message, { type });
      await this.suggestions.reload();
    } catch (error) {
      // An AccessError or a suggestion that cannot be applied: the server says why.
      this.notifications.add(errorMessage(error), {
        type: "danger",
        title: _t("%s was not updated", row.product_id.display_name),
      });
    } finally {
      this.deciding.ids = this.deciding.ids.filter((id) => id !== row.id);
    }
  }

  async openAll(): Promise<void> {
    await this.action.doAction("inventory_segmentation.action_inventory_segment_suggestion");
  }

  async openProduct(row: SuggestionRow): Promise<void> {
    await this.action.doAction({
      type: "ir.actions.act_window",
      name: row.product_id.display_name,
      res_model: "product.product",
      res_id: row.product_id.id,
      views: [[false, "form"]],
    });
  }
}
