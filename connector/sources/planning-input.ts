import type { AnalyticsConfig } from "../../analytics/config.js";
import type { DemandMatrix, ItemMaster } from "../../analytics/types.js";

/**
 * What every source (csv, demo, odoo) hands to the planning pipeline: demand on one period grid and
 * the item master, aligned (`items[i].sku === demand.skus[i]`).
 */
export interface PlanningInput {
  readonly demand: DemandMatrix;
  readonly items: readonly ItemMaster[];
  /**
   * The configuration the source itself holds (the odoo source: the segmentation settings in
   * Odoo), used when the user gives no configuration file.
   */
  readonly config?: AnalyticsConfig;
}
