import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { join } from "node:path";
import { parsePeriod, periodLabel } from "../../analytics/periods.js";
import { createRandom } from "../../analytics/random.js";
import { loadCsvInput } from "../../connector/sources/csv/index.js";
import { type BenchCase, timeSeconds } from "../case.js";

const SKUS = 100_000;
const WEEKS = 52;
const ROWS = SKUS * WEEKS;

/** The ingest target: ≥ 1M demand rows/s, on a 5.2M-row demand.csv (plus its items.csv). */
export const csvIngestCase: BenchCase = {
  name: "csv-ingest",
  title: `csv ingest: demand.csv of ${ROWS.toLocaleString("en-US")} rows (${SKUS.toLocaleString("en-US")} SKUs × ${WEEKS} weeks) + items.csv (loadCsvInput)`,
  async prepare(workDir) {
    const random = createRandom(3);
    const first = parsePeriod("2024-W01").ordinal;
    const labels = Array.from({ length: WEEKS }, (_, week) => periodLabel(first + week, "week"));
    const items = createWriteStream(join(workDir, "items.csv"));
    const demand = createWriteStream(join(workDir, "demand.csv"));
    items.write("sku,unit_cost,lead_time_days\n");
    demand.write("sku,period,quantity\n");
    for (let sku = 0; sku < SKUS; sku++) {
      const code = `SKU-${String(sku + 1).padStart(6, "0")}`;
      items.write(`${code},${(random.next() * 500).toFixed(2)},${7 + random.int(50)}\n`);
      let chunk = "";
      for (const label of labels) chunk += `${code},${label},${random.int(40)}\n`;
      if (!demand.write(chunk)) await once(demand, "drain");
    }
    items.end();
    demand.end();
    await Promise.all([once(items, "finish"), once(demand, "finish")]);
  },
  async measure(workDir) {
    const seconds = await timeSeconds(() =>
      loadCsvInput({
        demandPath: join(workDir, "demand.csv"),
        itemsPath: join(workDir, "items.csv"),
      }),
    );
    return { seconds, rowsPerSecond: ROWS / seconds };
  },
  metrics: {
    seconds: { label: "wall time", unit: "s", decimals: 2 },
    rowsPerSecond: { label: "ingest rate", unit: "rows/s", decimals: 0 },
  },
  targets: [{ metric: "rowsPerSecond", atLeast: 1_000_000 }],
};
