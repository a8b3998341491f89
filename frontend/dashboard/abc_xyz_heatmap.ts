/**
 * The ABC × XYZ matrix: where the items and the capital sit, by value class (rows) and demand
 * variability (columns). A cell opens the list of its products.
 */
import { Component } from "@odoo/owl";
import { ABC_CLASSES, XYZ_CLASSES } from "../../analytics/types.js";
import { DashboardCard } from "../components/dashboard_card.js";
import { formatCount, formatMoney } from "../format.js";
import { _t } from "../odoo/l10n.js";
import { type ActionService, useActionService, useOrm } from "../odoo/services.js";
import {
  cellAction,
  type Heatmap,
  type HeatmapCell,
  heatBasis,
  heatOf,
  loadHeatmap,
} from "./heatmap-data.js";
import {
  useWidgetData,
  type WidgetDataHandle,
  type WidgetProps,
  widgetPropsSchema,
} from "./use-widget-data.js";

export class AbcXyzHeatmap extends Component<WidgetProps> {
  static override template = "inventory_segmentation.AbcXyzHeatmap";
  static components = { DashboardCard };
  static override props = widgetPropsSchema;

  readonly abcClasses = ABC_CLASSES;
  readonly xyzClasses = XYZ_CLASSES;
  private action!: ActionService;
  heatmap!: WidgetDataHandle<Heatmap>;

  override setup(): void {
    const orm = useOrm();
    this.action = useActionService();
    this.heatmap = useWidgetData((scope) => loadHeatmap(orm, scope));
  }

  get title(): string {
    return _t("ABC × XYZ matrix");
  }

  get emptyText(): string {
    return _t("No segmented product yet: the connector's first run classifies them.");
  }

  get isEmpty(): boolean {
    return (this.heatmap.state.data?.itemCount ?? 0) === 0;
  }

  cellAt(abc: string, xyz: string): HeatmapCell | undefined {
    return this.heatmap.state.data?.cells.find((c) => c.abc === abc && c.xyz === xyz);
  }

  cellStyle(cell: HeatmapCell): string {
    const heatmap = this.heatmap.state.data as Heatmap;
    return `--o-segmentation-heat: ${heatOf(cell, heatmap).toFixed(3)}`;
  }

  cellTitle(cell: HeatmapCell): string {
    return _t("%(class)s: %(items)s items, %(value)s on hand. Click to list them.", {
      class: `${cell.abc}${cell.xyz}`,
      items: formatCount(cell.itemCount),
      value: this.money(cell.inventoryValue),
    });
  }

  money(amount: number): string {
    return formatMoney(amount, this.props.scope.currencyId);
  }

  count(value: number): string {
    return formatCount(value);
  }

  rowTotal(abc: string): { items: number; value: number } {
    return this.sum((cell) => cell.abc === abc);
  }

  columnTotal(xyz: string): { items: number; value: number } {
    return this.sum((cell) => cell.xyz === xyz);
  }

  get shadedByItems(): boolean {
    const heatmap = this.heatmap.state.data;
    return heatmap !== undefined && heatBasis(heatmap) === "items";
  }

  get warehouseNote(): boolean {
    return this.props.scope.warehouseId !== false;
  }

  async openCell(cell: HeatmapCell): Promise<void> {
    await this.action.doAction(cellAction(this.props.scope, cell));
  }

  private sum(keep: (cell: HeatmapCell) => boolean): { items: number; value: number } {
    const cells = this.heatmap.state.data?.cells.filter(keep) ?? [];
    return {
      items: cells.reduce((total, cell) => total + cell.itemCount, 0),
      value: cells.reduce((total, cell) => total + cell.inventoryValue, 0),
    };
  }
}
