/**
 * The tier's minimum order value and max cover from Odoo, applied to a planned min/max: the order
 * quantity they leave keeps the vendor's MOQ and order multiple.
 */
import { describe, expect, it } from "vitest";
import type { ItemPlan } from "../../analytics/index.js";
import { applyTierKnobs } from "../../connector/writeback/proposals.js";

/** A planned item: min 30, max 100, 5 units a day at 30 each. */
const item = (overrides: Partial<ItemPlan> = {}): ItemPlan =>
  ({
    reorderPoint: 30,
    maxStock: 100,
    unitCost: 30,
    averageDailyDemand: 5,
    ...overrides,
  }) as ItemPlan;
const noKnobs = { maxCoverDays: 0, minOrderValue: 0 };

describe("the tier's knobs on a planned min/max", () => {
  it("leave the plan alone when they are off", () => {
    expect(applyTierKnobs(item(), noKnobs, { orderMultiple: 6 })).toEqual({
      minimum: 30,
      maximum: 100,
      notes: [],
    });
  });

  it("raise an order to the minimum order value, in whole packs", () => {
    // 1,000 ÷ 30 = 33.3 → 34 units → 36 in packs of 6.
    const raised = applyTierKnobs(
      item({ maxStock: 40 }),
      { ...noKnobs, minOrderValue: 1000 },
      { orderMultiple: 6 },
    );
    expect(raised).toMatchObject({ minimum: 30, maximum: 66 });
    expect(raised.notes).toEqual(["orders raised to the tier's minimum order value (36 units)"]);
    // Without a multiple: exactly 34.
    expect(
      applyTierKnobs(item({ maxStock: 40 }), { ...noKnobs, minOrderValue: 1000 }).maximum,
    ).toBe(64);
  });

  it("cap the max at the cover, rounding the order down to whole packs", () => {
    // 10 days × 5 = 50; 50 − 30 = 20 → 18 in packs of 6 → max 48.
    const capped = applyTierKnobs(item(), { ...noKnobs, maxCoverDays: 10 }, { orderMultiple: 6 });
    expect(capped).toMatchObject({ minimum: 30, maximum: 48 });
    expect(capped.notes).toEqual(["max capped at 10 days of cover"]);
    expect((capped.maximum - capped.minimum) % 6).toBe(0);
  });

  it("keep the vendor's minimum order when the cover is shorter, and say so", () => {
    // MOQ 40 → 42 in packs of 6: above the 20 the cover leaves.
    const kept = applyTierKnobs(
      item(),
      { ...noKnobs, maxCoverDays: 10 },
      { minOrderQty: 40, orderMultiple: 6 },
    );
    expect(kept).toMatchObject({ minimum: 30, maximum: 72 });
    expect(kept.notes).toEqual([
      "max at the vendor's minimum order above the tier's 10 days of cover",
    ]);
  });

  it("never put the max below the reorder point", () => {
    // 4 days × 5 = 20, below the reorder point of 30.
    const tight = applyTierKnobs(item(), { ...noKnobs, maxCoverDays: 4 });
    expect(tight.maximum).toBe(30);
  });
});
