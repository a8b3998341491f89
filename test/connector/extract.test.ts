/**
 * Extraction on hand-made Odoo records (a fake Odoo 19 speaking JSON-2 and XML-RPC): what counts
 * as demand, in which unit, net of what; lead times from receipts; vendors, stock, BoMs, rules;
 * which products are skipped; and bad records reported by model and id without stopping the run.
 * Expected figures are worked out by hand in the comments.
 */
import { afterEach, describe, expect, it } from "vitest";
import { planPortfolio } from "../../analytics/index.js";
import type { DemandEntry } from "../../connector/extract/demand.js";
import { extractSnapshot } from "../../connector/extract/extract.js";
import { historyWindow } from "../../connector/extract/history-window.js";
import { IssueLog } from "../../connector/extract/record-issues.js";
import { readSettings } from "../../connector/extract/settings.js";
import type { Snapshot } from "../../connector/extract/snapshot.js";
import { connectOdoo, type OdooClient, type TransportKind } from "../../connector/odoo/index.js";
import {
  companyPlanningInput,
  warehousePlanningInput,
} from "../../connector/sources/odoo/planning-input.js";
import { planSnapshot, type SyncPlan } from "../../connector/sync/planning.js";
import { fakeConfig } from "../support/fakeConnection.js";
import { type FakeOdoo, startFakeOdoo } from "../support/fakeOdoo.js";
import { dayAfter, PlantBuilder } from "../support/fakePlant.js";
import { segmentationStore } from "../support/fakeSegmentation.js";
import type { FakeStore } from "../support/fakeStore.js";

/** Plans as of Monday 2025-06-30: the window is 104 ISO weeks ending Sunday 2025-06-29. */
const AS_OF = "2025-06-30";

let fake: FakeOdoo | undefined;
let odoo: OdooClient | undefined;
afterEach(async () => {
  odoo?.close();
  await fake?.close();
  fake = undefined;
  odoo = undefined;
});

async function extract(
  store: FakeStore,
  transport: TransportKind = "json2",
  demandMode?: "grouped" | "moves",
): Promise<{ snapshot: Snapshot; log: IssueLog; mode: string }> {
  fake ??= await startFakeOdoo({ store });
  odoo = await connectOdoo(fakeConfig(fake, transport));
  const settings = await readSettings(odoo, {});
  const log = new IssueLog();
  const { snapshot, demandMode: mode } = await extractSnapshot(odoo, {
    settings,
    asOfDay: AS_OF,
    log,
    ...(demandMode !== undefined && { demandMode }),
  });
  return { snapshot, log, mode };
}

const demandOf = (snapshot: Snapshot, productId: number): readonly DemandEntry[] =>
  snapshot.products.get(productId)?.demand ?? [];

describe.each(["json2", "xmlrpc"] as const)("demand over %s", (transport) => {
  it("converts every move to the product's unit with the 19.0 factors", async () => {
    const store = segmentationStore();
    const plant = new PlantBuilder(store);
    const { ids } = plant;
    const washer = plant.product({ name: "Washer" });
    const grease = plant.product({ name: "Grease", uom: ids.kg });
    plant.delivery(washer.id, "2025-03-03", 2, ids.pack6); // 2 × 6 ÷ 1 = 12
    plant.delivery(washer.id, "2025-03-03", 3); // 3
    plant.delivery(washer.id, "2025-03-04", 1, ids.dozens); // archived unit: 1 × 12 = 12
    plant.delivery(grease.id, "2025-03-03", 250, ids.gram); // 250 × 0.001 ÷ 1 = 0.25 kg
    const { snapshot, log } = await extract(store, transport);
    expect(demandOf(snapshot, washer.id)).toEqual([
      [ids.warehouse, "2025-03-03", 15],
      [ids.warehouse, "2025-03-04", 12],
    ]);
    expect(demandOf(snapshot, grease.id)).toEqual([[ids.warehouse, "2025-03-03", 0.25]]);
    expect(log.issues).toEqual([]);
  });

  it("nets customer returns, counts production consumption and multi-step deliveries once", async () => {
    const store = segmentationStore();
    const plant = new PlantBuilder(store);
    const { ids } = plant;
    const part = plant.product({ name: "Part" });
    plant.delivery(part.id, "2025-04-01", 10);
    plant.move({
      product: part.id,
      from: ids.customer,
      to: ids.stock,
      day: "2025-04-01",
      quantity: 4,
    });
    plant.move({
      product: part.id,
      from: ids.customer,
      to: ids.stock,
      day: "2025-04-02",
      quantity: 3,
    });
    plant.move({
      product: part.id,
      from: ids.stock,
      to: ids.production,
      day: "2025-04-03",
      quantity: 5,
    });
    // Pick (internal → internal) then ship from the output location: demand once, at the ship.
    plant.move({
      product: part.id,
      from: ids.stock,
      to: ids.output,
      day: "2025-04-04",
      quantity: 7,
    });
    plant.move({
      product: part.id,
      from: ids.output,
      to: ids.customer,
      day: "2025-04-04",
      quantity: 7,
    });
    const { snapshot } = await extract(store, transport);
    expect(demandOf(snapshot, part.id)).toEqual([
      [ids.warehouse, "2025-04-01", 6],
      [ids.warehouse, "2025-04-02", -3],
      [ids.warehouse, "2025-04-03", 5],
      [ids.warehouse, "2025-04-04", 7],
    ]);
  });

  it("leaves out adjustments, internal transfers, scrap, receipts, dropships, cancelled moves and days outside the window", async () => {
    const store = segmentationStore();
    const plant = new PlantBuilder(store);
    const { ids } = plant;
    const part = plant.product({ name: "Part" });
    const day = "2025-05-05";
    plant.move({
      product: part.id,
      from: ids.adjustment,
      to: ids.stock,
      day,
      quantity: 100,
      isInventory: true,
    });
    plant.move({
      product: part.id,
      from: ids.stock,
      to: ids.adjustment,
      day,
      quantity: 8,
      isInventory: true,
    });
    plant.move({ product: part.id, from: ids.stock, to: ids.output, day, quantity: 9 });
    plant.move({ product: part.id, from: ids.stock, to: ids.scrap, day, quantity: 2 });
    plant.move({ product: part.id, from: ids.supplier, to: ids.stock, day, quantity: 50 });
    plant.move({ product: part.id, from: ids.supplier, to: ids.customer, day, quantity: 6 });
    plant.move({
      product: part.id,
      from: ids.stock,
      to: ids.customer,
      day,
      quantity: 4,
      state: "cancel",
    });
    plant.move({
      product: part.id,
      from: ids.stock,
      to: ids.customer,
      day,
      quantity: 4,
      state: "assigned",
    });
    plant.delivery(part.id, "2023-07-02", 11); // the Sunday before the window's first Monday
    plant.delivery(part.id, "2025-06-30", 13); // the as-of week, not complete yet
    plant.delivery(part.id, "2023-07-03", 1); // first day of the window
    plant.delivery(part.id, "2025-06-29", 2); // last day of the window
    const { snapshot } = await extract(store, transport);
    expect(demandOf(snapshot, part.id)).toEqual([
      [ids.warehouse, "2023-07-03", 1],
      [ids.warehouse, "2025-06-29", 2],
    ]);
  });

  it("reports a move in a unit of another kind and a product it cannot read, and goes on", async () => {
    const store = segmentationStore();
    const plant = new PlantBuilder(store);
    const { ids } = plant;
    const part = plant.product({ name: "Part" });
    const broken = plant.product({ name: "Broken cost", cost: -5 });
    plant.delivery(part.id, "2025-05-05", 3);
    plant.delivery(part.id, "2025-05-06", 2, ids.hours); // Hours cannot become Units
    plant.delivery(broken.id, "2025-05-05", 1);
    const { snapshot, log } = await extract(store, transport);
    expect(demandOf(snapshot, part.id)).toEqual([[ids.warehouse, "2025-05-05", 3]]);
    expect(snapshot.products.has(broken.id)).toBe(false);
    expect(log.issues).toEqual([
      {
        model: "product.product",
        id: broken.id,
        problem: expect.stringContaining("standard_price"),
      },
      {
        model: "product.product",
        id: part.id,
        problem: "done moves left out of demand: cannot convert Hours into Units: different kinds",
      },
    ]);
  });
});

describe("demand read modes", () => {
  it("gives the same demand aggregated by Odoo as read move by move", async () => {
    const store = segmentationStore();
    const plant = new PlantBuilder(store);
    const { ids } = plant;
    const a = plant.product({ name: "A" });
    const b = plant.product({ name: "B" });
    for (let day = 1; day <= 28; day++) {
      const date = `2025-02-${String(day).padStart(2, "0")}`;
      plant.delivery(a.id, date, day % 5);
      plant.delivery(a.id, date, 1, ids.pack6);
      if (day % 3 === 0)
        plant.move({ product: b.id, from: ids.customer, to: ids.stock, day: date, quantity: 1 });
      plant.delivery(b.id, date, 2);
    }
    const grouped = await extract(store, "json2", "grouped");
    const moves = await extract(store, "json2", "moves");
    expect(grouped.mode).toBe("grouped");
    expect(moves.mode).toBe("moves");
    expect(demandOf(moves.snapshot, a.id)).toEqual(demandOf(grouped.snapshot, a.id));
    expect(demandOf(moves.snapshot, b.id)).toEqual(demandOf(grouped.snapshot, b.id));
    expect(demandOf(grouped.snapshot, a.id)).toHaveLength(28);
    const groupedCalls = fake?.calls.filter((call) => call.method === "formatted_read_group") ?? [];
    expect(groupedCalls.length).toBeGreaterThan(0);
  });

  it("falls back to reading moves when Odoo refuses the grouped read", async () => {
    const store = segmentationStore();
    const plant = new PlantBuilder(store);
    const part = plant.product({ name: "Part" });
    plant.delivery(part.id, "2025-05-05", 3);
    fake = await startFakeOdoo({ store });
    fake.injectFault(
      { kind: "status", status: 404 },
      { match: { model: "stock.move", method: "formatted_read_group" }, times: 1 },
    );
    const { snapshot, log, mode } = await extract(store, "json2");
    expect(mode).toBe("moves");
    expect(demandOf(snapshot, part.id)).toEqual([[plant.ids.warehouse, "2025-05-05", 3]]);
    expect(log.issues[0]).toMatchObject({
      model: "stock.move",
      problem: expect.stringContaining("refused"),
    });
  });
});

describe("products", () => {
  it("skips archived products, services, combos and untracked consumables, with the reason", async () => {
    const store = segmentationStore();
    const plant = new PlantBuilder(store);
    const kept = plant.product({ name: "Kept" });
    const archived = plant.product({ name: "Old", active: false });
    const service = plant.product({ name: "Repair", type: "service" });
    const combo = plant.product({ name: "Menu", type: "combo" });
    const untracked = plant.product({ name: "Rags", storable: false });
    const { snapshot } = await extract(store);
    expect([...snapshot.products.keys()]).toEqual([kept.id]);
    expect(snapshot.skipped.map((product) => [product.id, product.reason])).toEqual([
      [archived.id, "archived"],
      [service.id, "service"],
      [combo.id, "combo"],
      [untracked.id, "not-stock-tracked"],
    ]);
  });
});

/** What the company plan and one warehouse's plan say of a product. */
function plannedAs(plan: SyncPlan, productId: number, warehouseId: number) {
  const { input, plan: company } = plan.company;
  const local = plan.warehouses.get(warehouseId);
  return {
    introducedOn: input.items[input.productIds.indexOf(productId)]?.introducedOn,
    company: company.items[input.productIds.indexOf(productId)],
    warehouse: local?.plan.items[local.input.productIds.indexOf(productId)],
  };
}

describe("introduction dates (create_date)", () => {
  // The window runs 2023-W27 … 2025-W26 (104 weeks); `newItemMonths` 3, `obsoleteAfterMonths` 12.
  it("plans a part created after the history began, with no moves yet, as new and never obsolete", async () => {
    const store = segmentationStore();
    const plant = new PlantBuilder(store, { secondWarehouse: true });
    const { ids } = plant;
    // Created 6 weeks before the run: under 3 months old.
    const fresh = plant.product({ name: "New impeller", createdAt: "2025-05-19 09:15:00" });
    // Created 35 weeks (8 months) before: old enough to have a pattern, too young to be dead.
    const recent = plant.product({ name: "Newer housing", createdAt: "2024-10-28 14:00:00" });
    // Created before the window: as before, quiet for the whole history.
    const old = plant.product({ name: "Old lever", createdAt: "2022-03-01 08:00:00" });
    for (const part of [fresh, recent, old]) plant.orderpoint(part.id, 2, 6);
    const seller = plant.product({ name: "Bolt", createdAt: "2022-03-01 08:00:00" });
    plant.delivery(seller.id, "2025-05-05", 3, undefined, ids.stock2);
    const { snapshot, log } = await extract(store);
    expect(log.issues).toEqual([]);
    expect(snapshot.products.get(fresh.id)?.facts.createdOn).toBe("2025-05-19");
    const plan = planSnapshot(snapshot, {
      config: (await readSettings(odoo as OdooClient, {})).config,
    });

    const freshPlan = plannedAs(plan, fresh.id, ids.warehouse);
    expect(freshPlan.introducedOn).toBe("2025-05-19");
    // The sync's warehouse plan (and watch mode's, through the same planSnapshot) agrees.
    for (const item of [freshPlan.company, freshPlan.warehouse]) {
      expect(item?.pattern).toBe("new");
      expect(item?.tier).not.toBe("obsolete");
    }
    const recentPlan = plannedAs(plan, recent.id, ids.warehouse);
    for (const item of [recentPlan.company, recentPlan.warehouse]) {
      expect(item?.pattern).toBe("none");
      expect(item?.tier).not.toBe("obsolete");
    }
    const oldPlan = plannedAs(plan, old.id, ids.warehouse);
    expect(oldPlan.introducedOn).toBe("2022-03-01");
    expect(oldPlan.company).toMatchObject({ pattern: "none", tier: "obsolete" });
    expect(oldPlan.warehouse).toMatchObject({ pattern: "none", tier: "obsolete" });
  });

  it("plans a part created today with two years of demand as old: demand before the date proves it", async () => {
    const store = segmentationStore();
    const plant = new PlantBuilder(store);
    // A catalogue migrated into Odoo on the day of the run, its history back-dated.
    const migratedAt = `${AS_OF} 07:30:00`;
    const steady = plant.product({ name: "Steady", createdAt: migratedAt });
    const dead = plant.product({ name: "Dead", createdAt: migratedAt });
    for (let week = 0; week < 104; week++) {
      const day = dayAfter("2023-07-03", week * 7);
      plant.delivery(steady.id, day, 10 + (week % 3));
      if (week < 20) plant.delivery(dead.id, day, 4);
    }
    const { snapshot } = await extract(store);
    const config = (await readSettings(odoo as OdooClient, {})).config;
    const plan = planSnapshot(snapshot, { config });
    const steadyPlan = plannedAs(plan, steady.id, plant.ids.warehouse);
    expect(steadyPlan.introducedOn).toBe(AS_OF);
    expect(steadyPlan.company).toMatchObject({ pattern: "smooth", historyPeriods: 104 });
    expect(steadyPlan.company?.tier).not.toBe("obsolete");
    // Quiet for the last 84 weeks of its 104: obsolete, though "created" today.
    const deadPlan = plannedAs(plan, dead.id, plant.ids.warehouse);
    expect(deadPlan.company?.pattern).not.toBe("new");
    expect(deadPlan.company?.tier).toBe("obsolete");
  });

  it("reports a malformed create_date by model, id and field and plans the others", async () => {
    const store = segmentationStore();
    const plant = new PlantBuilder(store);
    const kept = plant.product({ name: "Kept", createdAt: "2024-01-15 10:00:00" });
    const local = plant.product({ name: "Local format", createdAt: "15/01/2024 10:00" });
    const impossible = plant.product({ name: "Feb 30", createdAt: "2024-02-30 10:00:00" });
    // Odoo's `false` (a row inserted by SQL without it): no date, as if it predates the history.
    const undated = plant.product({ name: "Undated", extra: { create_date: false } });
    const { snapshot, log } = await extract(store);
    expect([...snapshot.products.keys()]).toEqual([kept.id, undated.id]);
    expect(log.issues).toEqual([
      {
        model: "product.product",
        id: local.id,
        problem: "create_date: must be a datetime YYYY-MM-DD HH:MM:SS",
      },
      {
        model: "product.product",
        id: impossible.id,
        problem: "create_date: must be a datetime YYYY-MM-DD HH:MM:SS",
      },
    ]);
    expect(snapshot.products.get(undated.id)?.facts.createdOn).toBeNull();
    const input = companyPlanningInput(snapshot, {
      config: (await readSettings(odoo as OdooClient, {})).config,
    });
    expect(input.items[input.productIds.indexOf(undated.id)]).not.toHaveProperty("introducedOn");
    expect(input.items[input.productIds.indexOf(kept.id)]?.introducedOn).toBe("2024-01-15");
  });
});

describe("lead times, vendors, stock and structure", () => {
  it("measures lead times per receipt from the order's confirmation, with the on-time rate", async () => {
    const store = segmentationStore();
    const plant = new PlantBuilder(store);
    const bearing = plant.product({ name: "Bearing" });
    const reliable = plant.vendor("Reliable");
    const other = plant.vendor("Other");
    plant.vendorLine({ vendor: reliable, templateId: bearing.templateId, delay: 10, sequence: 1 });
    plant.vendorLine({ vendor: other, templateId: bearing.templateId, delay: 3, sequence: 2 });
    // Ordered 09:00, received 08:00+ on day +9, +12, +10: 9 − 1/24 … days; promised day +10.
    plant.receipt({
      product: bearing.id,
      vendor: reliable,
      orderedOn: "2025-01-06",
      promisedOn: "2025-01-16",
      receivedOn: "2025-01-15",
      quantity: 40,
    });
    plant.receipt({
      product: bearing.id,
      vendor: reliable,
      orderedOn: "2025-02-03",
      promisedOn: "2025-02-13",
      receivedOn: "2025-02-15",
      quantity: 40,
    });
    plant.receipt({
      product: bearing.id,
      vendor: reliable,
      orderedOn: "2025-03-03",
      promisedOn: "2025-03-13",
      receivedOn: "2025-03-13",
      quantity: 40,
    });
    plant.receipt({
      product: bearing.id,
      vendor: other,
      orderedOn: "2025-04-01",
      promisedOn: "2025-04-04",
      receivedOn: "2025-04-30",
      quantity: 5,
    });
    const { snapshot } = await extract(store);
    const data = snapshot.products.get(bearing.id);
    expect(
      data?.receipts.map((receipt) => [
        receipt.vendorId,
        receipt.orderedOn.slice(0, 10),
        receipt.receivedOn.slice(0, 10),
      ]),
    ).toEqual([
      [reliable, "2025-01-06", "2025-01-15"],
      [reliable, "2025-02-03", "2025-02-15"],
      [reliable, "2025-03-03", "2025-03-13"],
      [other, "2025-04-01", "2025-04-30"],
    ]);
    const input = companyPlanningInput(snapshot, {
      config: (await readSettings(odoo as OdooClient, {})).config,
    });
    const row = input.productIds.indexOf(bearing.id);
    // The preferred vendor (sequence 1) only: three receipts, two on time.
    const sourcing = input.sourcing[row];
    expect(sourcing?.vendorId).toBe(reliable);
    expect(sourcing?.leadTime?.source).toBe("receipts");
    expect(sourcing?.leadTime?.receipts).toBe(3);
    expect(sourcing?.onTimeRate).toBeCloseTo(2 / 3, 12);
    // Receipt moves are stamped 08:00:00, 08:00:01, 08:00:02 against orders at 09:00:00.
    const days = [9 - 1 / 24, 12 - 1 / 24 + 1 / 86_400, 10 - 1 / 24 + 2 / 86_400];
    const mean = days.reduce((sum, value) => sum + value, 0) / days.length;
    expect(sourcing?.leadTime?.meanDays).toBeCloseTo(mean, 9);
    expect(input.items[row]?.leadTimeHistoryDays?.length).toBe(3);
    expect(input.items[row]?.vendorCount).toBe(2);
  });

  it("falls back to the promised delay with fewer than three receipts, and ignores expired vendor lines", async () => {
    const store = segmentationStore();
    const plant = new PlantBuilder(store);
    const { ids } = plant;
    const part = plant.product({ name: "Part" });
    const expired = plant.vendor("Expired");
    const current = plant.vendor("Current");
    plant.vendorLine({
      vendor: expired,
      templateId: part.templateId,
      delay: 2,
      sequence: 1,
      dateEnd: "2024-12-31",
    });
    // Bought in packs of 6 with a minimum of 3 packs: MOQ 18 units, multiples of 6.
    plant.vendorLine({
      vendor: current,
      templateId: part.templateId,
      delay: 21,
      sequence: 5,
      minQty: 3,
      uom: ids.pack6,
    });
    plant.receipt({
      product: part.id,
      vendor: current,
      orderedOn: "2025-01-06",
      promisedOn: "2025-01-27",
      receivedOn: "2025-02-10",
      quantity: 12,
    });
    const { snapshot } = await extract(store);
    const input = companyPlanningInput(snapshot, {
      config: (await readSettings(odoo as OdooClient, {})).config,
    });
    const item = input.items[input.productIds.indexOf(part.id)];
    expect(item).toMatchObject({
      leadTimeDays: 21,
      leadTimeSdDays: 0,
      minOrderQty: 18,
      orderMultiple: 6,
      vendorCount: 1,
    });
    expect(item?.leadTimeHistoryDays).toBeUndefined();
  });

  it("reads stock on hand per warehouse, reordering rules with their rounding unit, and BoM parents", async () => {
    const store = segmentationStore();
    const plant = new PlantBuilder(store, { secondWarehouse: true });
    const { ids } = plant;
    const component = plant.product({ name: "Component" });
    const parent = plant.product({ name: "Parent" });
    const other = plant.product({ name: "Other parent" });
    plant.quant(component.id, 30);
    plant.quant(component.id, 5, ids.output);
    plant.quant(component.id, 7, ids.stock2);
    plant.orderpoint(component.id, 10, 40, ids.stock, ids.pack6);
    plant.bom(parent.templateId, [component.id]);
    plant.bom(other.templateId, [component.id]);
    const { snapshot } = await extract(store);
    const data = snapshot.products.get(component.id);
    expect(data?.onHand).toEqual([
      [ids.warehouse, 35],
      [ids.warehouse2, 7],
    ]);
    expect(data?.orderpoints).toMatchObject([
      {
        locationId: ids.stock,
        warehouseId: ids.warehouse,
        minQty: 10,
        maxQty: 40,
        replenishmentUnitId: ids.pack6,
      },
    ]);
    expect(snapshot.bom).toEqual({
      installed: true,
      bomCount: 2,
      lineCount: 2,
      uses: [
        [component.id, parent.templateId],
        [component.id, other.templateId],
      ],
    });
    const input = companyPlanningInput(snapshot, {
      config: (await readSettings(odoo as OdooClient, {})).config,
    });
    expect(input.items[input.productIds.indexOf(component.id)]).toMatchObject({
      bomParentCount: 2,
      onHand: 42,
      orderMultiple: 6,
      // Neither parent has demand: C on the plan's own classes.
      bomParentBestAbc: "C",
    });
    // An incremental run takes the classes the last run stored on the parents.
    const stored = companyPlanningInput(
      {
        ...snapshot,
        products: new Map(
          [...snapshot.products].map(([id, data]) => [
            id,
            id === other.id
              ? {
                  ...data,
                  facts: {
                    ...data.facts,
                    stored: { ...data.facts.stored, values: { abc_class: "A" } },
                  },
                }
              : data,
          ]),
        ),
      },
      { config: (await readSettings(odoo as OdooClient, {})).config, storedParentClasses: true },
    );
    expect(stored.items[stored.productIds.indexOf(component.id)]?.bomParentBestAbc).toBe("A");
  });

  it("plans negative stock (a delivery done without stock) as none on hand", async () => {
    const store = segmentationStore();
    const plant = new PlantBuilder(store, { secondWarehouse: true });
    const part = plant.product({ name: "Part" });
    plant.delivery(part.id, "2025-05-05", 6);
    plant.quant(part.id, -6);
    plant.quant(part.id, -2, plant.ids.stock2);
    const { snapshot } = await extract(store);
    expect(snapshot.products.get(part.id)?.onHand).toEqual([
      [plant.ids.warehouse, -6],
      [plant.ids.warehouse2, -2],
    ]);
    const config = (await readSettings(odoo as OdooClient, {})).config;
    const input = companyPlanningInput(snapshot, { config });
    expect(input.items[input.productIds.indexOf(part.id)]?.onHand).toBe(0);
    const local = warehousePlanningInput(
      snapshot,
      input,
      new Map([[part.id, "standard"]]),
      plant.ids.warehouse,
    );
    expect(local?.items[0]?.onHand).toBe(0);
    expect(() => planPortfolio(input.demand, input.items, config)).not.toThrow();
  });

  it("works without mrp: no BoM parents", async () => {
    const store = segmentationStore({ withoutMrp: true });
    const plant = new PlantBuilder(store);
    plant.product({ name: "Part" });
    const { snapshot } = await extract(store);
    expect(snapshot.bom).toEqual({ installed: false, uses: [] });
  });
});

describe("settings from Odoo", () => {
  it("meets the standard tier's target tier-wide, even as a cycle service, and binds critical and essential items", async () => {
    const store = segmentationStore();
    // The addon seeds the standard tier as a 93 % cycle service.
    const standard = store.records("inventory.segment").find((tier) => tier.code === "standard");
    store.write("inventory.segment", [standard?.id as number], { service_measure: "cycle" });
    fake ??= await startFakeOdoo({ store });
    odoo = await connectOdoo(fakeConfig(fake, "json2"));
    const { config } = await readSettings(odoo, {});
    expect(config.tiers.standard).toMatchObject({
      serviceTarget: 0.93,
      serviceMeasure: "cycle",
      targetScope: "tier",
    });
    expect(config.tiers.critical.targetScope).toBe("item");
    expect(config.tiers.essential.targetScope).toBe("item");
    // A local analytics configuration may bind every standard item instead.
    const local = await readSettings(odoo, {}, { tiers: { standard: { targetScope: "item" } } });
    expect(local.config.tiers.standard.targetScope).toBe("item");
  });
});

describe("history window", () => {
  it("ends with the last complete period before the as-of day", () => {
    expect(historyWindow("2025-06-30", "week", 24)).toEqual({
      period: "week",
      asOfDay: "2025-06-30",
      fromDay: "2023-07-03",
      throughDay: "2025-06-29",
      firstPeriod: "2023-W27",
      lastPeriod: "2025-W26",
      fromDatetime: "2023-07-03 00:00:00",
      untilDatetime: "2025-06-30 00:00:00",
    });
    // Mid-week: the current week is left out; 24 months ≈ 104 weeks.
    expect(historyWindow("2025-07-02", "week", 24).lastPeriod).toBe("2025-W26");
    expect(historyWindow("2025-07-15", "month", 24)).toMatchObject({
      fromDay: "2023-07-01",
      throughDay: "2025-06-30",
      firstPeriod: "2023-07",
      lastPeriod: "2025-06",
    });
  });
});
