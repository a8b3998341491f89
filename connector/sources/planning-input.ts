import type { DemandMatrix, ItemMaster } from "../../analytics/types.js";

/**
 * What every source (csv, demo, odoo) hands to the planning pipeline: demand on one period grid and
 * the item master, aligned (`items[i].sku === demand.skus[i]`).
 */
export interface PlanningInput {
  readonly demand: DemandMatrix;
  readonly items: readonly ItemMaster[];
}
