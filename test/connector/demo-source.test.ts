import { describe, expect, it } from "vitest";
import { parsePeriod } from "../../analytics/periods.js";
import {
  demandEventsOf,
  generatePlant,
  isoDay,
  plantPlanningInput,
} from "../../connector/sources/demo/index.js";

const plant = generatePlant({ seed: 5, productCount: 300 });
const weekly = plantPlanningInput(plant);
const monthly = plantPlanningInput(plant, { period: "month" });

function rowTotal(quantities: Float64Array, row: number, periods: number): number {
  let total = 0;
  for (let t = 0; t < periods; t++) total += quantities[row * periods + t] as number;
  return total;
}

describe("plantPlanningInput", () => {
  it("aligns demand rows, items and products", () => {
    for (const { demand, items } of [weekly, monthly]) {
      expect(demand.skus).toEqual(plant.products.map((product) => product.sku));
      expect(items.map((item) => item.sku)).toEqual(demand.skus);
      expect(demand.quantities).toHaveLength(demand.skus.length * demand.periodLabels.length);
    }
  });

  it("covers the whole history on a consecutive grid of ISO weeks or months", () => {
    expect(monthly.demand.periodLabels).toHaveLength(24);
    expect(monthly.demand.periodLabels[0]).toBe(isoDay(plant.startDay).slice(0, 7));
    expect(monthly.demand.periodLabels.at(-1)).toBe(isoDay(plant.endDay).slice(0, 7));
    const ordinals = weekly.demand.periodLabels.map((label) => parsePeriod(label).ordinal);
    expect(ordinals.map((ordinal) => ordinal - (ordinals[0] as number))).toEqual(
      ordinals.map((_, index) => index),
    );
    expect(weekly.demand.periodLabels[0]).toBe("2022-W52"); // 2023-01-01 is a Sunday
  });

  it("nets deliveries and consumption against returns, on both grids", () => {
    const expected = new Map<string, number>();
    for (const event of demandEventsOf(plant)) {
      const signed = event.kind === "return" ? -event.quantity : event.quantity;
      expected.set(event.sku, (expected.get(event.sku) ?? 0) + signed);
    }
    for (const { demand } of [weekly, monthly]) {
      demand.skus.forEach((sku, row) => {
        expect(rowTotal(demand.quantities, row, demand.periodLabels.length), sku).toBeCloseTo(
          expected.get(sku) ?? 0,
          6,
        );
      });
    }
  });

  it("carries sourcing, BoM parents, MOQ, order multiple and stock from the plant", () => {
    const sources = new Map<string, number>();
    for (const info of plant.supplierInfos) sources.set(info.sku, (sources.get(info.sku) ?? 0) + 1);
    const parents = new Map<string, number>();
    for (const bom of plant.boms) {
      for (const line of bom.lines) parents.set(line.sku, (parents.get(line.sku) ?? 0) + 1);
    }
    weekly.items.forEach((item, index) => {
      const product = plant.products[index];
      expect(item.unitCost).toBe(product?.unitCost);
      expect(item.onHand).toBe(product?.onHand);
      expect(item.orderMultiple).toBe(product?.orderMultiple);
      expect(item.vendorCount).toBe(product?.purchased ? sources.get(item.sku) : undefined);
      expect(item.bomParentCount).toBe(parents.get(item.sku));
      const preferred = plant.supplierInfos.find(
        (info) => info.sku === item.sku && info.sequence === 1,
      );
      expect(item.minOrderQty).toBe(
        preferred && preferred.minQty > 0 ? preferred.minQty : undefined,
      );
    });
  });

  it("measures lead times from the preferred vendor's receipts, so the jump shows in the history", () => {
    const shift = plant.leadTimeShift;
    const mean = (values: readonly number[]) =>
      values.reduce((sum, value) => sum + value, 0) / values.length;
    let itemsSeeingTheJump = 0;
    for (const info of plant.supplierInfos) {
      if (info.vendorCode !== shift.vendorCode || info.sequence !== 1) continue;
      const received = plant.purchaseOrders.filter(
        (order) =>
          order.sku === info.sku &&
          order.vendorCode === info.vendorCode &&
          order.receiptDay !== undefined,
      );
      const history = weekly.items.find((item) => item.sku === info.sku)?.leadTimeHistoryDays ?? [];
      // Oldest order first, one entry per receipt.
      expect(history).toEqual(
        received.map((order) => (order.receiptDay as number) - order.approveDay),
      );
      const before = received.filter((order) => order.approveDay < shift.day).length;
      if (before >= 2 && received.length - before >= 2) {
        itemsSeeingTheJump++;
        expect(mean(history.slice(0, before))).toBeLessThan(16);
        expect(mean(history.slice(before))).toBeGreaterThan(22);
      }
    }
    expect(itemsSeeingTheJump).toBeGreaterThan(3);
    for (const item of weekly.items) {
      const history = item.leadTimeHistoryDays ?? [];
      if (history.length >= 3) expect(item.leadTimeDays).toBeCloseTo(mean(history), 9);
    }
  });

  it("gives made items their manufacturing lead time, without spread", () => {
    plant.products.forEach((product, index) => {
      if (product.purchased) return;
      expect(weekly.items[index]).toMatchObject({
        leadTimeDays: product.manufactureDays,
        leadTimeSdDays: 0,
      });
    });
  });
});
