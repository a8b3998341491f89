import { backtestPortfolio } from "../../analytics/index.js";
import type { BenchCase } from "../case.js";
import {
  generatePortfolio,
  PORTFOLIO_METRICS,
  savePortfolio,
  timePortfolioRun,
} from "./portfolio.js";

const ITEMS = 100_000;
const TRAIN_PERIODS = 104;
const TEST_PERIODS = 52;

/**
 * The backtest target: 100,000 SKUs replayed over 52 weekly periods in ≤ 3 s (planning on
 * the 104 training weeks included), both the segmented and the uniform policy.
 */
export const backtestCase: BenchCase = {
  name: "backtest",
  title:
    `backtest: ${ITEMS.toLocaleString("en-US")} SKUs × ${TEST_PERIODS} weeks replayed ` +
    `after ${TRAIN_PERIODS} training weeks, segmented + uniform (backtestPortfolio)`,
  prepare(workDir) {
    savePortfolio(generatePortfolio(ITEMS, TRAIN_PERIODS + TEST_PERIODS, 2), workDir);
  },
  measure: (workDir) =>
    timePortfolioRun(workDir, ({ demand, items }, config) =>
      backtestPortfolio(demand, items, config, {
        trainUntil: demand.periodLabels[TRAIN_PERIODS - 1] as string,
      }),
    ),
  metrics: PORTFOLIO_METRICS,
  targets: [{ metric: "seconds", atMost: 3 }],
};
