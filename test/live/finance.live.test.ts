/**
 * Acceptance of the procurement and finance insights on the medium seed in a real Odoo 19 with the
 * addon (runs only when ODOO_URL is set): after a full sync,
 * - the vendor whose lead time stretches (the demo plant's shift vendor) ranks first in risk;
 * - each critical component only it supplies carries an open dual-sourcing recommendation;
 * - the cash projection's week 0 equals the stock value of the same quants, to the cent;
 * and the report of the odoo source shows the same vendor first (REPORT_OUT=file keeps a copy).
 *
 *   createdb -T seed_medium fin_live
 *   odoo-bin … -d fin_live -i inventory_segmentation --stop-after-init   # once, if missing
 *   /work/brief/odoo-serve start 8170 fin_live
 *   ODOO_URL=http://127.0.0.1:8170 ODOO_DB=fin_live ODOO_API_KEY=$(cat /work/brief/keys/seed_medium.key) \
 *     ODOO_USER=admin npx vitest run test/live/finance.live.test.ts
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { writeReportFile } from "../../connector/cli/commands/report.js";
import { shiftDay } from "../../connector/events/escalations.js";
import {
  connectOdoo,
  loadConnectionConfig,
  type OdooClient,
  type OdooRecord,
  RequestStats,
} from "../../connector/odoo/index.js";
import { odooReport } from "../../connector/report/report-sources.js";
import { readMarker, seedPlant } from "../../connector/seed/index.js";
import type { SyncSummary } from "../../connector/sync/summary.js";
import { runSync } from "../../connector/sync/sync.js";
import { expectAddonInstalled, idOf, live } from "./live-odoo.js";

const SCORECARD = "inventory.segment.vendor.scorecard";
const RECOMMENDATION = "inventory.segment.recommendation";
const CASH = "inventory.segment.cash.projection";

let odoo: OdooClient;
const stats = new RequestStats();
let stateDir: string;
let summary: SyncSummary;
let runId: number;
let shiftVendor: { id: number; name: string };
let asOfDay: string;

live("live Odoo, medium seed: scorecards, dual sourcing and the cash projection", () => {
  beforeAll(async () => {
    odoo = await connectOdoo(loadConnectionConfig(process.env), {
      batchSize: 500,
      logger: stats.logger,
    });
    await expectAddonInstalled(odoo, "install the addon: odoo-bin -d DB -i inventory_segmentation");
    const marker = await readMarker(odoo);
    if (marker?.scale !== "medium") throw new Error("point ODOO_DB at a copy of seed_medium");
    const plant = seedPlant({ scale: "medium", seed: marker.seed, endDate: marker.endDate });
    const [partner] = await odoo.searchRead(
      "res.partner",
      [["ref", "=", plant.leadTimeShift.vendorCode]],
      { fields: ["name"] },
    );
    if (!partner) throw new Error(`no vendor ${plant.leadTimeShift.vendorCode} in the database`);
    shiftVendor = { id: partner.id, name: String(partner.name) };
    asOfDay = shiftDay(marker.endDate, 1);
    stateDir = mkdtempSync(join(tmpdir(), "invseg-finance-live-"));
    const config = loadConnectionConfig(process.env);
    summary = await runSync(odoo, {
      mode: "full",
      asOfDay,
      stateDir,
      connection: { url: config.url, database: config.database },
      stats,
      // As `invseg sync` runs it: achieved service and advice included.
      feedback: {},
    });
    runId = summary.run?.id ?? 0;
    console.info(
      `full sync of the medium seed with the insights phase: ${summary.seconds.toFixed(1)} s, ${summary.requests} requests`,
    );
  }, 3_600_000);
  afterAll(() => {
    odoo?.close();
    if (stateDir) rmSync(stateDir, { recursive: true, force: true });
  });

  it("ranks the vendor whose lead time stretches first in risk", async () => {
    const cards = await odoo.searchRead(SCORECARD, [["run_id", "=", runId]], {
      fields: [
        "partner_id",
        "risk_rank",
        "risk_score",
        "risk_reason",
        "lead_time_drift_ratio",
        "is_latest",
      ],
      order: "risk_rank",
      limit: 2000,
    });
    expect(cards.length).toBeGreaterThan(100);
    const [first, second] = cards as [OdooRecord, OdooRecord];
    console.info(
      `run ${summary.run?.name}: ${cards.length} scorecards; #1 ${String(first.partner_id)} ${first.risk_score} — ${first.risk_reason}; #2 ${second.risk_score}`,
    );
    expect(idOf(first.partner_id)).toBe(shiftVendor.id);
    expect(first).toMatchObject({ risk_rank: 1, is_latest: true });
    expect(Number(first.risk_score)).toBeGreaterThan(Number(second.risk_score));
    // Its lead time rose from 12 to 27 days mid-history: the last 90 days against before.
    expect(Number(first.lead_time_drift_ratio)).toBeGreaterThan(0.3);
    expect(String(first.risk_reason)).toMatch(/in the last 90 days against/);
    expect(summary.insights?.topVendor?.id).toBe(shiftVendor.id);
  });

  it("gives each critical component only it supplies a dual-sourcing recommendation", async () => {
    const [card] = await odoo.searchRead(
      SCORECARD,
      [
        ["run_id", "=", runId],
        ["partner_id", "=", shiftVendor.id],
      ],
      { fields: ["single_sourced_product_ids"] },
    );
    const single = (card?.single_sourced_product_ids as number[] | undefined) ?? [];
    const critical = await odoo.searchRead(
      "product.product",
      [
        ["id", "in", single],
        ["segment_code", "=", "critical"],
      ],
      { fields: ["default_code", "product_tmpl_id"] },
    );
    console.info(
      `${shiftVendor.name}: only source of ${single.length} critical/essential components, ${critical.length} critical: ${critical.map((p) => p.default_code).join(", ")}`,
    );
    expect(critical.length).toBeGreaterThan(0);
    // Single-sourced by Odoo's own vendor lines, not only by the scorecard's word.
    const lines = await odoo.searchRead(
      "product.supplierinfo",
      [["product_tmpl_id", "in", critical.map((product) => idOf(product.product_tmpl_id))]],
      { fields: ["partner_id", "product_tmpl_id"] },
    );
    for (const product of critical) {
      const vendors = new Set(
        lines
          .filter((line) => idOf(line.product_tmpl_id) === idOf(product.product_tmpl_id))
          .map((line) => idOf(line.partner_id)),
      );
      expect([...vendors], String(product.default_code)).toEqual([shiftVendor.id]);
    }
    const recommendations = await odoo.searchRead(
      RECOMMENDATION,
      [
        ["rule", "=", "dual_source"],
        ["state", "=", "open"],
        ["product_id", "in", critical.map((product) => product.id)],
      ],
      { fields: ["product_id", "partner_id", "reason", "priority", "evidence"] },
    );
    expect(new Set(recommendations.map((r) => idOf(r.product_id)))).toEqual(
      new Set(critical.map((product) => product.id)),
    );
    for (const recommendation of recommendations) {
      expect(idOf(recommendation.partner_id)).toBe(shiftVendor.id);
      expect(String(recommendation.reason)).toContain(`${shiftVendor.name} is its only source`);
      expect(recommendation.priority).toBe("high");
    }
    console.info(`e.g. ${String(recommendations[0]?.reason)}`);
  });

  it("starts the cash projection from the stock value of the same quants, to the cent", async () => {
    const rows = await odoo.searchRead(
      CASH,
      [
        ["run_id", "=", runId],
        ["week", "=", 0],
      ],
      { fields: ["scenario", "inventory_value"] },
    );
    const weekZero = (scenario: string) =>
      rows
        .filter((row) => row.scenario === scenario)
        .reduce((sum, row) => sum + Number(row.inventory_value), 0);

    // Independently: quants in the company's internal locations, by product, at standard price;
    // the products a run plans (active, storable), negative stock counting as none.
    const [company] = await odoo.searchRead("inventory.segment.run", [["id", "=", runId]], {
      fields: ["company_id"],
    });
    const companyId = idOf(company?.company_id);
    const groups = await odoo.formattedReadGroup(
      "stock.quant",
      [
        ["location_id.usage", "=", "internal"],
        ["company_id", "=", companyId],
      ],
      ["product_id"],
      ["quantity:sum"],
    );
    const quantityOf = new Map(
      groups.map((group) => [idOf(group.product_id), Number(group["quantity:sum"])]),
    );
    const products = await odoo.searchRead(
      "product.product",
      [
        ["id", "in", [...quantityOf.keys()]],
        ["is_storable", "=", true],
      ],
      { fields: ["standard_price"], context: { allowed_company_ids: [companyId] } },
    );
    let cents = 0;
    for (const product of products) {
      const quantity = quantityOf.get(product.id) ?? 0;
      cents += Math.round(Math.max(0, quantity) * Number(product.standard_price) * 100);
    }
    const expected = cents / 100;
    const kpis = await odoo.searchRead(
      "inventory.segment.run.kpi",
      [
        ["run_id", "=", runId],
        ["warehouse_id", "=", false],
      ],
      { fields: ["inventory_value"] },
    );
    const kpiValue = kpis.reduce((sum, kpi) => sum + Number(kpi.inventory_value), 0);
    console.info(
      `week 0: ${weekZero("current").toFixed(2)} (current), ${weekZero("suggested").toFixed(2)} (suggested); quants: ${expected.toFixed(2)}; KPIs: ${kpiValue.toFixed(2)}`,
    );
    expect(Math.abs(weekZero("current") - expected)).toBeLessThan(0.005);
    expect(Math.abs(weekZero("suggested") - expected)).toBeLessThan(0.005);
    expect(Math.abs(kpiValue - expected)).toBeLessThan(0.005);
    const weeks = await odoo.searchCount(CASH, [
      ["run_id", "=", runId],
      ["segment_id.code", "=", "critical"],
      ["scenario", "=", "current"],
    ]);
    expect(weeks).toBe(14);
  });

  it("shows the same vendor first in the report of the odoo source", async () => {
    const data = await odooReport(odoo, {
      generatedAt: "live test",
      connectionLabel: "live test",
      asOfDay,
    });
    expect(data.vendors[0]?.name).toBe(shiftVendor.name);
    expect(data.cash.current[0]).toBeCloseTo(summary.insights?.cash.now ?? Number.NaN, 2);
    const dir = mkdtempSync(join(tmpdir(), "invseg-finance-report-"));
    try {
      const out = join(dir, "report.html");
      await writeReportFile(out, data);
      const html = readFileSync(out, "utf8");
      expect(html).toMatch(/<section id="cash">/);
      expect(html).not.toMatch(/<script src=|<link /);
      if (process.env.REPORT_OUT) copyFileSync(out, process.env.REPORT_OUT);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 1_800_000);
});
