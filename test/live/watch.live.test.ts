/**
 * Watch mode against a real Odoo 19 with the addon (runs only when ODOO_URL is set), on the seeded
 * small plant, whose vendor V0001 stretched from 12 to 27 days mid-history without anyone noticing
 * (`invseg sync` does not run the detectors):
 *
 * 1. sync once, start `invseg watch --interval 30` as its own process;
 * 2. in Odoo, a purchase order to V0001 is created and confirmed (ordered 32 days ago, promised 20
 *    days ago: back-dated, as the seeder does, since nobody waits a month), and its receipt is
 *    validated now — 20 days late. The suite measures the time from the validation until the part's
 *    tier, its template's tag, an event and a new suggestion (or the auto-applied rule) change;
 * 3. kill -9 the watch in the middle of a cycle (a delivery waiting at an empty shelf), make
 *    another such change while it is down, restart it: each change leaves its event and suggestion
 *    once, the dead run is closed, the new one resumed its cursor.
 *
 *   createdb -T seed_small watch_live && odoo-bin … -d watch_live -u inventory_segmentation --stop-after-init
 *   /work/brief/odoo-serve start 8160 watch_live
 *   ODOO_URL=http://127.0.0.1:8160 ODOO_DB=watch_live ODOO_API_KEY=$(cat /work/brief/keys/seed_small.key) \
 *     ODOO_USER=admin npx vitest run test/live/watch.live.test.ts
 *
 * The figures are printed (WATCH_LATENCY …).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import {
  connectOdoo,
  loadConnectionConfig,
  type OdooClient,
  type OdooRecord,
} from "../../connector/odoo/index.js";
import { runSync } from "../../connector/sync/sync.js";
import { expectAddonInstalled, idOf, live } from "./live-odoo.js";

const DAY_MS = 86_400_000;
const stampOf = (ms: number) => new Date(ms).toISOString().slice(0, 19).replace("T", " ");

let odoo: OdooClient;
let stateDir: string;
let watch: WatchChild | undefined;

interface WatchChild {
  readonly child: ChildProcess;
  readonly lines: Record<string, unknown>[];
  readonly exited: Promise<number | string>;
}

/** `invseg watch` as a process of its own, its JSON log lines collected. */
function startWatch(interval: number): WatchChild {
  const child = spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      "connector/cli/invseg.ts",
      "watch",
      "--interval",
      String(interval),
      "--state-dir",
      stateDir,
    ],
    { env: process.env, stdio: ["ignore", "pipe", "inherit"] },
  );
  const lines: Record<string, unknown>[] = [];
  let buffer = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    buffer += chunk.toString("utf8");
    for (let newline = buffer.indexOf("\n"); newline >= 0; newline = buffer.indexOf("\n")) {
      const line = buffer.slice(0, newline);
      buffer = buffer.slice(newline + 1);
      if (line.trim()) lines.push(JSON.parse(line) as Record<string, unknown>);
    }
  });
  const exited = new Promise<number | string>((resolve) =>
    child.once("exit", (code, signal) => resolve(code ?? signal ?? "unknown")),
  );
  return { child, lines, exited };
}

async function until<T>(
  probe: () => Promise<T | undefined>,
  timeoutMs: number,
  what: string,
): Promise<T> {
  const started = Date.now();
  for (;;) {
    const found = await probe();
    if (found !== undefined) return found;
    if (Date.now() - started > timeoutMs)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** The part of V0001 most likely to escalate: preferred vendor V0001, highest score below critical. */
async function stretchedPart(vendorId: number): Promise<OdooRecord> {
  const lines = await odoo.searchRead(
    "product.supplierinfo",
    [
      ["partner_id", "=", vendorId],
      ["sequence", "=", 1],
    ],
    { fields: ["product_tmpl_id"] },
  );
  const parts = await odoo.searchRead(
    "product.product",
    [
      ["product_tmpl_id", "in", lines.map((line) => idOf(line.product_tmpl_id))],
      ["segment_code", "in", ["essential", "standard"]],
    ],
    {
      fields: [
        "default_code",
        "segment_id",
        "criticality_score",
        "product_tmpl_id",
        "uom_id",
        "standard_price",
      ],
    },
  );
  parts.sort((a, b) => Number(b.criticality_score) - Number(a.criticality_score));
  const [part] = parts;
  if (!part) throw new Error("V0001 is the preferred vendor of no essential or standard part");
  return part;
}

/** A purchase order to `vendorId` ordered 32 days ago, promised 20 days ago, received now. */
async function receiveTwentyDaysLate(vendorId: number, part: OdooRecord): Promise<number> {
  const now = Date.now();
  const [orderId] = await odoo.create("purchase.order", [
    {
      partner_id: vendorId,
      date_order: stampOf(now - 32 * DAY_MS),
      order_line: [
        [
          0,
          0,
          {
            product_id: part.id,
            product_qty: 20,
            product_uom_id: idOf(part.uom_id),
            price_unit: Number(part.standard_price),
            date_planned: stampOf(now - 20 * DAY_MS),
          },
        ],
      ],
    },
  ]);
  await odoo.call("purchase.order", "button_confirm", { ids: [orderId as number] });
  // Confirmed "32 days ago": Odoo stamps the confirmation now, so it is written back.
  await odoo.write("purchase.order", [orderId as number], {
    date_approve: stampOf(now - 32 * DAY_MS),
  });
  const [order] = await odoo.read("purchase.order", [orderId as number], {
    fields: ["picking_ids"],
  });
  await odoo.call("stock.picking", "button_validate", { ids: order?.picking_ids as number[] });
  return Date.now();
}

/** A delivery of `productId` confirmed at WH with nothing on hand: demand waiting at an empty shelf. */
async function waitAtEmptyShelf(productId: number, quantity: number): Promise<number> {
  const [type] = await odoo.searchRead("stock.picking.type", [["code", "=", "outgoing"]], {
    fields: ["default_location_src_id", "default_location_dest_id"],
    limit: 1,
  });
  const [pickingId] = await odoo.create("stock.picking", [
    {
      picking_type_id: type?.id,
      location_id: idOf(type?.default_location_src_id),
      location_dest_id: idOf(type?.default_location_dest_id),
      move_ids: [
        [
          0,
          0,
          {
            product_id: productId,
            product_uom_qty: quantity,
            location_id: idOf(type?.default_location_src_id),
            location_dest_id: idOf(type?.default_location_dest_id),
          },
        ],
      ],
    },
  ]);
  await odoo.call("stock.picking", "action_confirm", { ids: [pickingId as number] });
  return pickingId as number;
}

/** Storable planned products without stock at WH/Stock, most demanded first. */
async function emptyShelves(count: number): Promise<number[]> {
  const stocked = await odoo.formattedReadGroup(
    "stock.quant",
    [
      ["location_id.usage", "=", "internal"],
      ["quantity", ">", 0],
    ],
    ["product_id"],
    ["quantity:sum"],
  );
  const withStock = new Set(stocked.map((group) => idOf(group.product_id)));
  const products = await odoo.searchRead(
    "product.product",
    [
      ["segment_id", "!=", false],
      ["avg_daily_demand", ">", 0],
    ],
    { fields: ["avg_daily_demand"], order: "id" },
  );
  return products
    .filter((product) => !withStock.has(product.id))
    .sort((a, b) => Number(b.avg_daily_demand) - Number(a.avg_daily_demand))
    .slice(0, count)
    .map((product) => product.id);
}

live("live Odoo: watch mode escalates a stretched vendor's parts within a poll", () => {
  beforeAll(async () => {
    odoo = await connectOdoo(loadConnectionConfig(process.env));
    await expectAddonInstalled(odoo, "install the addon");
    stateDir = mkdtempSync(join(tmpdir(), "invseg-watch-live-"));
    const config = loadConnectionConfig(process.env);
    // Sync once, as `invseg sync` does (no detectors: the old shift is not news yet).
    await runSync(odoo, {
      mode: "full",
      stateDir,
      connection: { url: config.url, database: config.database },
      feedback: {},
    });
    watch = startWatch(30);
    await until(
      async () => watch?.lines.find((line) => line.event === "started"),
      120_000,
      "the watch to start",
    );
  }, 600_000);
  afterAll(async () => {
    if (watch && watch.child.exitCode === null) {
      watch.child.kill("SIGTERM");
      await watch.exited;
    }
    odoo?.close();
    if (stateDir) rmSync(stateDir, { recursive: true, force: true });
  });

  it("from a receipt 20 days late to the escalated tier, tag, event and suggestion in ≤ 60 s", async () => {
    const [vendor] = await odoo.searchRead("res.partner", [["ref", "=", "V0001"]], {
      fields: ["name"],
    });
    expect(vendor, "the seeded plant's vendor V0001").toBeDefined();
    const part = await stretchedPart(vendor?.id as number);
    const templateId = idOf(part.product_tmpl_id);
    const tagsOf = async () =>
      JSON.stringify(
        (await odoo.read("product.template", [templateId], { fields: ["product_tag_ids"] }))[0]
          ?.product_tag_ids,
      );
    const tagsBefore = await tagsOf();
    const validated = await receiveTwentyDaysLate(vendor?.id as number, part);
    // Records of the watch's cycle, not of the sync a few seconds before (Odoo stamps by the second).
    const since = stampOf(validated - 1_000);
    const elapsed = () => Date.now() - validated;
    const latency: Record<string, number> = {};
    await until(
      async () => {
        const [now] = await odoo.read("product.product", [part.id], { fields: ["segment_id"] });
        if (latency.tier === undefined && idOf(now?.segment_id) !== idOf(part.segment_id))
          latency.tier = elapsed();
        if (latency.tag === undefined && (await tagsOf()) !== tagsBefore) latency.tag = elapsed();
        if (
          latency.event === undefined &&
          (await odoo.searchCount("inventory.segment.event", [
            ["create_date", ">=", since],
            "|",
            ["partner_id", "=", vendor?.id as number],
            ["product_id", "=", part.id],
          ])) > 0
        )
          latency.event = elapsed();
        if (
          latency.suggestion === undefined &&
          (await odoo.searchCount("inventory.segment.suggestion", [
            ["product_id", "=", part.id],
            ["create_date", ">=", since],
          ])) > 0
        )
          latency.suggestion = elapsed();
        return Object.keys(latency).length === 4 ? latency : undefined;
      },
      120_000,
      "tier, tag, event and suggestion",
    );
    const [shift] = await odoo.searchRead(
      "inventory.segment.event",
      [
        ["kind", "=", "lead_time_shift"],
        ["partner_id", "=", vendor?.id as number],
      ],
      { fields: ["message", "metric_values"] },
    );
    const [after] = await odoo.read("product.product", [part.id], {
      fields: ["segment_code", "segment_reason", "lead_time_mean_days"],
    });
    process.stdout.write(
      `\nWATCH_LATENCY ${JSON.stringify({ part: part.default_code, before: part.segment_id, after: after?.segment_code, latencyMs: latency })}\n` +
        `WATCH_EVENT ${String(shift?.message)}\n`,
    );
    expect(String(shift?.message)).toMatch(
      /^Lead time of .* rose from 1\d(\.\d)? to 2\d(\.\d)? days .* → \d+ components escalated/,
    );
    expect(String(after?.segment_reason)).toContain("rose from");
    for (const [what, ms] of Object.entries(latency)) expect(ms, what).toBeLessThanOrEqual(60_000);
  }, 180_000);

  it("killed mid-cycle and restarted, records each change once", async () => {
    const [first, second] = await emptyShelves(2);
    expect(second, "two products without stock").toBeDefined();
    const eventsOf = (product: number) =>
      odoo.searchRead(
        "inventory.segment.event",
        [
          ["kind", "=", "stockout"],
          ["product_id", "=", product],
        ],
        { fields: ["dedup_key", "message"] },
      );
    // A delivery at an empty shelf; the watch is killed as soon as its cycle has written the event.
    await waitAtEmptyShelf(first as number, 5);
    await until(
      async () => ((await eventsOf(first as number)).length > 0 ? true : undefined),
      90_000,
      "the first stockout event",
    );
    watch?.child.kill("SIGKILL");
    const [dead] = await odoo.searchRead(
      "inventory.segment.run",
      [
        ["mode", "=", "watch"],
        ["state", "=", "running"],
      ],
      { fields: ["name"] },
    );
    expect(dead, "the killed process left its run running").toBeDefined();
    // Another change while no watch runs.
    await waitAtEmptyShelf(second as number, 7);
    watch = startWatch(30);
    const started = await until(
      async () => watch?.lines.find((line) => line.event === "started"),
      120_000,
      "the restart",
    );
    expect(started).toMatchObject({ resumedFrom: dead?.name, closed: [dead?.name] });
    await until(
      async () => ((await eventsOf(second as number)).length > 0 ? true : undefined),
      90_000,
      "the second stockout event",
    );
    // Give the restarted process a poll or two over the replayed stretch.
    await new Promise((resolve) => setTimeout(resolve, 35_000));
    for (const product of [first, second] as number[]) {
      const events = await eventsOf(product);
      expect(events, `stockout events of product ${product}`).toHaveLength(1);
      const pending = await odoo.searchCount("inventory.segment.suggestion", [
        ["product_id", "=", product],
        ["state", "=", "pending"],
      ]);
      expect(pending).toBeLessThanOrEqual(1);
    }
    const [closed] = await odoo.read("inventory.segment.run", [dead?.id as number], {
      fields: ["state", "error"],
    });
    expect(closed).toMatchObject({ state: "failed", error: expect.stringContaining("took over") });
    const keys = await odoo.searchRead("inventory.segment.event", [["dedup_key", "!=", false]], {
      fields: ["dedup_key"],
    });
    expect(new Set(keys.map((row) => row.dedup_key)).size).toBe(keys.length);
    process.stdout.write(`\nWATCH_RESTART ${JSON.stringify({ dead: dead?.name, started })}\n`);
  }, 300_000);
});
