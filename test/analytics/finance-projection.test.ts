import { describe, expect, it } from "vitest";
import {
  type ProjectionItem,
  projectInventory,
} from "../../analytics/finance/project-inventory.js";
import { sumProjection } from "../../analytics/finance/sum-projection.js";

const values = (series: Float64Array, item: number, weeks: number) =>
  Array.from(series.subarray(item * (weeks + 1), (item + 1) * (weeks + 1)));

describe("projectInventory", () => {
  it("runs stock down without a rule and reorders under the suggested one (hand trace)", () => {
    // 10 on hand, 4 a week, 2 per unit, lead time 1 week; suggestion min 7 max 12.
    // current: 10 → 6 → 2 → 0 (backorder 2): values 20, 12, 4, 0.
    // suggested: week 0 position 10 ≥ 7; week 1: 6 < 7 → order 6, arrives week 2;
    //   week 2: 6 + 6 − 4 = 8; week 3: 4 (8 ≥ 7, no order after week 2): values 20, 12, 16, 8.
    const item: ProjectionItem = {
      unitCost: 2,
      onHand: 10,
      weeklyDemand: 4,
      leadTimeWeeks: 1,
      currentRule: null,
      suggestedRule: { min: 7, max: 12 },
    };
    const snapshot = structuredClone(item);
    const projection = projectInventory([item], { weeks: 3 });
    expect(item).toEqual(snapshot);
    expect(values(projection.current.inventoryValue, 0, 3)).toEqual([20, 12, 4, 0]);
    expect(values(projection.suggested.inventoryValue, 0, 3)).toEqual([20, 12, 16, 8]);
    expect(values(projection.suggested.receiptValue, 0, 3)).toEqual([0, 0, 12, 0]);
    expect(values(projection.current.receiptValue, 0, 3)).toEqual([0, 0, 0, 0]);
  });

  it("values week 0 at today's stock exactly, negative stock as none", () => {
    const items: ProjectionItem[] = [
      { unitCost: 12.34, onHand: 3, weeklyDemand: 0, leadTimeWeeks: 2, currentRule: null },
      { unitCost: 0.01, onHand: 7, weeklyDemand: 0, leadTimeWeeks: 2, currentRule: null },
      { unitCost: 99, onHand: -5, weeklyDemand: 0, leadTimeWeeks: 2, currentRule: null },
    ];
    const projection = projectInventory(items);
    expect(projection.weeks).toBe(13);
    const totals = sumProjection(projection, () => 0, 1);
    // 3 × 12.34 + 7 × 0.01 = 37.09 (the −5 count as 0)
    expect(totals.current.inventoryValue[0]).toBeCloseTo(37.09, 10);
    expect(totals.suggested.inventoryValue[0]).toBeCloseTo(37.09, 10);
  });

  it("receives open orders in their week, overdue ones in week 1, and counts late ones as on order", () => {
    // Rule min 5 max 20, 5 a week, lead time 2. On hand 6, 10 due in week 2, 10 overdue,
    // 50 due after the horizon (week 9 of 4).
    // week 1: 6 + 10 (overdue) − 5 = 11; position 11 + 10 + 50 ≥ 5 → no order.
    // week 2: 11 + 10 − 5 = 16; week 3: 11; week 4: 6.
    const projection = projectInventory(
      [
        {
          unitCost: 1,
          onHand: 6,
          weeklyDemand: 5,
          leadTimeWeeks: 2,
          openOrders: [
            { week: 2, quantity: 10 },
            { week: -3, quantity: 10 },
            { week: 9, quantity: 50 },
          ],
          currentRule: { min: 5, max: 20 },
        },
      ],
      { weeks: 4 },
    );
    expect(values(projection.current.inventoryValue, 0, 4)).toEqual([6, 11, 16, 11, 6]);
    expect(values(projection.current.receiptValue, 0, 4)).toEqual([0, 10, 10, 0, 0]);
    // Without a pending suggestion the suggested scenario is today's rule.
    expect(values(projection.suggested.inventoryValue, 0, 4)).toEqual([6, 11, 16, 11, 6]);
  });

  it("orders up to the max at least the MOQ in multiples, serving backorders first", () => {
    // On hand 0, 10 a week, lead 1; rule min 10 max 25, MOQ 30, multiple 8.
    // Week 0 review: position 0 < 10 → max(25, 30) = 30 → 32 (multiple of 8), due week 1.
    // Week 1: 0 + 32 − 10 = 22; position 22 ≥ 10. Week 2: 12. Week 3: 2; 2 < 10 → 32 due week 4.
    // Week 4: 2 + 32 − 10 = 24.
    const projection = projectInventory(
      [
        {
          unitCost: 1,
          onHand: 0,
          weeklyDemand: 10,
          leadTimeWeeks: 1,
          minOrderQty: 30,
          orderMultiple: 8,
          currentRule: { min: 10, max: 25 },
        },
      ],
      { weeks: 4 },
    );
    expect(values(projection.current.inventoryValue, 0, 4)).toEqual([0, 22, 12, 2, 24]);
    // A backorder: on hand −15, a rule-less item receiving 20 in week 2 at 5 a week.
    const late = projectInventory(
      [
        {
          unitCost: 1,
          onHand: -15,
          weeklyDemand: 5,
          leadTimeWeeks: 1,
          openOrders: [{ week: 2, quantity: 40 }],
          currentRule: null,
        },
      ],
      { weeks: 3 },
    );
    // −15 → −20 → −20 + 40 − 5 = 15 → 10
    expect(values(late.current.inventoryValue, 0, 3)).toEqual([0, 0, 15, 10]);
  });

  it("rejects bad input naming the item", () => {
    const ok: ProjectionItem = {
      unitCost: 1,
      onHand: 0,
      weeklyDemand: 1,
      leadTimeWeeks: 1,
      currentRule: null,
    };
    expect(() => projectInventory([ok, { ...ok, unitCost: -1 }])).toThrow(
      /item 1: unitCost must be a finite number ≥ 0, got -1/,
    );
    expect(() => projectInventory([{ ...ok, suggestedRule: { min: 5, max: 2 } }])).toThrow(
      /item 0: suggestedRule needs 0 ≤ min ≤ max/,
    );
    expect(() => projectInventory([ok], { weeks: 0 })).toThrow(RangeError);
  });
});

describe("sumProjection", () => {
  it("adds items into their groups week by week", () => {
    const item = (onHand: number): ProjectionItem => ({
      unitCost: 1,
      onHand,
      weeklyDemand: 1,
      leadTimeWeeks: 1,
      currentRule: null,
    });
    const projection = projectInventory([item(5), item(3), item(10)], { weeks: 2 });
    const totals = sumProjection(projection, (index) => (index === 2 ? 1 : 0), 2);
    expect(Array.from(totals.current.inventoryValue)).toEqual([8, 6, 4, 10, 9, 8]);
    expect(() => sumProjection(projection, () => 2, 2)).toThrow(/item 0: group 2 is not in 0…1/);
  });
});
