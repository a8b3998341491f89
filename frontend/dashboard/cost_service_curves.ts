/** Carrying cost against service target per tier, from the latest run that stored the curves. */
import { Component } from "@odoo/owl";
import { ChartCanvas } from "../components/chart_canvas.js";
import type { ChartTheme } from "../components/chart-library.js";
import { DashboardCard } from "../components/dashboard_card.js";
import { _t } from "../odoo/l10n.js";
import { useOrm } from "../odoo/services.js";
import type { TierNames } from "../tiers.js";
import { curvesConfig, loadCurves, type RunCurves } from "./curves-data.js";
import {
  useWidgetData,
  type WidgetDataHandle,
  type WidgetProps,
  widgetPropsSchema,
} from "./use-widget-data.js";

export class CostServiceCurves extends Component<WidgetProps & { tierNames: TierNames }> {
  static override template = "inventory_segmentation.CostServiceCurves";
  static components = { DashboardCard, ChartCanvas };
  static override props = { ...widgetPropsSchema, tierNames: Object };

  curves!: WidgetDataHandle<RunCurves | undefined>;

  override setup(): void {
    const orm = useOrm();
    this.curves = useWidgetData((scope) => loadCurves(orm, scope));
  }

  get title(): string {
    const data = this.curves.state.data;
    return data ? _t("Cost of service in %s", data.runName) : _t("Cost of service");
  }

  get emptyText(): string {
    return _t("No run has stored cost–service curves yet.");
  }

  get chartLabel(): string {
    return _t("Carrying cost per year against service target, one line per tier");
  }

  readonly buildConfig = (theme: ChartTheme) =>
    curvesConfig(this.curves.state.data as RunCurves, theme, {
      currencyId: this.props.scope.currencyId,
      tierNames: this.props.tierNames,
    });
}
