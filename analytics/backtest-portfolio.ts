import type { AnalyticsConfig } from "./config.js";
import type { BacktestReport, DemandMatrix, ItemMaster } from "./types.js";

/** Options of {@link backtestPortfolio}. */
export interface BacktestOptions {
  /** The last training period (a label of the demand's period kind); the test starts after it. */
  readonly trainUntil: string;
  /**
   * `fixed` (default): every order arrives after the item's mean lead time, rounded to whole periods.
   * `historical`: each order draws one of the item's observed lead times (`leadTimeHistoryDays`),
   * seeded by `config.bootstrap.seed`; items without a history use the fixed lead time.
   */
  readonly leadTime?: "fixed" | "historical";
  /** Called now and then with work done and work in all. */
  readonly onProgress?: (done: number, total: number) => void;
}

/**
 * Plans on the history up to `trainUntil`, then replays the following periods under the segmented
 * policy and under the uniform baseline (every item at the standard tier's service target with a
 * normal z·σ·√(L+R) safety stock), with periodic review and backorders.
 * @param demand per-period demand; row `i` is `items[i]`. Not modified.
 * @param items the item masters, aligned with `demand.skus`. Not modified.
 * @param config a parsed configuration.
 * @param options `trainUntil`, lead-time mode, progress.
 * @returns per-tier and total fill rate, cycle service, stockout periods, average inventory value,
 *   holding and ordering cost and orders, for both policies.
 * @throws {PlanInputError} as `planPortfolio`, or when `trainUntil` leaves no test period.
 */
export function backtestPortfolio(
  demand: DemandMatrix,
  items: readonly ItemMaster[],
  config: AnalyticsConfig,
  options: BacktestOptions,
): BacktestReport {
  void demand;
  void items;
  void config;
  void options;
  throw new Error("backtestPortfolio: not implemented yet");
}
