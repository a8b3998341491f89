import { describe, expect, it } from "vitest";
import {
  demandEventsOf,
  generatePlant,
  isoDay,
  type Plant,
  type PlantProduct,
} from "../../connector/sources/demo/index.js";

const plant = generatePlant({ seed: 11, productCount: 600 });
const productOf = new Map(plant.products.map((product) => [product.sku, product]));

/** A plant as plain JSON, typed arrays included, to compare two plants exactly. */
function snapshot(subject: Plant): string {
  return JSON.stringify(subject, (_key, value) =>
    ArrayBuffer.isView(value) ? Array.from(value as Float64Array) : value,
  );
}

function eventsOf(sku: string) {
  return [...demandEventsOf(plant)].filter((event) => event.sku === sku);
}

describe("generatePlant", () => {
  it("is deterministic: the same seed gives the same plant, another seed another", () => {
    const again = generatePlant({ seed: 11, productCount: 600 });
    expect(snapshot(again)).toBe(snapshot(plant));
    expect(snapshot(generatePlant({ seed: 12, productCount: 600 }))).not.toBe(snapshot(plant));
  });

  it("spans the requested history from the start date", () => {
    const small = generatePlant({ productCount: 50, months: 6, startDate: "2024-02-14" });
    expect(isoDay(small.startDay)).toBe("2024-02-14");
    expect(isoDay(small.endDay)).toBe("2024-08-13");
    expect(isoDay(plant.startDay)).toBe("2023-01-01");
    expect(isoDay(plant.endDay)).toBe("2024-12-31");
  });

  it("has finished goods, sub-assemblies and components linked by BoMs, level by level", () => {
    const counts = { finished: 0, subassembly: 0, component: 0 };
    for (const product of plant.products) counts[product.kind]++;
    expect(counts).toEqual({ finished: 120, subassembly: 60, component: 420 });
    const parents = new Map<string, number>();
    for (const bom of plant.boms) {
      const parent = productOf.get(bom.sku) as PlantProduct;
      expect(parent.kind).not.toBe("component");
      for (const line of bom.lines) {
        const child = productOf.get(line.sku) as PlantProduct;
        expect(parent.kind === "finished" ? ["subassembly", "component"] : ["component"]).toContain(
          child.kind,
        );
        expect(line.quantity).toBeGreaterThan(0);
        parents.set(line.sku, (parents.get(line.sku) ?? 0) + 1);
      }
    }
    const subassemblies = plant.products.filter((product) => product.kind === "subassembly");
    for (const subassembly of subassemblies)
      expect(parents.get(subassembly.sku)).toBeGreaterThan(0);
    // Some components go into many products, most into few.
    expect(Math.max(...parents.values())).toBeGreaterThanOrEqual(8);
  });

  it("consumes components through production: each lot consumes its BoM on its day", () => {
    const consumed = new Map<string, number>();
    for (const event of demandEventsOf(plant)) {
      if (event.kind === "consumption") {
        const key = `${event.day}/${event.sku}`;
        consumed.set(key, (consumed.get(key) ?? 0) + event.quantity);
      }
    }
    const expected = new Map<string, number>();
    const bomOf = new Map(plant.boms.map((bom) => [bom.sku, bom]));
    for (const order of plant.productionOrders) {
      for (const line of bomOf.get(order.sku)?.lines ?? []) {
        const key = `${order.day}/${line.sku}`;
        expected.set(key, (expected.get(key) ?? 0) + order.quantity * line.quantity);
      }
    }
    expect(consumed).toEqual(expected);
    expect(plant.productionOrders.length).toBeGreaterThan(100);
  });

  it("has a vendor whose actual lead time jumps from 12 to 27 days mid-history, promise unchanged", () => {
    const shift = plant.leadTimeShift;
    expect(shift).toMatchObject({ beforeDays: 12, afterDays: 27 });
    const before: number[] = [];
    const after: number[] = [];
    for (const order of plant.purchaseOrders) {
      if (order.vendorCode !== shift.vendorCode || order.receiptDay === undefined) continue;
      (order.approveDay < shift.day ? before : after).push(order.receiptDay - order.approveDay);
    }
    const mean = (values: number[]) =>
      values.reduce((sum, value) => sum + value, 0) / values.length;
    expect(before.length).toBeGreaterThan(20);
    expect(after.length).toBeGreaterThan(20);
    expect(mean(before)).toBeCloseTo(12, 0);
    expect(Math.abs(mean(after) - 27)).toBeLessThan(1.5);
    const promises = plant.supplierInfos.filter((info) => info.vendorCode === shift.vendorCode);
    expect(promises.length).toBeGreaterThan(10);
    for (const info of promises) expect(info.delayDays).toBe(12);
    // Some of its parts have no other source: they are the ones at risk.
    const sourceCount = new Map<string, number>();
    for (const info of plant.supplierInfos)
      sourceCount.set(info.sku, (sourceCount.get(info.sku) ?? 0) + 1);
    expect(promises.some((info) => sourceCount.get(info.sku) === 1)).toBe(true);
    // It is the preferred source of widely used parts (in 3 or more BoMs).
    const parentCount = new Map<string, number>();
    for (const bom of plant.boms) {
      for (const line of bom.lines) parentCount.set(line.sku, (parentCount.get(line.sku) ?? 0) + 1);
    }
    const widelyUsed = promises.filter(
      (info) => info.sequence === 1 && (parentCount.get(info.sku) ?? 0) >= 3,
    );
    expect(widelyUsed.length).toBeGreaterThanOrEqual(3);
  });

  it("gives every demand profile, new items a short history and dead items none for over a year", () => {
    const profiles = new Set(plant.products.map((product) => product.profile));
    for (const profile of [
      "smooth",
      "erratic",
      "intermittent",
      "lumpy",
      "seasonal",
      "trending",
      "new",
      "dead",
    ]) {
      expect(profiles).toContain(profile);
    }
    const aYearAgo = plant.endDay - 366;
    const tenWeeksAgo = plant.endDay - 7 * 11;
    for (const product of plant.products) {
      if (product.profile !== "new" && product.profile !== "dead") continue;
      const days = eventsOf(product.sku)
        .filter((event) => event.kind === "delivery")
        .map((event) => event.day);
      expect(days.length, product.sku).toBeGreaterThan(0);
      if (product.profile === "new")
        expect(Math.min(...days), product.sku).toBeGreaterThanOrEqual(tenWeeksAgo);
      if (product.profile === "dead") expect(Math.max(...days), product.sku).toBeLessThan(aYearAgo);
    }
  });

  it("gives trending items a level that moves by more than a quarter over the history", () => {
    const middle = (plant.startDay + plant.endDay) / 2;
    for (const product of plant.products.filter((candidate) => candidate.profile === "trending")) {
      let early = 0;
      let late = 0;
      for (const event of eventsOf(product.sku)) {
        if (event.kind !== "delivery") continue;
        if (event.day < middle) early += event.quantity;
        else late += event.quantity;
      }
      expect(Math.abs(late - early) / ((late + early) / 2), product.sku).toBeGreaterThan(0.25);
    }
  });

  it("spans unit costs over orders of magnitude, with single- and multi-sourced parts, MOQs and multiples", () => {
    const costs = plant.products.map((product) => product.unitCost);
    expect(Math.max(...costs) / Math.min(...costs)).toBeGreaterThan(1000);
    const sources = new Map<string, number>();
    for (const info of plant.supplierInfos) sources.set(info.sku, (sources.get(info.sku) ?? 0) + 1);
    const counts = [...sources.values()];
    expect(counts.filter((count) => count === 1).length).toBeGreaterThan(counts.length * 0.4);
    expect(counts.filter((count) => count > 1).length).toBeGreaterThan(counts.length * 0.2);
    expect(plant.supplierInfos.some((info) => info.minQty > 0)).toBe(true);
    expect(plant.products.some((product) => product.orderMultiple !== undefined)).toBe(true);
  });

  it("places purchase orders that honour MOQ, order multiple and the vendor's promise", () => {
    const offer = new Map(
      plant.supplierInfos.map((info) => [`${info.vendorCode}/${info.sku}`, info]),
    );
    expect(plant.purchaseOrders.length).toBeGreaterThan(500);
    for (const order of plant.purchaseOrders) {
      const info = offer.get(`${order.vendorCode}/${order.sku}`);
      expect(info).toBeDefined();
      const multiple = productOf.get(order.sku)?.orderMultiple ?? 1;
      expect(order.quantity).toBeGreaterThanOrEqual(info?.minQty ?? 0);
      expect(order.quantity % multiple).toBe(0);
      expect(order.plannedDay - order.approveDay).toBe(info?.delayDays);
      if (order.receiptDay !== undefined) {
        expect(order.receiptDay).toBeGreaterThan(order.approveDay);
        expect(order.receiptDay).toBeLessThanOrEqual(plant.endDay);
      }
    }
    expect(plant.purchaseOrders.some((order) => order.receiptDay === undefined)).toBe(true);
  });

  it("keeps events in day order inside the history, with a few customer returns", () => {
    const { demand } = plant;
    let returns = 0;
    for (let event = 0; event < demand.count; event++) {
      const day = demand.day[event] as number;
      if (day < plant.startDay || day > plant.endDay) throw new Error(`event ${event} on ${day}`);
      if (event > 0 && day < (demand.day[event - 1] as number))
        throw new Error(`event ${event} out of order`);
      if (!((demand.quantity[event] as number) > 0)) throw new Error(`event ${event} not positive`);
      if (demand.kind[event] === 2) returns++;
    }
    expect(returns).toBeGreaterThan(0);
    expect(returns).toBeLessThan(demand.count * 0.02);
  });

  it("never takes stock below zero, and ends with the on-hand it reports", () => {
    const level = new Map(plant.products.map((product) => [product.sku, product.openingStock]));
    const inflows: Array<[number, string, number]> = [];
    for (const order of plant.productionOrders)
      inflows.push([order.day, order.sku, order.quantity]);
    for (const order of plant.purchaseOrders) {
      if (order.receiptDay !== undefined)
        inflows.push([order.receiptDay, order.sku, order.quantity]);
    }
    inflows.sort((a, b) => a[0] - b[0]);
    let next = 0;
    const events = [...demandEventsOf(plant)];
    // Within a day inflows (receipts, production, returns) come before outflows.
    const returnsFirst = [...events].sort(
      (a, b) => a.day - b.day || Number(b.kind === "return") - Number(a.kind === "return"),
    );
    for (const event of returnsFirst) {
      while (next < inflows.length && (inflows[next]?.[0] as number) <= event.day) {
        const [, sku, quantity] = inflows[next++] as [number, string, number];
        level.set(sku, (level.get(sku) as number) + quantity);
      }
      const change = event.kind === "return" ? event.quantity : -event.quantity;
      const after = (level.get(event.sku) as number) + change;
      if (after < 0) throw new Error(`${event.sku} below zero on ${isoDay(event.day)}`);
      level.set(event.sku, after);
    }
    for (; next < inflows.length; next++) {
      const [, sku, quantity] = inflows[next] as [number, string, number];
      level.set(sku, (level.get(sku) as number) + quantity);
    }
    for (const product of plant.products)
      expect(level.get(product.sku), product.sku).toBe(product.onHand);
  });

  it("refuses options out of range", () => {
    expect(() => generatePlant({ productCount: 5 })).toThrow(RangeError);
    expect(() => generatePlant({ months: 0 })).toThrow(/months/);
    expect(() => generatePlant({ startDate: "2024-03" })).toThrow(/startDate/);
  });
});
