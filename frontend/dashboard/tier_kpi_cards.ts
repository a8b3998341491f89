/**
 * One card per tier from the latest run: items, stock value (with its trend over the last runs),
 * service target against achieved fill rate, stockouts and carrying cost.
 */
import { Component } from "@odoo/owl";
import { DashboardCard } from "../components/dashboard_card.js";
import { Sparkline } from "../components/sparkline.js";
import { TierBadge } from "../components/tier_badge.js";
import { formatCount, formatMoney, formatShare } from "../format.js";
import { _t } from "../odoo/l10n.js";
import { useOrm } from "../odoo/services.js";
import { loadTierKpis, type TierCard, type TierKpis } from "./kpi-data.js";
import {
  useWidgetData,
  type WidgetDataHandle,
  type WidgetProps,
  widgetPropsSchema,
} from "./use-widget-data.js";

export class TierKpiCards extends Component<WidgetProps> {
  static override template = "inventory_segmentation.TierKpiCards";
  static components = { DashboardCard, Sparkline, TierBadge };
  static override props = widgetPropsSchema;

  kpis!: WidgetDataHandle<TierKpis | undefined>;

  override setup(): void {
    const orm = useOrm();
    this.kpis = useWidgetData((scope) => loadTierKpis(orm, scope));
  }

  get title(): string {
    const kpis = this.kpis.state.data;
    return kpis ? _t("Tiers in %(run)s", { run: kpis.runName }) : _t("Tiers");
  }

  get emptyText(): string {
    return this.props.scope.warehouseId === false
      ? _t("No finished run has recorded KPIs yet.")
      : _t("No finished run has recorded KPIs for this warehouse.");
  }

  money(amount: number): string {
    return formatMoney(amount, this.props.scope.currencyId);
  }

  count(value: number): string {
    return formatCount(value);
  }

  share(value: number): string {
    return formatShare(value);
  }

  trendLabel(card: TierCard): string {
    return _t("Stock value of %(tier)s over the last %(runs)s runs", {
      tier: card.name,
      runs: card.valueHistory.length,
    });
  }

  changeLabel(card: TierCard): string {
    if (card.valueChange === undefined) return "";
    const sign = card.valueChange > 0 ? "+" : "";
    return _t("%(change)s since the last run", {
      change: `${sign}${formatShare(card.valueChange)}`,
    });
  }

  /** Achieved against target: the bar's fill, and whether the target is met. */
  serviceGap(card: TierCard): { width: string; met: boolean } | undefined {
    if (card.fillRate === undefined || card.serviceTarget <= 0) return undefined;
    return {
      width: `${Math.min(100, Math.round(card.fillRate * 100))}%`,
      met: card.fillRate >= card.serviceTarget,
    };
  }

  targetPosition(card: TierCard): string {
    return `${Math.round(card.serviceTarget * 100)}%`;
  }
}
