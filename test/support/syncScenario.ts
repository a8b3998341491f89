/**
 * Helpers for the sync's stateful tests: a seeded fake Odoo with history in its segments (so a run
 * changes tiers, writes events and moves hysteresis memory), a fixed clock, and `syncedRecords`,
 * the records a sync leaves in Odoo without their ids and run links, to compare two stores.
 */
import type { OdooClientOptions } from "../../connector/odoo/index.js";
import { connectOdoo, type OdooClient, type TransportKind } from "../../connector/odoo/index.js";
import type { SyncSummary } from "../../connector/sync/summary.js";
import { runSync, type SyncOptions } from "../../connector/sync/sync.js";
import { PRODUCT_SEGMENTATION_FIELDS } from "../../connector/writeback/contract-vals.js";
import { fakeConfig, ManualClock } from "./fakeConnection.js";
import { type FakeOdoo, startFakeOdoo } from "./fakeOdoo.js";
import { type SeededPlant, seedPlant } from "./fakePlant.js";
import { segmentationStore } from "./fakeSegmentation.js";
import type { FakeStore } from "./fakeStore.js";

/** The day the scenario plans for, and its clock's start (02:00 UTC that day). */
export const SCENARIO_AS_OF = "2025-06-30";
export const SCENARIO_START_MS = Date.parse("2025-06-30T02:00:00Z");

export const stamp = (ms: number): string =>
  new Date(ms).toISOString().slice(0, 19).replace("T", " ");

export interface Scenario {
  readonly store: FakeStore;
  readonly plant: SeededPlant;
  readonly fake: FakeOdoo;
  /** A client on the fake (retries off unless asked), closed by `close`. */
  connect(
    transport?: TransportKind,
    options?: OdooClientOptions & { maxRetries?: number; timeoutMs?: number },
  ): Promise<OdooClient>;
  sync(odoo: OdooClient, options?: Partial<SyncOptions>): Promise<SyncSummary>;
  close(): Promise<void>;
}

/**
 * A seeded plant whose products already carry tiers from earlier runs: the gasket is held critical
 * two runs into a de-escalation (this run lowers it), the pump seal sits in obsolete (this run
 * raises it), the bolt is essential (raised or kept by this run).
 */
export async function startScenario(
  options: { secondWarehouse?: boolean } = {},
): Promise<Scenario> {
  const store = segmentationStore();
  // The plant was recorded the day before; the scenario's runs write an hour before their start.
  store.now = () => stamp(SCENARIO_START_MS - 86_400_000);
  const plant = seedPlant(store, { secondWarehouse: options.secondWarehouse ?? false });
  store.now = () => stamp(SCENARIO_START_MS - 3_600_000);
  const tier = (code: string) =>
    store.records("inventory.segment").find((segment) => segment.code === code)?.id;
  const set = (product: number, code: string, streak: number) =>
    store.write("product.product", [product], {
      segment_id: tier(code),
      segment_code: code,
      segment_deescalation_streak: streak,
      segment_date: "2025-01-06 02:00:00",
    });
  set(plant.products.erratic.id, "critical", 2);
  set(plant.products.intermittent.id, "obsolete", 0);
  set(plant.products.smooth.id, "essential", 1);
  const fake = await startFakeOdoo({ store });
  const clients: OdooClient[] = [];
  return {
    store,
    plant,
    fake,
    async connect(transport = "json2", clientOptions = {}) {
      const { maxRetries = 0, timeoutMs = 5_000, ...rest } = clientOptions;
      const odoo = await connectOdoo(fakeConfig(fake, transport, { maxRetries, timeoutMs }), {
        clock: new ManualClock(),
        ...rest,
      });
      clients.push(odoo);
      return odoo;
    },
    sync(odoo, syncOptions = {}) {
      return runSync(odoo, {
        mode: "full",
        stateDir: null,
        connection: { url: fake.url, database: fake.db },
        asOfDay: SCENARIO_AS_OF,
        clock: () => SCENARIO_START_MS,
        batchSize: 2,
        ...syncOptions,
      });
    },
    async close() {
      for (const client of clients) client.close();
      await fake.close();
    },
  };
}

type Row = Record<string, unknown>;

const PRODUCT_FIELDS = [...PRODUCT_SEGMENTATION_FIELDS, "segment_code", "segment_locked"];

function pick(row: Row, fields: readonly string[]): Row {
  return Object.fromEntries(fields.map((field) => [field, row[field] ?? false]));
}

function without(row: Row, fields: readonly string[]): Row {
  return Object.fromEntries(Object.entries(row).filter(([field]) => !fields.includes(field)));
}

const byJson = (a: Row, b: Row) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1);

/**
 * What a sync leaves in Odoo, comparable between two stores: product segmentation, template tags,
 * suggestions, events, reordering rules, and the KPI rows of the last done run; without record
 * ids of run-scoped records, run links and timestamps of the records themselves.
 */
export function syncedRecords(store: FakeStore): Record<string, unknown> {
  const runs = store.records("inventory.segment.run");
  const lastDone = runs.filter((run) => run.state === "done").at(-1);
  const volatile = ["id", "run_id", "create_date", "write_date", "display_name"];
  // Rules created during a run get ids in the order of creation: name them by what they are for.
  const ruleKey = new Map(
    store
      .records("stock.warehouse.orderpoint")
      .map((rule) => [rule.id, `${rule.product_id}@${rule.location_id}`]),
  );
  return {
    products: store
      .records("product.product")
      .map((row) => ({ id: row.id, ...pick(row, PRODUCT_FIELDS) })),
    templates: store
      .records("product.template")
      .map((row) => ({ id: row.id, tags: row.product_tag_ids })),
    suggestions: store
      .records("inventory.segment.suggestion")
      .map((row) => ({
        ...without(row, volatile),
        orderpoint_id: ruleKey.get(row.orderpoint_id) ?? false,
      }))
      .sort(byJson),
    events: store
      .records("inventory.segment.event")
      .map((row) => without(row, volatile))
      .sort(byJson),
    orderpoints: store
      .records("stock.warehouse.orderpoint")
      .map((row) =>
        pick(row, ["product_id", "location_id", "product_min_qty", "product_max_qty", "active"]),
      )
      .sort(byJson),
    kpis: store
      .records("inventory.segment.run.kpi")
      .filter((row) => row.run_id === lastDone?.id)
      .map((row) => without(row, volatile))
      .sort(byJson),
    // The cursor is left out: it says how far Odoo was at the read, a cut-off run's writes included.
    lastRun: lastDone
      ? pick(lastDone, ["state", "mode", "product_count", "skipped_count", "cost_service_curves"])
      : null,
  };
}
