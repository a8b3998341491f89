/**
 * A generated portfolio for the planning benchmarks: many items of mixed demand patterns on a weekly
 * grid, saved once to disk by the runner and loaded by each measured run.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { AnalyticsConfig } from "../../analytics/config.js";
import { defaultAnalyticsConfig } from "../../analytics/config.js";
import { parsePeriod, periodLabel } from "../../analytics/periods.js";
import { createRandom } from "../../analytics/random.js";
import type { DemandMatrix, ItemMaster } from "../../analytics/types.js";
import { drawProfile, fillWeeklyDemand } from "../../connector/sources/demo/demand-profiles.js";
import type { DemandProfile } from "../../connector/sources/demo/plant.js";
import type { PlanningInput } from "../../connector/sources/planning-input.js";
import { type MetricFormat, timeSeconds } from "../case.js";

const PROFILE_MIX: ReadonlyArray<readonly [Exclude<DemandProfile, "dependent">, number]> = [
  ["smooth", 0.25],
  ["erratic", 0.15],
  ["intermittent", 0.25],
  ["lumpy", 0.2],
  ["seasonal", 0.05],
  ["new", 0.05],
  ["dead", 0.05],
];

/** `itemCount` items × `periods` ISO weeks ending 2024-W52, deterministic for a seed. */
export function generatePortfolio(itemCount: number, periods: number, seed = 1): PlanningInput {
  const random = createRandom(seed);
  const last = parsePeriod("2024-W52").ordinal;
  const periodLabels = Array.from({ length: periods }, (_, t) =>
    periodLabel(last - periods + 1 + t, "week"),
  );
  const quantities = new Float64Array(itemCount * periods);
  const skus: string[] = [];
  const items: ItemMaster[] = [];
  for (let item = 0; item < itemCount; item++) {
    const sku = `SKU-${String(item + 1).padStart(6, "0")}`;
    skus.push(sku);
    let draw = random.next();
    let profile = PROFILE_MIX[0]?.[0] ?? "smooth";
    for (const [candidate, share] of PROFILE_MIX) {
      profile = candidate;
      draw -= share;
      if (draw < 0) break;
    }
    const typicalSize = Math.round(Math.exp(Math.log(10) + random.normal()));
    const parameters = drawProfile(profile, typicalSize, periods, random);
    fillWeeklyDemand(parameters, random, quantities.subarray(item * periods, (item + 1) * periods));
    const leadTimeDays = 5 + random.int(56);
    items.push({
      sku,
      unitCost: Math.max(
        0.05,
        Math.round(Math.exp(Math.log(8) + 1.6 * random.normal()) * 100) / 100,
      ),
      leadTimeDays,
      leadTimeSdDays: Math.round(leadTimeDays * 0.3 * random.next() * 10) / 10,
      ...(random.next() < 0.3 && { minOrderQty: 10 * (1 + random.int(10)) }),
      ...(random.next() < 0.2 && { orderMultiple: [5, 10, 12, 25][random.int(4)] as number }),
      vendorCount: 1 + random.int(3),
    });
  }
  const demand: DemandMatrix = { period: "week", periodLabels, skus, quantities };
  return { demand, items };
}

/** Writes a portfolio as two files: the quantities raw, the rest as JSON. */
export function savePortfolio(input: PlanningInput, workDir: string): void {
  const { quantities, ...grid } = input.demand;
  writeFileSync(join(workDir, "quantities.f64"), quantities);
  writeFileSync(join(workDir, "portfolio.json"), JSON.stringify({ grid, items: input.items }));
}

export function loadPortfolio(workDir: string): PlanningInput {
  const raw = readFileSync(join(workDir, "quantities.f64"));
  const quantities = new Float64Array(raw.buffer, raw.byteOffset, raw.byteLength / 8);
  const { grid, items } = JSON.parse(readFileSync(join(workDir, "portfolio.json"), "utf8")) as {
    grid: Omit<DemandMatrix, "quantities">;
    items: ItemMaster[];
  };
  return { demand: { ...grid, quantities }, items };
}

/** The figures of a timed run over a saved portfolio. */
export const PORTFOLIO_METRICS: Readonly<Record<string, MetricFormat>> = {
  seconds: { label: "wall time", unit: "s", decimals: 2 },
  itemsPerSecond: { label: "throughput", unit: "SKUs/s", decimals: 0 },
  inputRssMb: { label: "RSS with input loaded", unit: "MB", decimals: 0 },
};

/** Loads the saved portfolio, then times `work` on it with the default configuration. */
export async function timePortfolioRun(
  workDir: string,
  work: (input: PlanningInput, config: AnalyticsConfig) => unknown,
): Promise<Record<string, number>> {
  const input = loadPortfolio(workDir);
  // What the input alone holds, to tell it apart from what the analytics add to the peak.
  const inputRssMb = process.memoryUsage().rss / 2 ** 20;
  const config = defaultAnalyticsConfig();
  const seconds = await timeSeconds(() => work(input, config));
  return { seconds, itemsPerSecond: input.items.length / seconds, inputRssMb };
}
