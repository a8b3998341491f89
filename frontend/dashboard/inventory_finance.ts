/**
 * Inventory finance per tier from the latest run: stock value, excess above the policy's max and
 * carrying cost a year, with the total; a link opens the same figures in Odoo's pivot.
 */
import { Component } from "@odoo/owl";
import { DashboardCard } from "../components/dashboard_card.js";
import { TierBadge } from "../components/tier_badge.js";
import { formatMoney } from "../format.js";
import { _t } from "../odoo/l10n.js";
import { useActionService, useOrm } from "../odoo/services.js";
import { type InventoryFinance as Finance, loadInventoryFinance } from "./finance-data.js";
import {
  useWidgetData,
  type WidgetDataHandle,
  type WidgetProps,
  widgetPropsSchema,
} from "./use-widget-data.js";

/** The addon's server action behind Inventory → Reporting → Inventory Finance. */
export const FINANCE_ACTION = "inventory_segmentation.action_server_inventory_segment_finance";

export class InventoryFinance extends Component<WidgetProps> {
  static override template = "inventory_segmentation.InventoryFinance";
  static components = { DashboardCard, TierBadge };
  static override props = widgetPropsSchema;

  finance!: WidgetDataHandle<Finance | undefined>;
  private action!: ReturnType<typeof useActionService>;

  override setup(): void {
    const orm = useOrm();
    this.action = useActionService();
    this.finance = useWidgetData((scope) => loadInventoryFinance(orm, scope));
  }

  get title(): string {
    const data = this.finance.state.data;
    return data ? _t("Inventory finance in %s", data.runName) : _t("Inventory finance");
  }

  get emptyText(): string {
    return _t("No finished run has recorded stock values yet.");
  }

  money(amount: number): string {
    return formatMoney(amount, this.props.scope.currencyId);
  }

  openPivot(): void {
    void this.action.doAction(FINANCE_ACTION);
  }
}
