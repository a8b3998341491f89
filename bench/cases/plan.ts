import { defaultAnalyticsConfig } from "../../analytics/config.js";
import { planPortfolio } from "../../analytics/index.js";
import { type BenchCase, timeSeconds } from "../case.js";
import { generatePortfolio, loadPortfolio, savePortfolio } from "./portfolio.js";

const ITEMS = 100_000;
const PERIODS = 156;

/** The plan target: 100,000 SKUs × 156 weekly periods in ≤ 3 s. */
export const planCase: BenchCase = {
  name: "plan",
  title: `plan: ${ITEMS.toLocaleString("en-US")} SKUs × ${PERIODS} weeks of generated mixed demand (planPortfolio)`,
  prepare(workDir) {
    savePortfolio(generatePortfolio(ITEMS, PERIODS), workDir);
  },
  async measure(workDir) {
    const { demand, items } = loadPortfolio(workDir);
    // What the input alone holds, to tell it apart from what the analytics add to the peak.
    const inputRssMb = process.memoryUsage().rss / 2 ** 20;
    const config = defaultAnalyticsConfig();
    const seconds = await timeSeconds(() => planPortfolio(demand, items, config));
    return { seconds, itemsPerSecond: ITEMS / seconds, inputRssMb };
  },
  metrics: {
    seconds: { label: "wall time", unit: "s", decimals: 2 },
    itemsPerSecond: { label: "throughput", unit: "SKUs/s", decimals: 0 },
    inputRssMb: { label: "RSS with input loaded", unit: "MB", decimals: 0 },
  },
  targets: [{ metric: "seconds", atMost: 3 }],
};
