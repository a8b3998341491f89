import type { BacktestFigures, BacktestReport } from "../../analytics/index.js";

/** One row of a side-by-side backtest table: a tier (or the total) under both policies. */
export interface PolicyPair {
  readonly segmented: BacktestFigures;
  readonly uniform: BacktestFigures;
}

/** The tiers that have items, in tier order, then the total: each under both policies. */
export function policyPairs(report: BacktestReport): PolicyPair[] {
  const uniformByTier = new Map(report.baseline.tiers.map((figures) => [figures.tier, figures]));
  const pairs: PolicyPair[] = [];
  for (const segmented of report.segmented.tiers) {
    const uniform = uniformByTier.get(segmented.tier);
    if (segmented.items > 0 && uniform !== undefined) pairs.push({ segmented, uniform });
  }
  pairs.push({ segmented: report.segmented.total, uniform: report.baseline.total });
  return pairs;
}

/** The fill rate of backtest figures, or null when there was no demand to serve. */
export function served(figures: BacktestFigures): number | null {
  return figures.demand > 0 ? figures.fillRate : null;
}
