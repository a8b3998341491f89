/**
 * The whole loop against a real Odoo 19 with the addon (runs only when ODOO_URL is set): seed the
 * small demo plant (a no-op on a copy of a seeded database) → sync → product fields and tier tags
 * → suggestions → accept one through the model method → its reordering rule holds the suggested
 * min/max → a re-sync through the CLI writes nothing and duplicates nothing → a tier flagged
 * auto-apply gets its rules written directly. Run it once per transport:
 *
 *   createdb -T seed_small sync_live_json2     # seed_small: the seeder's template database
 *   /work/brief/odoo-serve start 8140 sync_live_json2
 *   ODOO_URL=http://127.0.0.1:8140 ODOO_DB=sync_live_json2 ODOO_API_KEY=$(cat /work/brief/keys/seed_small.key) \
 *     ODOO_USER=admin ODOO_TRANSPORT=json2 npx vitest run test/live/loop.live.test.ts
 *
 * (and the same with ODOO_TRANSPORT=xmlrpc on a fresh copy). The addon is installed over RPC when
 * the database lacks it; seeding from scratch takes minutes, a seeded copy seconds.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { shiftDay } from "../../connector/events/escalations.js";
import {
  connectOdoo,
  loadConnectionConfig,
  type OdooClient,
  type OdooRecord,
} from "../../connector/odoo/index.js";
import { defaultEndDate, readMarker, seedOdoo, seedPlant } from "../../connector/seed/index.js";
import type { SyncSummary } from "../../connector/sync/summary.js";
import { runSync } from "../../connector/sync/sync.js";
import { contract } from "../../manifest/contract.js";
import { buildCli, runCli } from "../cli/run-cli.js";
import { idOf, live } from "./live-odoo.js";

const SUGGESTION = "inventory.segment.suggestion";

let odoo: OdooClient;
let stateDir: string;
let asOfDay: string;
let first: SyncSummary;
let tiers: Record<string, { id: number; tag_id: number | false; auto_apply: boolean }>;

/** Installs the addon over RPC when the database does not have it yet. */
async function ensureAddon(client: OdooClient): Promise<void> {
  const [module] = await client.searchRead(
    "ir.module.module",
    [["name", "=", contract.addon.name]],
    { fields: ["state", "installed_version"] },
  );
  if (module?.state === "installed") {
    expect(module.installed_version, "upgrade the addon: odoo-bin -u inventory_segmentation").toBe(
      contract.addon.version,
    );
    return;
  }
  // A model method: no ids (XML-RPC would pass an empty id list as an argument it does not take).
  if (!module) await client.call("ir.module.module", "update_list");
  const [found] = await client.search("ir.module.module", [["name", "=", contract.addon.name]]);
  if (found === undefined) throw new Error("the addon is not on the server's addons path");
  await client.call("ir.module.module", "button_immediate_install", { ids: [found] });
}

async function pendingSuggestions(): Promise<OdooRecord[]> {
  return odoo.searchRead(SUGGESTION, [["state", "=", "pending"]], {
    fields: ["product_id", "location_id", "suggested_min", "suggested_max", "segment_id"],
  });
}

async function readTiers(): Promise<void> {
  const settings = (await odoo.call("inventory.segment", "get_segmentation_settings")) as {
    tiers: typeof tiers;
  };
  tiers = settings.tiers;
}

live("live Odoo: seed → sync → fields and tags → accept → orderpoint → idempotent re-sync", () => {
  beforeAll(async () => {
    odoo = await connectOdoo(loadConnectionConfig(process.env), { batchSize: 200 });
    await ensureAddon(odoo);
    const endDate = (await readMarker(odoo))?.endDate ?? defaultEndDate();
    await seedOdoo(odoo, seedPlant({ scale: "small", seed: 42, endDate }), { scale: "small" });
    // Plan for the day after the seeded history: the same as-of whenever the suite runs.
    asOfDay = shiftDay(endDate, 1);
    stateDir = mkdtempSync(join(tmpdir(), "invseg-live-state-"));
    await readTiers();
    const config = loadConnectionConfig(process.env);
    first = await runSync(odoo, {
      mode: "full",
      asOfDay,
      stateDir,
      connection: { url: config.url, database: config.database },
    });
  }, 1_800_000);
  afterAll(() => {
    odoo?.close();
    if (stateDir) rmSync(stateDir, { recursive: true, force: true });
  });

  it("closes the run done, with its counts, cursor and KPIs", async () => {
    expect(first.run).not.toBeNull();
    expect(first.products).toBeGreaterThanOrEqual(190);
    const [run] = await odoo.read("inventory.segment.run", [first.run?.id ?? 0], {
      fields: ["state", "product_count", "sync_cursor", "kpi_ids", "error"],
    });
    expect(run).toMatchObject({ state: "done", product_count: first.products, error: false });
    expect(Object.keys(run?.sync_cursor as object)).toContain("stock.move");
    expect((run?.kpi_ids as number[] | undefined)?.length).toBeGreaterThanOrEqual(4);
  });

  it("writes segment fields and metrics on the products, and the tier tag on their templates", async () => {
    const products = await odoo.searchRead("product.product", [["segment_id", "!=", false]], {
      fields: [
        "segment_code",
        "abc_class",
        "xyz_class",
        "demand_pattern",
        "segment_reason",
        "avg_daily_demand",
        "demand_history",
        "product_tmpl_id",
      ],
    });
    expect(products.length).toBe(first.products);
    expect(new Set(products.map((product) => product.segment_code)).size).toBeGreaterThanOrEqual(3);
    for (const product of products) {
      expect(product.abc_class).toMatch(/^[ABC]$/);
      expect(product.xyz_class).toMatch(/^[XYZ]$/);
      expect(String(product.segment_reason).length).toBeGreaterThan(10);
    }
    const withDemand = products.filter((product) => Number(product.avg_daily_demand) > 0);
    expect(withDemand.length).toBeGreaterThan(first.products / 2);
    const history = withDemand[0]?.demand_history as { values: number[] } | undefined;
    expect(history?.values.length).toBeGreaterThan(50);
    const templates = await odoo.read(
      "product.template",
      [...new Set(products.map((product) => idOf(product.product_tmpl_id)))],
      { fields: ["segment_code", "product_tag_ids"] },
    );
    for (const template of templates) {
      const tag = tiers[String(template.segment_code)]?.tag_id;
      expect(template.product_tag_ids).toContain(tag);
    }
  });

  it("proposes reordering rules, one pending per product and location", async () => {
    const pending = await pendingSuggestions();
    expect(pending.length).toBeGreaterThan(10);
    const keys = pending.map((row) => `${idOf(row.product_id)}:${idOf(row.location_id)}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const row of pending)
      expect(Number(row.suggested_min)).toBeLessThanOrEqual(Number(row.suggested_max));
  });

  it("accepting a suggestion through its method writes its min and max to the orderpoint", async () => {
    const [chosen] = (await pendingSuggestions()).filter((row) => Number(row.suggested_max) > 0);
    expect(chosen).toBeDefined();
    await odoo.call(SUGGESTION, "action_accept", { ids: [chosen?.id ?? 0] });
    const [accepted] = await odoo.read(SUGGESTION, [chosen?.id ?? 0], {
      fields: ["state", "orderpoint_id", "suggested_min", "suggested_max"],
    });
    expect(accepted?.state).toBe("accepted");
    const [rule] = await odoo.searchRead(
      "stock.warehouse.orderpoint",
      [
        ["product_id", "=", idOf(chosen?.product_id)],
        ["location_id", "=", idOf(chosen?.location_id)],
      ],
      { fields: ["product_min_qty", "product_max_qty"] },
    );
    expect(rule?.id).toBe(idOf(accepted?.orderpoint_id));
    expect(rule?.product_min_qty).toBeCloseTo(Number(chosen?.suggested_min), 6);
    expect(rule?.product_max_qty).toBeCloseTo(Number(chosen?.suggested_max), 6);
  });

  it("re-syncs through the CLI without writing or duplicating anything", async () => {
    const counts = async () => ({
      events: await odoo.searchCount("inventory.segment.event", []),
      suggestions: await odoo.searchCount(SUGGESTION, []),
      pending: await odoo.searchCount(SUGGESTION, [["state", "=", "pending"]]),
    });
    const before = await counts();
    await buildCli();
    const result = runCli(
      ["sync", "--incremental", "--json", "--as-of", asOfDay, "--state-dir", stateDir],
      process.cwd(),
    );
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    const summary = JSON.parse(result.stdout) as SyncSummary;
    expect(summary.run).not.toBeNull();
    expect(summary.writes).toMatchObject({ products: 0, events: 0, proposals: 0 });
    expect(await counts()).toEqual(before);
    const events = await odoo.searchRead("inventory.segment.event", [["dedup_key", "!=", false]], {
      fields: ["dedup_key"],
    });
    expect(new Set(events.map((event) => event.dedup_key)).size).toBe(events.length);
  }, 600_000);

  it("writes the rules of a tier flagged auto-apply directly", async () => {
    const standard = tiers.standard;
    if (!standard) throw new Error("no standard tier");
    const pendingStandard = (await pendingSuggestions()).filter(
      (row) => idOf(row.segment_id) === standard.id,
    );
    expect(pendingStandard.length).toBeGreaterThan(0);
    await odoo.write("inventory.segment", [standard.id], { auto_apply: true });
    try {
      const config = loadConnectionConfig(process.env);
      const summary = await runSync(odoo, {
        mode: "full",
        asOfDay,
        stateDir,
        connection: { url: config.url, database: config.database },
      });
      expect(summary.writes.autoApplied).toBe(pendingStandard.length);
      const applied = await odoo.read(
        SUGGESTION,
        pendingStandard.map((row) => row.id),
        { fields: ["state", "auto_applied", "orderpoint_id", "suggested_min", "suggested_max"] },
      );
      for (const row of applied)
        expect(row).toMatchObject({ state: "accepted", auto_applied: true });
      const rules = await odoo.read(
        "stock.warehouse.orderpoint",
        applied.map((row) => idOf(row.orderpoint_id)),
        { fields: ["product_min_qty", "product_max_qty"] },
      );
      rules.forEach((rule, index) => {
        expect(rule.product_min_qty).toBeCloseTo(Number(applied[index]?.suggested_min), 6);
        expect(rule.product_max_qty).toBeCloseTo(Number(applied[index]?.suggested_max), 6);
      });
    } finally {
      await odoo.write("inventory.segment", [standard.id], { auto_apply: false });
    }
  }, 600_000);
});
