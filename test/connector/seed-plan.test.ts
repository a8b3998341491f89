/**
 * The seeder's pure parts: which plant a scale and end date give, the Odoo values built from a
 * plant (the same seed gives the same values, which resuming by batch depends on), units of
 * measure, and that the moves never take stock below zero.
 */
import { describe, expect, it } from "vitest";
import { productTemplateVals } from "../../connector/seed/catalog.js";
import { defaultEndDate, moveVals, type SeedSetup, seedPlant } from "../../connector/seed/index.js";
import {
  demandMoves,
  type MoveSpec,
  openingMoves,
  productionMoves,
} from "../../connector/seed/moves.js";
import {
  COUNT_FOUND_DAYS,
  type NonDemandPlan,
  nonDemandMoves,
  nonDemandPlan,
  TRANSFER_RETURN_DAYS,
} from "../../connector/seed/non-demand.js";
import { purchaseOrderVals } from "../../connector/seed/purchases.js";
import { movedQuantity, productUnits, purchasedQuantity } from "../../connector/seed/units.js";
import { generatePlant, isoDay, type Plant } from "../../connector/sources/demo/index.js";

const SETUP: SeedSetup = {
  companyId: 1,
  locations: { stock: 8, customer: 2, supplier: 1, production: 15, inventory: 13, overflow: 40 },
  uoms: { unit: 1, pack: 2, kg: 16, g: 15 },
  routes: { buy: 9, manufacture: 6 },
  mrp: true,
};

/** The moves of every phase, in the order the seeder creates them. */
function everyMove(plant: Plant, plan: NonDemandPlan): MoveSpec[] {
  return [
    ...openingMoves(plant, plan.extraOpening),
    ...productionMoves(plant),
    ...demandMoves(plant, "delivery"),
    ...demandMoves(plant, "consumption"),
    ...demandMoves(plant, "return"),
    ...nonDemandMoves(plan),
  ];
}

/** Every value the seeder would send for `plant`, with ids standing in for Odoo's. */
function allVals(plant: Plant) {
  const units = productUnits(plant);
  const productIds = plant.products.map((_, index) => 1000 + index);
  const vendorIds = new Map(plant.vendors.map((vendor, index) => [vendor.code, 500 + index]));
  const indexOfSku = new Map(plant.products.map((product, index) => [product.sku, index]));
  const context = { setup: SETUP, productIds, units };
  const plan = nonDemandPlan(plant);
  const specs = everyMove(plant, plan);
  return {
    products: plant.products.map((product, index) =>
      productTemplateVals(
        product,
        units[index] as (typeof units)[number],
        plant.supplierInfos.filter((offer) => offer.sku === product.sku),
        {
          setup: SETUP,
          units,
          categoryIds: { finished: 1, subassembly: 2, component: 3 },
          vendorIds,
        },
      ),
    ),
    orders: plant.purchaseOrders.map((order, position) =>
      purchaseOrderVals(order, position, {
        setup: SETUP,
        units,
        ids: { productIds, templateIds: productIds, vendorIds },
        indexOfSku,
      }),
    ),
    moves: specs.map((spec, index) => moveVals(spec, context, `batch ${Math.floor(index / 500)}`)),
    scraps: plan.scraps,
  };
}

describe("seedPlant", () => {
  it("ends the 24-month history on the end date", () => {
    const plant = seedPlant({ scale: "small", seed: 42, endDate: "2026-11-24" });
    expect(plant.products).toHaveLength(200);
    expect(isoDay(plant.startDay)).toBe("2024-11-25");
    expect(isoDay(plant.endDay)).toBe("2026-11-24");
    expect(isoDay(seedPlant({ scale: "small", endDate: "2024-02-29" }).startDay)).toBe(
      "2022-03-01",
    );
  });

  it("defaults the end date to yesterday (UTC) and rejects a malformed one", () => {
    expect(defaultEndDate(new Date("2026-11-25T00:30:00Z"))).toBe("2026-11-24");
    expect(() => seedPlant({ scale: "small", endDate: "2026-13-01" })).toThrow(
      /endDate must be a day \(YYYY-MM-DD\), got "2026-13-01"/,
    );
  });
});

describe("the values sent to Odoo", () => {
  const plant = generatePlant({ seed: 9, productCount: 120, months: 12, startDate: "2024-01-01" });

  it("are the same for the same seed, and differ for another", () => {
    const again = generatePlant({
      seed: 9,
      productCount: 120,
      months: 12,
      startDate: "2024-01-01",
    });
    const other = generatePlant({
      seed: 10,
      productCount: 120,
      months: 12,
      startDate: "2024-01-01",
    });
    const values = allVals(plant);
    expect(allVals(again)).toEqual(values);
    expect(allVals(other).moves).not.toEqual(values.moves);
    expect(allVals(other).orders).not.toEqual(values.orders);
  });

  it("date every move and its line at noon UTC of the day, done, with the line's quantity", () => {
    for (const vals of allVals(plant).moves) {
      const [[, , line]] = vals.move_line_ids as [[0, 0, Record<string, unknown>]];
      expect(vals.state).toBe("done");
      expect(vals.date).toMatch(/^\d{4}-\d{2}-\d{2} 12:00:00$/);
      expect(line.date).toBe(vals.date);
      expect(line.quantity).toBe(vals.product_uom_qty);
      expect(line.product_uom_id).toBe(vals.product_uom);
    }
  });

  it("buy pack items per pack, at the pack price", () => {
    const units = productUnits(plant);
    const { orders } = allVals(plant);
    let packs = 0;
    plant.purchaseOrders.forEach((order, position) => {
      const [[, , line]] = (orders[position] as Record<string, unknown>).order_line as [
        [0, 0, Record<string, number>],
      ];
      const unit = units[(line.product_id as number) - 1000];
      if (line.product_uom_id === SETUP.uoms.pack) {
        packs++;
        expect(unit?.packs).toBe(true);
        expect((line.product_qty as number) * 6).toBe(order.quantity);
        expect(line.price_unit).toBeCloseTo(order.price * 6, 2);
      } else {
        expect(line.product_qty).toBe(order.quantity);
        expect(line.price_unit).toBe(order.price);
      }
    });
    expect(packs).toBeGreaterThan(0);
  });
});

describe("units of measure", () => {
  it("buys dozen-multiple components in packs and stocks a few components in kg", () => {
    const plant = generatePlant({ seed: 42, productCount: 400 });
    const units = productUnits(plant);
    plant.products.forEach((product, index) => {
      const unit = units[index];
      expect(unit?.packs).toBe(product.kind === "component" && product.orderMultiple === 12);
      if (unit?.unit === "kg") expect(product.kind).toBe("component");
    });
    const kg = units.filter((unit) => unit.unit === "kg").length;
    expect(kg).toBeGreaterThan(2);
    expect(kg).toBeLessThan(20);
  });

  it("records kg consumption in g, whole-pack deliveries in packs, the rest in the product's unit", () => {
    const kg = { unit: "kg", packs: false } as const;
    const packs = { unit: "unit", packs: true } as const;
    expect(movedQuantity(kg, "consumption", 3)).toEqual({ uom: "g", quantity: 3000 });
    expect(movedQuantity(kg, "delivery", 3)).toEqual({ uom: "kg", quantity: 3 });
    expect(movedQuantity(packs, "delivery", 18)).toEqual({ uom: "pack", quantity: 3 });
    expect(movedQuantity(packs, "delivery", 17)).toEqual({ uom: "unit", quantity: 17 });
    expect(movedQuantity(packs, "consumption", 18)).toEqual({ uom: "unit", quantity: 18 });
    expect(purchasedQuantity(packs, 24)).toEqual({ uom: "pack", quantity: 4 });
    expect(purchasedQuantity(packs, 25)).toEqual({ uom: "unit", quantity: 25 });
  });
});

describe("the seeded moves", () => {
  const plant = generatePlant({ seed: 4, productCount: 300, months: 24, startDate: "2024-01-01" });

  /** Stock at the stock location per product, day by day, inflows of a day before its outflows. */
  function lowestStock(
    specs: readonly MoveSpec[],
    scraps: ReturnType<typeof nonDemandPlan>["scraps"],
  ) {
    const events = [
      ...specs.map((spec) => ({
        product: spec.product,
        day: spec.day,
        change: spec.to === "stock" ? spec.quantity : spec.from === "stock" ? -spec.quantity : 0,
      })),
      ...plant.purchaseOrders.flatMap((order) =>
        order.receiptDay === undefined
          ? []
          : [
              {
                product: plant.products.findIndex((product) => product.sku === order.sku),
                day: order.receiptDay,
                change: order.quantity,
              },
            ],
      ),
      ...scraps.map((scrap) => ({
        product: scrap.product,
        day: scrap.day,
        change: -scrap.quantity,
      })),
    ].sort((a, b) => a.day - b.day || b.change - a.change);
    const balance = new Float64Array(plant.products.length);
    const lowest = new Float64Array(plant.products.length);
    for (const { product, change } of events) {
      balance[product] = (balance[product] as number) + change;
      lowest[product] = Math.min(lowest[product] as number, balance[product] as number);
    }
    return { balance, lowest };
  }

  it("never take stock below zero, and leave the plant's stock on hand", () => {
    const plan = nonDemandPlan(plant);
    const { balance, lowest } = lowestStock(everyMove(plant, plan), plan.scraps);
    expect(Math.min(...lowest)).toBeGreaterThanOrEqual(0);
    plant.products.forEach((product, index) => {
      expect(balance[index], product.sku).toBeCloseTo(product.onHand, 6);
    });
  });

  it("include transfers, count corrections and scraps within the history", () => {
    const plan = nonDemandPlan(plant);
    expect(plan.transfers).toHaveLength(5);
    expect(plan.counts).toHaveLength(3);
    expect(plan.scraps).toHaveLength(3);
    const products = [...plan.transfers, ...plan.counts, ...plan.scraps].map((e) => e.product);
    expect(new Set(products).size).toBe(products.length);
    for (const event of plan.transfers) {
      expect(event.day + TRANSFER_RETURN_DAYS).toBeLessThanOrEqual(plant.endDay);
    }
    for (const event of plan.counts) {
      expect(event.day + COUNT_FOUND_DAYS).toBeLessThanOrEqual(plant.endDay);
      expect(event.quantity).toBeGreaterThanOrEqual(1);
    }
  });

  it("aggregate a day's events of a product and kind into one move", () => {
    const deliveries = demandMoves(plant, "delivery");
    const keys = deliveries.map((move) => `${move.product} ${move.day}`);
    expect(new Set(keys).size).toBe(keys.length);
    let total = 0;
    for (let event = 0; event < plant.demand.count; event++) {
      if (plant.demand.kind[event] === 0) total += plant.demand.quantity[event] as number;
    }
    expect(deliveries.reduce((sum, move) => sum + move.quantity, 0)).toBeCloseTo(total, 6);
  });
});
