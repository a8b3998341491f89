import { defaultAnalyticsConfig } from "../../analytics/config.js";
import { backtestPortfolio } from "../../analytics/index.js";
import { type BenchCase, timeSeconds } from "../case.js";
import { generatePortfolio, loadPortfolio, savePortfolio } from "./portfolio.js";

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
  async measure(workDir) {
    const { demand, items } = loadPortfolio(workDir);
    // What the input alone holds, to tell it apart from what the analytics add to the peak.
    const inputRssMb = process.memoryUsage().rss / 2 ** 20;
    const config = defaultAnalyticsConfig();
    const trainUntil = demand.periodLabels[TRAIN_PERIODS - 1] as string;
    const seconds = await timeSeconds(() =>
      backtestPortfolio(demand, items, config, { trainUntil }),
    );
    return { seconds, itemsPerSecond: ITEMS / seconds, inputRssMb };
  },
  metrics: {
    seconds: { label: "wall time", unit: "s", decimals: 2 },
    itemsPerSecond: { label: "throughput", unit: "SKUs/s", decimals: 0 },
    inputRssMb: { label: "RSS with input loaded", unit: "MB", decimals: 0 },
  },
  targets: [{ metric: "seconds", atMost: 3 }],
};
