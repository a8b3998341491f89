import { planPortfolio } from "../../analytics/index.js";
import type { BenchCase } from "../case.js";
import {
  generatePortfolio,
  PORTFOLIO_METRICS,
  savePortfolio,
  timePortfolioRun,
} from "./portfolio.js";

const ITEMS = 100_000;
const PERIODS = 156;

/** The plan target: 100,000 SKUs × 156 weekly periods in ≤ 3 s. */
export const planCase: BenchCase = {
  name: "plan",
  title: `plan: ${ITEMS.toLocaleString("en-US")} SKUs × ${PERIODS} weeks of generated mixed demand (planPortfolio)`,
  prepare(workDir) {
    savePortfolio(generatePortfolio(ITEMS, PERIODS), workDir);
  },
  measure: (workDir) =>
    timePortfolioRun(workDir, ({ demand, items }, config) => planPortfolio(demand, items, config)),
  metrics: PORTFOLIO_METRICS,
  targets: [{ metric: "seconds", atMost: 3 }],
};
