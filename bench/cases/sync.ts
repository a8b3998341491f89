/**
 * Sync benchmarks against a live Odoo 19 seeded at medium scale (about 5,000 products; copy the
 * seeder's template: `createdb -T seed_medium sync_bench`, install the addon, serve it). Set
 * `ODOO_BENCH_URL`, `ODOO_BENCH_DB`, `ODOO_BENCH_API_KEY` (or the `ODOO_*` settings); skipped
 * without them. Every case writes to that database: use a copy.
 *
 * - `sync-full`: a first full sync, every measured run from the same start (the connector's
 *   records are cleared before each run, outside the timing).
 * - `sync-incremental`: 100 new done deliveries (outside the timing), then an incremental sync.
 * - `sync-demand-read`: the demand of every product read both ways in the same process, Odoo's
 *   grouped read against paged `search_read` of all the moves.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { shiftDay } from "../../connector/events/escalations.js";
import { readDemand } from "../../connector/extract/demand.js";
import { readExtractContext } from "../../connector/extract/extract.js";
import { readProducts } from "../../connector/extract/products.js";
import { IssueLog } from "../../connector/extract/record-issues.js";
import { readSettings } from "../../connector/extract/settings.js";
import { connectOdoo, type OdooClient, RequestStats } from "../../connector/odoo/index.js";
import { readMarker } from "../../connector/seed/index.js";
import { runSync } from "../../connector/sync/sync.js";
import { PRODUCT_SEGMENTATION_FIELDS } from "../../connector/writeback/contract-vals.js";
import { type BenchCase, timeSeconds } from "../case.js";
import { liveOdooConfig, liveOdooSkipReason } from "../live-odoo.js";

function skipReason(): string | undefined {
  return liveOdooSkipReason("a copy of seed_medium with the addon");
}

/** Runs `work` with a client on the bench database whose requests `stats` counts. */
async function withOdoo<T>(
  work: (odoo: OdooClient, stats: RequestStats) => Promise<T>,
): Promise<T> {
  const stats = new RequestStats();
  const odoo = await connectOdoo(liveOdooConfig(), { logger: stats.logger });
  try {
    return await work(odoo, stats);
  } finally {
    odoo.close();
  }
}

/** The day after the seeded history: every run plans for the same day. */
async function asOfDay(odoo: OdooClient): Promise<string> {
  const end = (await readMarker(odoo))?.endDate;
  return end ? shiftDay(end, 1) : new Date().toISOString().slice(0, 10);
}

function syncOptions(odoo: OdooClient, day: string, stateDir: string, stats: RequestStats) {
  const config = liveOdooConfig();
  return {
    asOfDay: day,
    stateDir,
    connection: { url: config.url, database: config.database },
    stats,
    odoo,
    // What `invseg sync` runs: achieved service, events and advice included.
    feedback: {},
  };
}

/** Removes what syncs wrote, so that the next sync starts as the first one does. */
async function clearConnectorRecords(odoo: OdooClient): Promise<void> {
  for (const model of [
    "inventory.segment.suggestion",
    "inventory.segment.event",
    "inventory.segment.run",
  ]) {
    const ids = await odoo.search(model, []);
    for (let start = 0; start < ids.length; start += 1000) {
      await odoo.call(model, "unlink", { ids: ids.slice(start, start + 1000) });
    }
  }
  const products = await odoo.search("product.product", [["segment_id", "!=", false]], {
    context: { active_test: false },
  });
  const cleared = Object.fromEntries(PRODUCT_SEGMENTATION_FIELDS.map((name) => [name, false]));
  await odoo.write("product.product", products, cleared, { batchSize: 1000 });
}

export const syncFullCase: BenchCase = {
  name: "sync-full",
  title: "sync: first full sync of the medium demo plant (≈5,000 products), live Odoo 19",
  skipReason,
  async measure(workDir) {
    return withOdoo(async (odoo, stats) => {
      await clearConnectorRecords(odoo);
      const before = stats.requests;
      const day = await asOfDay(odoo);
      const stateDir = join(workDir, `state-${process.pid}`);
      let products = 0;
      let written = 0;
      const seconds = await timeSeconds(async () => {
        const { odoo: client, ...options } = syncOptions(odoo, day, stateDir, stats);
        const summary = await runSync(client, { mode: "full", ...options });
        products = summary.products;
        written = summary.writes.products + summary.writes.proposals;
      });
      return { seconds, products, written, requests: stats.requests - before };
    });
  },
  metrics: {
    seconds: { label: "wall time", unit: "s", decimals: 1 },
    products: { label: "products", unit: "", decimals: 0 },
    written: { label: "rows written", unit: "", decimals: 0 },
    requests: { label: "RPC calls", unit: "", decimals: 0 },
  },
  targets: [{ metric: "seconds", atMost: 60 }],
};

/** Adds 100 done deliveries, dated now, copying recent deliveries of 100 products. */
async function addDeliveries(odoo: OdooClient, runMark: string): Promise<void> {
  const recent = await odoo.searchRead(
    "stock.move",
    [
      ["state", "=", "done"],
      ["location_usage", "=", "internal"],
      ["location_dest_usage", "=", "customer"],
    ],
    {
      fields: ["product_id", "product_uom", "location_id", "location_dest_id", "quantity"],
      order: "id desc",
      limit: 2000,
    },
  );
  const seen = new Set<number>();
  const picked = recent.filter((move) => {
    const product = (move.product_id as [number, string])[0];
    if (seen.has(product) || seen.size >= 100) return false;
    seen.add(product);
    return true;
  });
  const date = new Date().toISOString().slice(0, 19).replace("T", " ");
  const id = (value: unknown) => (value as [number, string])[0];
  await odoo.create(
    "stock.move",
    picked.map((move) => ({
      // The copied move's quantity, in its own unit.
      product_id: id(move.product_id),
      product_uom: id(move.product_uom),
      product_uom_qty: Number(move.quantity),
      location_id: id(move.location_id),
      location_dest_id: id(move.location_dest_id),
      state: "done",
      date,
      origin: `invseg-bench/${runMark}`,
      move_line_ids: [
        [
          0,
          0,
          {
            product_id: id(move.product_id),
            product_uom_id: id(move.product_uom),
            quantity: Number(move.quantity),
            location_id: id(move.location_id),
            location_dest_id: id(move.location_dest_id),
            date,
          },
        ],
      ],
    })),
    { batchSize: 100 },
  );
}

export const syncIncrementalCase: BenchCase = {
  name: "sync-incremental",
  title: "sync: incremental sync after 100 new done deliveries, medium plant, live Odoo 19",
  skipReason,
  async prepare(workDir) {
    // The runs start from a done full sync whose snapshot is in the state directory.
    return withOdoo(async (odoo, stats) => {
      mkdirSync(join(workDir, "state"), { recursive: true });
      const { odoo: client, ...options } = syncOptions(
        odoo,
        await asOfDay(odoo),
        join(workDir, "state"),
        stats,
      );
      await runSync(client, { mode: "full", ...options });
    });
  },
  async measure(workDir) {
    return withOdoo(async (odoo, stats) => {
      await addDeliveries(odoo, String(process.pid));
      const before = stats.requests;
      const day = await asOfDay(odoo);
      let affected = 0;
      let mode = 0;
      const seconds = await timeSeconds(async () => {
        const { odoo: client, ...options } = syncOptions(odoo, day, join(workDir, "state"), stats);
        const summary = await runSync(client, { mode: "incremental", ...options });
        affected = summary.affected ?? summary.products;
        mode = summary.mode === "incremental" ? 1 : 0;
      });
      return { seconds, affected, incremental: mode, requests: stats.requests - before };
    });
  },
  metrics: {
    seconds: { label: "wall time", unit: "s", decimals: 2 },
    affected: { label: "products re-read", unit: "", decimals: 0 },
    incremental: { label: "incremental (1 = yes)", unit: "", decimals: 0 },
    requests: { label: "RPC calls", unit: "", decimals: 0 },
  },
  targets: [{ metric: "seconds", atMost: 5 }],
};

export const syncDemandReadCase: BenchCase = {
  name: "sync-demand-read",
  title: "sync: demand of every product, Odoo's grouped read vs paged search_read of all moves",
  skipReason,
  async measure() {
    return withOdoo(async (odoo) => {
      const log = new IssueLog();
      const settings = await readSettings(odoo, {});
      const context = await readExtractContext(odoo, {
        settings,
        asOfDay: await asOfDay(odoo),
        log,
      });
      const { products } = await readProducts(odoo, context.scope.context, [], log, {
        withHistory: false,
      });
      const read = (mode: "grouped" | "moves") =>
        readDemand(odoo, context.scope, context.window, context.units, products, log, { mode });
      let moves = 0;
      const movesSeconds = await timeSeconds(async () => {
        moves = (await read("moves")).moveCount;
      });
      const groupedSeconds = await timeSeconds(() => read("grouped"));
      return { groupedSeconds, movesSeconds, ratio: movesSeconds / groupedSeconds, moves };
    });
  },
  metrics: {
    groupedSeconds: { label: "grouped read", unit: "s", decimals: 2 },
    movesSeconds: { label: "search_read of moves", unit: "s", decimals: 2 },
    ratio: { label: "speed-up", unit: "×", decimals: 1 },
    moves: { label: "moves", unit: "", decimals: 0 },
  },
  targets: [{ metric: "ratio", atLeast: 5 }],
};
