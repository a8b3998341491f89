/**
 * The ABC × XYZ matrix: items and stock value per cell, in one grouped read of the segmented
 * products, and the product list a cell opens.
 */
import { ABC_CLASSES, type AbcClass, XYZ_CLASSES, type XyzClass } from "../../analytics/types.js";
import type { Domain } from "../odoo/domain.js";
import { _t } from "../odoo/l10n.js";
import type { OrmService, WindowAction } from "../odoo/services.js";
import { type DashboardScope, segmentedProductsDomain } from "./scope.js";

export interface HeatmapCell {
  readonly abc: AbcClass;
  readonly xyz: XyzClass;
  readonly itemCount: number;
  /** On-hand value (`product.product.inventory_value`, written by the connector). */
  readonly inventoryValue: number;
}

export interface Heatmap {
  /** Nine cells, rows A to C, columns X to Z. */
  readonly cells: readonly HeatmapCell[];
  /** Segmented products the connector left without an ABC or XYZ class (no demand history). */
  readonly unclassifiedCount: number;
  readonly itemCount: number;
  readonly inventoryValue: number;
}

/** One group of `formatted_read_group` on `abc_class`, `xyz_class`. */
export interface ClassGroup {
  readonly abc_class: AbcClass | false;
  readonly xyz_class: XyzClass | false;
  readonly __count: number;
  readonly "inventory_value:sum": number | false;
}

export const HEATMAP_GROUPBY = ["abc_class", "xyz_class"] as const;
export const HEATMAP_AGGREGATES = ["__count", "inventory_value:sum"] as const;

export async function loadHeatmap(orm: OrmService, scope: DashboardScope): Promise<Heatmap> {
  const groups = await orm.formattedReadGroup<ClassGroup>(
    "product.product",
    segmentedProductsDomain(scope),
    HEATMAP_GROUPBY,
    HEATMAP_AGGREGATES,
  );
  return heatmapFromGroups(groups);
}

export function heatmapFromGroups(groups: readonly ClassGroup[]): Heatmap {
  const cells: HeatmapCell[] = [];
  for (const abc of ABC_CLASSES) {
    for (const xyz of XYZ_CLASSES) {
      const group = groups.find((g) => g.abc_class === abc && g.xyz_class === xyz);
      cells.push({
        abc,
        xyz,
        itemCount: group?.__count ?? 0,
        inventoryValue: group?.["inventory_value:sum"] || 0,
      });
    }
  }
  const unclassifiedCount = groups
    .filter((g) => g.abc_class === false || g.xyz_class === false)
    .reduce((sum, g) => sum + g.__count, 0);
  return {
    cells,
    unclassifiedCount,
    itemCount: cells.reduce((sum, cell) => sum + cell.itemCount, 0) + unclassifiedCount,
    inventoryValue: groups.reduce((sum, g) => sum + (g["inventory_value:sum"] || 0), 0),
  };
}

/** The segmented products of one cell. */
export function cellDomain(
  scope: DashboardScope,
  abc: AbcClass,
  xyz: XyzClass,
): Domain<"product.product"> {
  return [...segmentedProductsDomain(scope), ["abc_class", "=", abc], ["xyz_class", "=", xyz]];
}

/** The planner's product list (segment, classes, metrics) filtered on one cell. */
export function cellAction(scope: DashboardScope, cell: HeatmapCell): WindowAction {
  return {
    type: "ir.actions.act_window",
    name: _t("%(abc)s%(xyz)s products", { abc: cell.abc, xyz: cell.xyz }),
    res_model: "product.product",
    views: [
      [false, "list"],
      [false, "form"],
    ],
    domain: cellDomain(scope, cell.abc, cell.xyz),
    context: {
      list_view_ref: "inventory_segmentation.product_product_view_list_segmentation",
      search_view_ref: "stock.stock_product_search_form_view",
    },
  };
}

/** What the shading shows: stock value, or item counts while no value has been recorded. */
export function heatBasis(heatmap: Heatmap): "value" | "items" {
  return heatmap.inventoryValue > 0 ? "value" : "items";
}

/**
 * How strongly a cell is shaded, 0–1, by its share of the largest cell; the square root keeps
 * small cells visible next to one dominant cell.
 */
export function heatOf(cell: HeatmapCell, heatmap: Heatmap): number {
  const measure =
    heatBasis(heatmap) === "value"
      ? (c: HeatmapCell) => c.inventoryValue
      : (c: HeatmapCell) => c.itemCount;
  const largest = Math.max(...heatmap.cells.map(measure));
  const own = measure(cell);
  if (largest <= 0 || own <= 0) return 0;
  return Math.max(0.06, Math.sqrt(own / largest));
}
