import type { AnalyticsConfig } from "./config.js";
import type { DemandMatrix, ItemMaster, PortfolioPlan } from "./types.js";

/** Options of {@link planPortfolio}. */
export interface PlanOptions {
  /** The last period of history to plan on, a label of the demand's period kind. Default: the last. */
  readonly asOf?: string;
  /** Called now and then with items done and items in all. */
  readonly onProgress?: (done: number, total: number) => void;
}

/**
 * Plans a portfolio: demand statistics, ABC/XYZ, Syntetos–Boylan pattern, criticality tier with
 * reason, lock and hysteresis, lead-time demand model, service targets (tier floors and the
 * allocator), reorder point, max, order quantity, and per-tier summaries and cost–service curves.
 * @param demand per-period demand; row `i` is `items[i]`. Not modified.
 * @param items the item masters, aligned with `demand.skus`. Not modified.
 * @param config a parsed configuration (`parseAnalyticsConfig`).
 * @returns one {@link ItemPlan} per item, in input order, plus tier summaries and curves.
 * @throws {PlanInputError} when items and demand do not line up, the periods differ from the
 *   configuration, `asOf` is not on the grid, or an item has an impossible field (negative cost…).
 */
export function planPortfolio(
  demand: DemandMatrix,
  items: readonly ItemMaster[],
  config: AnalyticsConfig,
  options: PlanOptions = {},
): PortfolioPlan {
  void demand;
  void items;
  void config;
  void options;
  throw new Error("planPortfolio: not implemented yet");
}
