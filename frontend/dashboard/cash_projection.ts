/**
 * The latest run's 13-week cash projection: inventory investment under today's reordering rules
 * against every pending suggestion accepted, and what the gap means in one sentence.
 */
import { Component } from "@odoo/owl";
import { ChartCanvas } from "../components/chart_canvas.js";
import type { ChartTheme } from "../components/chart-library.js";
import { DashboardCard } from "../components/dashboard_card.js";
import { formatMoney } from "../format.js";
import { _t } from "../odoo/l10n.js";
import { useOrm } from "../odoo/services.js";
import {
  cashConfig,
  cashGap,
  loadCashProjection,
  type CashProjection as Projection,
} from "./finance-data.js";
import {
  useWidgetData,
  type WidgetDataHandle,
  type WidgetProps,
  widgetPropsSchema,
} from "./use-widget-data.js";

export class CashProjection extends Component<WidgetProps> {
  static override template = "inventory_segmentation.CashProjection";
  static components = { DashboardCard, ChartCanvas };
  static override props = widgetPropsSchema;

  projection!: WidgetDataHandle<Projection | undefined>;

  override setup(): void {
    const orm = useOrm();
    this.projection = useWidgetData((scope) => loadCashProjection(orm, scope));
  }

  get title(): string {
    return _t("Cash projection, next 13 weeks");
  }

  get emptyText(): string {
    return _t("No run has projected the inventory investment yet.");
  }

  get chartLabel(): string {
    return _t("Inventory value per week under today's rules and with every suggestion accepted");
  }

  /** "Accepting the pending suggestions ties up € 1.2M by 2027-02-24." */
  get gapText(): string {
    const data = this.projection.state.data;
    if (!data) return "";
    const gap = cashGap(data);
    const amount = formatMoney(Math.abs(gap), this.props.scope.currencyId);
    const date = data.dates.at(-1) ?? "";
    if (Math.abs(gap) < 0.5)
      return _t("Accepting the pending suggestions changes nothing by %s.", date);
    return gap > 0
      ? _t("Accepting the pending suggestions ties up %(amount)s by %(date)s.", { amount, date })
      : _t("Accepting the pending suggestions releases %(amount)s by %(date)s.", { amount, date });
  }

  readonly buildConfig = (theme: ChartTheme) =>
    cashConfig(this.projection.state.data as Projection, theme, {
      currencyId: this.props.scope.currencyId,
    });
}
