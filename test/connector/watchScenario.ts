/**
 * Helpers for watch mode's tests: the sync scenario's plant (dated up to yesterday, so that watch
 * mode's real clock sees it as recent history) plus a vendor whose parts arrive in 12 days, a fake
 * of the addon's advice model, the changes a plant makes while the watch runs (a late receipt, a
 * delivery waiting at an empty shelf, an edited promise), and `watchedRecords`, what watch mode
 * leaves in Odoo in a form two stores can be compared by.
 */
import type { ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { connectOdoo, type OdooClient } from "../../connector/odoo/index.js";
import type { SyncSummary } from "../../connector/sync/summary.js";
import { runSync } from "../../connector/sync/sync.js";
import { contract } from "../../manifest/contract.js";
import { spawnChild } from "../support/childProcess.js";
import { fakeConfig } from "../support/fakeConnection.js";
import { type FakeOdoo, startFakeOdoo } from "../support/fakeOdoo.js";
import { dayAfter, type SeededPlant, seedPlant } from "../support/fakePlant.js";
import { FakeOdooFailure } from "../support/fakeResponses.js";
import { segmentationStore } from "../support/fakeSegmentation.js";
import type { FakeField, FakeStore } from "../support/fakeStore.js";

type Row = Record<string, unknown>;

export const stampOf = (ms: number): string =>
  new Date(ms).toISOString().slice(0, 19).replace("T", " ");

/** The component bought from the vendor whose lead time is about to stretch. */
export interface ShiftingVendor {
  readonly vendor: number;
  readonly product: number;
  readonly templateId: number;
  readonly supplierInfo: number;
}

export interface WatchScenario {
  readonly store: FakeStore;
  readonly plant: SeededPlant;
  readonly shifting: ShiftingVendor;
  readonly fake: FakeOdoo;
  /** The state directory the sync and the watch share. */
  readonly stateDir: string;
  readonly today: string;
  connect(options?: { maxRetries?: number }): Promise<OdooClient>;
  /** The full sync a watch starts after (with the feedback loop, as `invseg sync` runs it). */
  sync(): Promise<SyncSummary>;
  /** A receipt of `product` from the shifting vendor validated now, `leadTimeDays` after its order. */
  receiveLate(leadTimeDays: number, quantity?: number): number;
  /** A delivery of `product` confirmed now, waiting: its stock is at zero. */
  waitAtEmptyShelf(product: number, quantity: number): number;
  /** The shifting vendor's promised delay edited now. */
  promise(delayDays: number): void;
  /** `invseg watch`'s loop in a child process (see `watchChild.ts`); its log lines collected. */
  spawnWatch(extra?: Record<string, unknown>): WatchProcess;
  close(): Promise<void>;
}

export interface WatchProcess {
  readonly child: ChildProcess;
  /** Parsed JSON log lines so far. */
  readonly lines: Row[];
  /** Resolves with the exit code (or the signal's name). */
  readonly exited: Promise<number | string>;
}

/** Fields of the addon's advice model, from the contract. */
function adviceFields(): Record<string, FakeField> {
  const fields: Record<string, FakeField> = {};
  for (const [name, spec] of Object.entries(contract.models["inventory.segment.advice"].fields)) {
    const field = spec as { type: FakeField["type"]; relation?: string };
    fields[name] = {
      type: field.type,
      ...(field.relation !== undefined && { relation: field.relation }),
    };
  }
  return fields;
}

/** The advice model with `record_advice` as the addon has it (idempotent by key, supersedes). */
function defineAdvice(store: FakeStore): void {
  store.define("inventory.segment.advice", {
    fields: adviceFields(),
    methods: {
      record_advice: {
        model: true,
        params: ["vals_list"],
        run: ({ store: self, kwargs }) =>
          (kwargs.vals_list as Row[]).map((vals) => {
            const all = self.records("inventory.segment.advice");
            const known = all.find((row) => row.dedup_key === vals.dedup_key);
            if (known) return known.id;
            if (vals.proposed_value === undefined)
              throw new FakeOdooFailure("validation", "Advice lacks proposed_value.");
            const same = (row: Row) =>
              row.kind === vals.kind &&
              row.parameter === vals.parameter &&
              (row.segment_id || false) === (vals.segment_id || false);
            if (
              all.some(
                (row) =>
                  same(row) &&
                  row.state === "dismissed" &&
                  row.proposed_value === vals.proposed_value,
              )
            )
              return false;
            const pending = all.filter((row) => same(row) && row.state === "pending");
            if (pending.length > 0)
              self.write(
                "inventory.segment.advice",
                pending.map((row) => row.id as number),
                {
                  state: "superseded",
                },
              );
            return self.create("inventory.segment.advice", [{ ...vals, state: "pending" }])[0];
          }),
      },
    },
  });
}

export async function startWatchScenario(): Promise<WatchScenario> {
  const store = segmentationStore();
  defineAdvice(store);
  const today = new Date().toISOString().slice(0, 10);
  const plant = seedPlant(store, { lastDay: dayAfter(today, -1) });
  const { builder } = plant;
  const vendor = builder.vendor("Shifting Alloys");
  const part = builder.product({ name: "Cast housing", code: "HOUSING-C", cost: 55 });
  const supplierInfo = builder.vendorLine({ vendor, templateId: part.templateId, delay: 12 });
  builder.bom(plant.products.finished.templateId, [part.id]);
  const first = dayAfter(today, -700);
  for (let order = 0; order < 24; order++) {
    const orderedOn = dayAfter(first, order * 28);
    builder.receipt({
      product: part.id,
      vendor,
      orderedOn,
      promisedOn: dayAfter(orderedOn, 12),
      receivedOn: dayAfter(orderedOn, 11 + (order % 3)),
      quantity: 50,
    });
  }
  for (let offset = 0; offset < 700; offset += 3) {
    builder.move({
      product: part.id,
      from: builder.ids.stock,
      to: builder.ids.production,
      day: dayAfter(first, offset),
      quantity: 6,
    });
  }
  builder.quant(part.id, 30);
  const fake = await startFakeOdoo({ store });
  const stateDir = mkdtempSync(join(tmpdir(), "invseg-watch-"));
  const clients: OdooClient[] = [];
  const children: ChildProcess[] = [];
  const quantOf = (product: number) =>
    store.records("stock.quant").find((quant) => quant.product_id === product);
  // Changes are dated at fixed times of today, so that two scenarios compare record for record
  // (their write dates are the real time, which is what watch mode polls by).
  const connect = async (options: { maxRetries?: number } = {}) => {
    const odoo = await connectOdoo(
      fakeConfig(fake, "json2", { maxRetries: options.maxRetries ?? 0 }),
    );
    clients.push(odoo);
    return odoo;
  };
  let changes = 0;
  const changeTime = () => Date.parse(`${today}T06:00:00Z`) + 60_000 * changes++;
  return {
    store,
    plant,
    shifting: { vendor, product: part.id, templateId: part.templateId, supplierInfo },
    fake,
    stateDir,
    today,
    connect,
    async sync() {
      const odoo = await connect();
      return runSync(odoo, {
        mode: "full",
        stateDir,
        connection: { url: fake.url, database: fake.db },
        feedback: {},
      });
    },
    receiveLate(leadTimeDays, quantity = 50) {
      const now = changeTime();
      const [line] = store.insert("purchase.order.line", [
        {
          partner_id: vendor,
          product_id: part.id,
          date_approve: stampOf(now - leadTimeDays * 86_400_000),
          date_planned: stampOf(now - (leadTimeDays - 12) * 86_400_000),
          product_qty: quantity,
        },
      ]);
      const [move] = store.insert("stock.move", [
        {
          product_id: part.id,
          product_uom: builder.ids.units,
          quantity,
          product_uom_qty: quantity,
          date: stampOf(now),
          state: "done",
          location_id: builder.ids.supplier,
          location_dest_id: builder.ids.stock,
          location_usage: "supplier",
          location_dest_usage: "internal",
          is_inventory: false,
          purchase_line_id: line,
          company_id: 1,
        },
      ]);
      const quant = quantOf(part.id);
      if (quant)
        store.write("stock.quant", [quant.id as number], {
          quantity: (quant.quantity as number) + quantity,
        });
      return move as number;
    },
    waitAtEmptyShelf(product, quantity) {
      const quant = quantOf(product);
      if (quant) store.write("stock.quant", [quant.id as number], { quantity: 0 });
      const [move] = store.insert("stock.move", [
        {
          product_id: product,
          product_uom: builder.ids.units,
          quantity: 0,
          product_uom_qty: quantity,
          date: stampOf(changeTime()),
          state: "confirmed",
          location_id: builder.ids.stock,
          location_dest_id: builder.ids.customer,
          location_usage: "internal",
          location_dest_usage: "customer",
          is_inventory: false,
          purchase_line_id: false,
          company_id: 1,
        },
      ]);
      return move as number;
    },
    promise(delayDays) {
      store.write("product.supplierinfo", [supplierInfo], { delay: delayDays });
    },
    spawnWatch(extra = {}) {
      const child = spawnChild(
        new URL("./watchChild.ts", import.meta.url),
        "WATCH_CHILD",
        { url: fake.url, database: fake.db, apiKey: fake.apiKey, stateDir, ...extra },
        ["ignore", "pipe", "pipe"],
      );
      children.push(child);
      const lines: Row[] = [];
      let buffer = "";
      child.stdout?.on("data", (chunk: Buffer) => {
        buffer += chunk.toString("utf8");
        let newline = buffer.indexOf("\n");
        while (newline >= 0) {
          const line = buffer.slice(0, newline);
          buffer = buffer.slice(newline + 1);
          if (line.trim()) lines.push(JSON.parse(line) as Row);
          newline = buffer.indexOf("\n");
        }
      });
      let errors = "";
      child.stderr?.on("data", (chunk: Buffer) => {
        errors += chunk.toString("utf8");
      });
      const exited = new Promise<number | string>((resolve) =>
        child.once("exit", (code, signal) => {
          if (code !== 0 && signal === null && errors) process.stderr.write(errors);
          resolve(code ?? signal ?? "unknown");
        }),
      );
      return { child, lines, exited };
    },
    async close() {
      for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
      for (const client of clients) client.close();
      await fake.close();
      rmSync(stateDir, { recursive: true, force: true });
    },
  };
}

/** Waits until `condition` holds (polling every 20 ms). */
export async function waitFor(
  condition: () => boolean,
  timeoutMs: number,
  what = "the condition",
): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const byJson = (a: Row, b: Row) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1);

function pick(row: Row, fields: readonly string[]): Row {
  return Object.fromEntries(fields.map((field) => [field, row[field] ?? false]));
}

/**
 * What watch mode leaves in Odoo, comparable between two stores: each product's segmentation
 * (without `segment_date`, the moment a cycle ran), template tags, events by dedup key (without
 * date and run), pending and accepted suggestions, and reordering rules.
 */
export function watchedRecords(store: FakeStore): Record<string, unknown> {
  const products = store
    .records("product.product")
    .map((row) =>
      pick(row, [
        "id",
        "segment_id",
        "abc_class",
        "xyz_class",
        "criticality_score",
        "segment_reason",
        "segment_deescalation_streak",
        "lead_time_mean_days",
        "lead_time_sd_days",
      ]),
    );
  const events = store
    .records("inventory.segment.event")
    .map((row) => ({
      ...pick(row, [
        "kind",
        "severity",
        "product_id",
        "partner_id",
        "message",
        "metric_values",
        "new_segment_id",
      ]),
      // A segment change's key ends with the date its old tier was set: the sync's, run at another time.
      dedup_key: String(row.dedup_key).replace(/:\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/, ":<since>"),
    }))
    .sort(byJson);
  const suggestions = store
    .records("inventory.segment.suggestion")
    .map((row) =>
      pick(row, [
        "product_id",
        "location_id",
        "state",
        "suggested_min",
        "suggested_max",
        "segment_id",
        "reason",
      ]),
    )
    .sort(byJson);
  const orderpoints = store
    .records("stock.warehouse.orderpoint")
    .map((row) => pick(row, ["product_id", "location_id", "product_min_qty", "product_max_qty"]))
    .sort(byJson);
  const templates = store
    .records("product.template")
    .map((row) => ({ id: row.id, tags: row.product_tag_ids }));
  return { products, templates, events, suggestions, orderpoints };
}
