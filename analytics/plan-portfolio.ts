import { runPlan } from "./_lib/plan-engine.js";
import { validatePlanInput } from "./_lib/validate-input.js";
import type { AnalyticsConfig } from "./config.js";
import type { DemandMatrix, ItemMaster, PortfolioPlan } from "./types.js";

/** Options of {@link planPortfolio}. */
export interface PlanOptions {
  /** The last period of history to plan on, a label of the demand's period kind. Default: the last. */
  readonly asOf?: string;
  /** Called now and then with work done and work in all. */
  readonly onProgress?: (done: number, total: number) => void;
}

/**
 * Plans a portfolio: demand statistics, ABC/XYZ, Syntetos–Boylan pattern, criticality tier with
 * reason, lock and hysteresis, lead-time demand model, service targets (tier floors and the
 * allocator), reorder point, max, order quantity, and per-tier summaries and cost–service curves.
 *
 * Conventions a planner should know:
 * - Net returns: a period whose net demand is negative counts as a period of zero demand.
 * - The history window of an item starts at its first demand.
 * - Lead time + review period is the interval the reorder point protects; the review period is the
 *   tier's `reviewDays`, never less than one analysis period.
 * - The policy is Odoo's min/max: order up to `maxStock` when the forecast stock falls below
 *   `reorderPoint`; Max = reorder point + max(EOQ, MOQ, review-period demand), in order multiples.
 * @param demand per-period demand; row `i` is `items[i]`. Not modified.
 * @param items the item masters, aligned with `demand.skus`. Not modified.
 * @param config a parsed configuration (`parseAnalyticsConfig`).
 * @param options `asOf` and progress.
 * @returns one {@link ItemPlan} per item, in input order, plus tier summaries and curves.
 * @throws {PlanInputError} when items and demand do not line up, the periods differ from the
 *   configuration, `asOf` is not on the grid, or an item has an impossible field (negative cost…).
 * @example
 * const config = parseAnalyticsConfig({ period: "month" });
 * if (config.ok) planPortfolio(demand, items, config.config).items[0];
 * // { sku, abc, xyz, pattern, tier, serviceTarget, reorderPoint, maxStock, reason, … }
 */
export function planPortfolio(
  demand: DemandMatrix,
  items: readonly ItemMaster[],
  config: AnalyticsConfig,
  options: PlanOptions = {},
): PortfolioPlan {
  const { historyLength, introductions } = validatePlanInput(demand, items, config, options.asOf);
  const { plan } = runPlan(demand, items, config, {
    historyLength,
    introductions,
    wholePeriodLeadTimes: false,
    records: true,
    onProgress: options.onProgress,
  });
  if (plan === undefined) throw new Error("the planning engine returned no records");
  return plan;
}
