/** What was wrong with the input of a plan or backtest. */
export type PlanInputCode =
  | "items-mismatch"
  | "bad-item"
  | "bad-demand"
  | "period-mismatch"
  | "unknown-period"
  | "too-little-history";

/**
 * Thrown by `planPortfolio` and `backtestPortfolio` on input they cannot plan: the message names
 * the SKU and field, `sku` and `field` carry them for callers that map them to file lines.
 */
export class PlanInputError extends Error {
  override readonly name = "PlanInputError";
  constructor(
    readonly code: PlanInputCode,
    message: string,
    readonly sku?: string,
    readonly field?: string,
  ) {
    super(message);
  }
}
