/**
 * `seedOdoo` against a real Odoo 19: seeds the small demo plant (seed 42) into the database it is
 * pointed at — or finishes/keeps a previous seeding of it — and checks what the sync will read.
 * Runs only when ODOO_URL is set; seeding small from scratch takes about 4 minutes here.
 * `SEED_SCALE=medium` checks (or seeds: about an hour) the medium plant instead.
 *
 *   createdb -T base_mrp seed_live && /work/brief/odoo-serve start 8130 seed_live
 *   ODOO_URL=http://127.0.0.1:8130 ODOO_DB=seed_live ODOO_API_KEY=$(odoo-dev apikey seed_live) \
 *     npx vitest run test/live/seed.live.test.ts
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import {
  connectOdoo,
  loadConnectionConfig,
  type OdooClient,
  type OdooRecord,
} from "../../connector/odoo/index.js";
import {
  defaultEndDate,
  readMarker,
  SEED_SCALES,
  type SeedReport,
  type SeedScale,
  seedOdoo,
  seedPlant,
} from "../../connector/seed/index.js";
import { demandMoves, productionMoves } from "../../connector/seed/moves.js";
import { nonDemandPlan } from "../../connector/seed/non-demand.js";
import { productUnits } from "../../connector/seed/units.js";
import type { Plant } from "../../connector/sources/demo/index.js";
import { idOf, live } from "./live-odoo.js";

const scale = (process.env.SEED_SCALE ?? "small") as SeedScale;
if (!SEED_SCALES.includes(scale))
  throw new Error(`SEED_SCALE must be one of ${SEED_SCALES.join(", ")}`);
const DAY_MS = 86_400_000;
const SEEDED = [["origin", "=like", "invseg-seed/%"]] as const;

let odoo: OdooClient;
let plant: Plant;
let report: SeedReport;
/** Seeded `product.product` ids by SKU. */
let productIds: Map<string, number>;

const days = (from: unknown, to: unknown) =>
  (Date.parse(`${String(to)}Z`) - Date.parse(`${String(from)}Z`)) / DAY_MS;

live(`live Odoo: seed the ${scale} demo plant`, () => {
  beforeAll(async () => {
    odoo = await connectOdoo(loadConnectionConfig(process.env));
    const endDate = (await readMarker(odoo))?.endDate ?? defaultEndDate();
    plant = seedPlant({ scale, seed: 42, endDate });
    report = await seedOdoo(odoo, plant, { scale });
    const products = await odoo.searchRead(
      "product.product",
      [["default_code", "in", plant.products.map((product) => product.sku)]],
      { fields: ["default_code"] },
    );
    productIds = new Map(products.map((product) => [String(product.default_code), product.id]));
  }, 7_200_000);
  afterAll(() => odoo?.close());

  it("holds the catalogue: products, vendors, their offers and (with mrp) the BoMs", async () => {
    expect(productIds.size).toBe(plant.products.length);
    const ids = [...productIds.values()];
    const templates = await odoo.read("product.product", ids, {
      fields: ["product_tmpl_id", "is_storable", "type", "uom_id"],
    });
    expect(templates.every((product) => product.is_storable && product.type === "consu")).toBe(
      true,
    );
    const templateIds = templates.map((product) => idOf(product.product_tmpl_id));
    expect(
      await odoo.searchCount("product.supplierinfo", [["product_tmpl_id", "in", templateIds]]),
    ).toBe(plant.supplierInfos.length);
    expect(
      await odoo.searchCount("res.partner", [
        ["ref", "in", plant.vendors.map((vendor) => vendor.code)],
      ]),
    ).toBe(plant.vendors.length);
    if (report.mrp) {
      expect(await odoo.searchCount("mrp.bom", [["product_tmpl_id", "in", templateIds]])).toBe(
        plant.boms.length,
      );
    }
    const kg = productUnits(plant).filter((units) => units.unit === "kg").length;
    expect(templates.filter((product) => String(product.uom_id).includes("kg"))).toHaveLength(kg);
  });

  it("ends with the plant's stock on hand for every product", async () => {
    const groups = await odoo.formattedReadGroup(
      "stock.quant",
      [
        ["product_id", "in", [...productIds.values()]],
        ["location_id.usage", "=", "internal"],
      ],
      ["product_id"],
      ["quantity:sum"],
    );
    const onHand = new Map(groups.map((group) => [idOf(group.product_id), group["quantity:sum"]]));
    for (const product of plant.products) {
      expect(
        Number(onHand.get(productIds.get(product.sku) as number) ?? 0),
        product.sku,
      ).toBeCloseTo(product.onHand, 6);
    }
  });

  it("dates receipts so that lead time = receipt − confirmation is the plant's; the shifting vendor stretches", async () => {
    const orders = await odoo.searchRead(
      "purchase.order",
      [["origin", "=like", "invseg-seed/po/%"]],
      { fields: ["origin", "date_approve", "date_planned", "state", "partner_id", "picking_ids"] },
    );
    expect(orders).toHaveLength(plant.purchaseOrders.length);
    const moves = await odoo.searchRead(
      "stock.move",
      [["picking_id", "in", orders.flatMap((order) => order.picking_ids as number[])]],
      { fields: ["picking_id", "date", "state", "location_usage", "location_dest_usage"] },
    );
    const moveOfPicking = new Map(moves.map((move) => [idOf(move.picking_id), move]));
    const shift = plant.leadTimeShift;
    const shifted: { before: number[]; after: number[] } = { before: [], after: [] };
    for (const order of orders) {
      const plantOrder = plant.purchaseOrders[Number(String(order.origin).split("/")[2])];
      const move = moveOfPicking.get((order.picking_ids as number[])[0] as number) as OdooRecord;
      expect(order.state).toBe("purchase");
      expect(days(order.date_approve, order.date_planned)).toBe(
        (plantOrder?.plannedDay ?? 0) - (plantOrder?.approveDay ?? 0),
      );
      expect([move.location_usage, move.location_dest_usage]).toEqual(["supplier", "internal"]);
      if (plantOrder?.receiptDay === undefined) {
        expect(move.state).not.toBe("done");
        continue;
      }
      expect(move.state).toBe("done");
      const leadTime = days(order.date_approve, move.date);
      expect(leadTime).toBe(plantOrder.receiptDay - plantOrder.approveDay);
      if (plantOrder.vendorCode === shift.vendorCode) {
        shifted[plantOrder.approveDay < shift.day ? "before" : "after"].push(leadTime);
      }
    }
    const mean = (values: number[]) =>
      values.reduce((sum, value) => sum + value, 0) / values.length;
    expect(mean(shifted.after) - mean(shifted.before)).toBeGreaterThan(
      (shift.afterDays - shift.beforeDays) / 2,
    );
  });

  it("gives demand moves the location usages the extractor reads, and keeps the rest apart", async () => {
    const groups = await odoo.formattedReadGroup(
      "stock.move",
      [...SEEDED, ["state", "=", "done"]],
      ["location_usage", "location_dest_usage", "is_inventory"],
      ["__count"],
    );
    const count = (from: string, to: string, inventory = false) =>
      groups.find(
        (group) =>
          group.location_usage === from &&
          group.location_dest_usage === to &&
          group.is_inventory === inventory,
      )?.__count ?? 0;
    const plan = nonDemandPlan(plant);
    expect(count("internal", "customer")).toBe(demandMoves(plant, "delivery").length);
    expect(count("internal", "production")).toBe(demandMoves(plant, "consumption").length);
    expect(count("customer", "internal")).toBe(demandMoves(plant, "return").length);
    expect(count("production", "internal")).toBe(productionMoves(plant).length);
    expect(count("internal", "internal")).toBe(2 * plan.transfers.length);
    expect(count("internal", "inventory", true)).toBe(plan.counts.length);
    expect(count("internal", "inventory")).toBe(plan.scraps.length);
    expect(count("inventory", "internal", true)).toBe(
      plant.products.filter((product) => product.openingStock > 0).length + plan.counts.length,
    );
  });

  it("back-dates every seeded done move line inside the history", async () => {
    const last = `${new Date((plant.endDay + 1) * DAY_MS).toISOString().slice(0, 10)} 00:00:00`;
    const late = await odoo.searchCount("stock.move.line", [
      ["move_id.origin", "=like", "invseg-seed/%"],
      ["date", ">=", last],
    ]);
    const receiptsLate = await odoo.searchCount("stock.move.line", [
      ["move_id.purchase_line_id.order_id.origin", "=like", "invseg-seed/po/%"],
      ["state", "=", "done"],
      ["date", ">=", last],
    ]);
    expect(late + receiptsLate).toBe(0);
  });

  it("moves pack items in packs and kg items' consumption in g", async () => {
    const groups = await odoo.formattedReadGroup(
      "stock.move",
      [...SEEDED, ["state", "=", "done"]],
      ["product_uom"],
      ["__count"],
    );
    const names = groups.map((group) => String((group.product_uom as [number, string])[1]));
    expect(names).toEqual(expect.arrayContaining(["Units", "Pack of 6", "kg", "g"]));
  });

  it("creates nothing when run again", async () => {
    const again = await seedOdoo(odoo, plant, { scale });
    expect(again.created).toEqual({});
    expect(again.resumed).toBe(true);
  });
});
