/**
 * Demand variability against annual consumption value, one dot per product coloured by tier: the
 * expensive erratic items (top right) are where safety stock costs the most. A dot opens its
 * product.
 */
import { Component } from "@odoo/owl";
import { ChartCanvas } from "../components/chart_canvas.js";
import type { ChartTheme } from "../components/chart-library.js";
import { DashboardCard } from "../components/dashboard_card.js";
import { formatCount } from "../format.js";
import { _t } from "../odoo/l10n.js";
import { type ActionService, useActionService, useOrm } from "../odoo/services.js";
import type { TierNames } from "../tiers.js";
import {
  loadScatter,
  type ProductPoint,
  SCATTER_LIMIT,
  type ScatterData,
  scatterConfig,
} from "./scatter-data.js";
import {
  useWidgetData,
  type WidgetDataHandle,
  type WidgetProps,
  widgetPropsSchema,
} from "./use-widget-data.js";

export class DemandScatter extends Component<WidgetProps & { tierNames: TierNames }> {
  static override template = "inventory_segmentation.DemandScatter";
  static components = { DashboardCard, ChartCanvas };
  static override props = { ...widgetPropsSchema, tierNames: Object };

  private action!: ActionService;
  scatter!: WidgetDataHandle<ScatterData>;

  override setup(): void {
    const orm = useOrm();
    this.action = useActionService();
    this.scatter = useWidgetData((scope) => loadScatter(orm, scope));
  }

  get title(): string {
    return _t("Demand variability against value");
  }

  get emptyText(): string {
    return _t("No segmented product has demand yet.");
  }

  get chartLabel(): string {
    return _t(
      "Scatter of %(count)s products: demand CV against annual consumption value, by tier",
      {
        count: formatCount(this.scatter.state.data?.points.length ?? 0),
      },
    );
  }

  get pointCount(): string {
    return formatCount(this.scatter.state.data?.points.length ?? 0);
  }

  get limit(): string {
    return formatCount(SCATTER_LIMIT);
  }

  readonly buildConfig = (theme: ChartTheme) =>
    scatterConfig(this.scatter.state.data as ScatterData, theme, {
      currencyId: this.props.scope.currencyId,
      tierNames: this.props.tierNames,
      onPoint: (point) => this.openProduct(point),
    });

  async openProduct(point: ProductPoint): Promise<void> {
    await this.action.doAction({
      type: "ir.actions.act_window",
      name: point.name,
      res_model: "product.product",
      res_id: point.productId,
      views: [[false, "form"]],
    });
  }
}
