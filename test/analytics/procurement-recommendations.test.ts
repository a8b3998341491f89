import { describe, expect, it } from "vitest";
import { consignment } from "../../analytics/procurement/recommendations/consignment.js";
import { disposeObsolete } from "../../analytics/procurement/recommendations/dispose-obsolete.js";
import { dualSource } from "../../analytics/procurement/recommendations/dual-source.js";
import { recommendActions } from "../../analytics/procurement/recommendations/recommend-actions.js";
import { renegotiateOrderSize } from "../../analytics/procurement/recommendations/renegotiate-order-size.js";
import { reviewDesign } from "../../analytics/procurement/recommendations/review-design.js";
import { reviewVendor } from "../../analytics/procurement/recommendations/review-vendor.js";
import {
  type RecommendationItem,
  ruleSettings,
} from "../../analytics/procurement/recommendations/types.js";
import type { SupplierScorecard } from "../../analytics/procurement/supplier-scorecards.js";
import type { ItemPlan } from "../../analytics/types.js";

/** A weekly plan with round numbers; each test changes what its rule looks at. */
function plan(overrides: Partial<ItemPlan> = {}): ItemPlan {
  return {
    sku: "P1",
    abc: "B",
    xyz: "Y",
    pattern: "erratic",
    tier: "standard",
    computedTier: "standard",
    locked: false,
    deescalationStreak: 0,
    criticalityScore: 30,
    reason: "",
    serviceMeasure: "cycle",
    serviceTarget: 0.93,
    expectedFillRate: 0.98,
    expectedCycleService: 0.93,
    reviewDays: 7,
    demandPerPeriod: 70,
    averageDailyDemand: 10,
    demandCv: 0.6,
    adi: 1,
    cv2: 0.3,
    historyPeriods: 104,
    nonZeroPeriods: 104,
    leadTimeDays: 14,
    leadTimeSdDays: 2,
    leadTimeSource: "receipts",
    annualConsumptionValue: 36_400,
    unitCost: 10,
    distribution: "normal",
    leadTimeDemandMean: 140,
    leadTimeDemandSd: 40,
    safetyStock: 60,
    reorderPoint: 200,
    maxStock: 300,
    economicOrderQuantity: 100,
    orderQuantity: 100,
    expectedInventoryValue: 1_100,
    annualHoldingCost: 275,
    annualOrderingCost: 100,
    ...overrides,
  };
}

function item(overrides: Partial<RecommendationItem> = {}): RecommendationItem {
  return {
    plan: plan(),
    onHand: 250,
    minOrderQty: 0,
    orderMultiple: 1,
    vendorCount: 2,
    bomParentCount: 0,
    measuredLeadTimes: 0,
    vendor: { key: "V7", name: "Acme" },
    ...overrides,
  };
}

const scorecard = {
  vendor: "V1",
  rank: 1,
  risk: { score: 91.5, parts: [], reason: "" },
  performance: { onTimeRate: 0.12 },
} as unknown as SupplierScorecard;

const settings = ruleSettings();

describe("dual-source a critical single-sourced component", () => {
  const single = item({
    plan: plan({ sku: "CP-7", tier: "critical", leadTimeDays: 27, leadTimeSdDays: 4.1 }),
    vendorCount: 1,
    bomParentCount: 7,
    vendor: { key: "V1", name: "Sprocket Ltd", scorecard },
  });

  it("recommends a second vendor with the evidence and a reason a buyer reads", () => {
    const found = dualSource(single, settings);
    expect(found).toMatchObject({
      rule: "dual_source",
      key: "dual_source:CP-7",
      sku: "CP-7",
      vendor: "V1",
      audience: "procurement",
      priority: "high",
      value: 36_400,
      signature: "vendor=V1",
      evidence: {
        vendor: "V1",
        vendor_risk_score: 91.5,
        vendor_risk_rank: 1,
        vendor_on_time_rate: 0.12,
        bom_parent_count: 7,
        lead_time_mean_days: 27,
      },
    });
    expect(found?.reason).toBe(
      "CP-7 is critical and Sprocket Ltd is its only source (lead time 27.0 d ± 4.1 d, 12 % on time, " +
        "vendor risk 91.5/100, rank 1); it goes into 7 assemblies and 36,400 a year flows through it. " +
        "Qualify a second vendor.",
    );
  });

  it("is urgent only with a risky vendor or a widely used part", () => {
    const calm = item({
      plan: plan({ tier: "critical" }),
      vendorCount: 1,
      bomParentCount: 1,
      vendor: { key: "V2" },
    });
    expect(dualSource(calm, settings)?.priority).toBe("medium");
    expect(dualSource({ ...calm, bomParentCount: 3 }, settings)?.priority).toBe("high");
  });

  it("leaves alone essential items, second-sourced ones and made ones", () => {
    expect(dualSource({ ...single, plan: plan({ tier: "essential" }) }, settings)).toBeNull();
    expect(dualSource({ ...single, vendorCount: 2 }, settings)).toBeNull();
    expect(dualSource({ ...single, vendorCount: undefined, vendor: null }, settings)).toBeNull();
  });
});

describe("renegotiate a minimum order or lot size that forces stock above the policy's max", () => {
  // Hand computation: 10/day, weekly review → review demand 70; EOQ 100 → the policy orders 100,
  // max 200 + 100 = 300. An MOQ of 500 makes the plan order 500 and top up to 700: 700/300 = 2.33.
  // Freed average stock (500 − 100)/2 = 200 units × 10 = 2,000; carrying 25 % → 500 a year.
  const moq = item({
    plan: plan({ orderQuantity: 500, maxStock: 700 }),
    minOrderQty: 500,
  });

  it("quantifies the stock the vendor's terms add", () => {
    const found = renegotiateOrderSize(moq, settings);
    expect(found).toMatchObject({
      rule: "renegotiate_order_size",
      key: "renegotiate_order_size:P1",
      vendor: "V7",
      priority: "low",
      value: 2_000,
      signature: "moq=500;multiple=1;vendor=V7",
      evidence: {
        policy_order_quantity: 100,
        policy_max_stock: 300,
        forced_max_ratio: 2.333,
        order_cover_days: 50,
        annual_carrying_cost: 500,
      },
    });
    expect(found?.reason).toBe(
      "The minimum order of 500 units from Acme makes every order last 50 days: stock tops up to 700 " +
        "where the policy's max is 300. Orders of 100 would free about 2,000 of average stock " +
        "(500 a year in carrying cost).",
    );
  });

  it("blames the lot size when the multiple forces it, and grows urgent from 3×", () => {
    const lot = item({
      plan: plan({ orderQuantity: 1_000, maxStock: 1_200 }),
      orderMultiple: 1_000,
    });
    const found = renegotiateOrderSize(lot, settings);
    expect(found?.reason).toMatch(/^The lot size of 1,000 units from Acme/);
    expect(found?.priority).toBe("medium"); // 1,200 / 300 = 4
  });

  it("stays quiet below the ratio, without demand and for obsolete items", () => {
    // 400 / 300 = 1.33 < 1.5
    const mild = item({ plan: plan({ orderQuantity: 200, maxStock: 400 }), minOrderQty: 200 });
    expect(renegotiateOrderSize(mild, settings)).toBeNull();
    expect(renegotiateOrderSize(mild, ruleSettings({ orderSizeMaxRatio: 1.3 }))).not.toBeNull();
    expect(
      renegotiateOrderSize({ ...moq, plan: plan({ ...moq.plan, demandPerPeriod: 0 }) }, settings),
    ).toBeNull();
    expect(
      renegotiateOrderSize({ ...moq, plan: plan({ ...moq.plan, tier: "obsolete" }) }, settings),
    ).toBeNull();
  });
});

describe("consignment or VMI for high-value smooth items", () => {
  const smoothA = item({
    plan: plan({
      sku: "CP-12",
      abc: "A",
      xyz: "X",
      pattern: "smooth",
      demandCv: 0.21,
      annualConsumptionValue: 120_000,
      expectedInventoryValue: 8_400,
    }),
    vendor: { key: "V4", name: "Vendor Four", scorecard },
  });

  it("proposes it with the stock the vendor would carry", () => {
    const found = consignment(smoothA, settings);
    expect(found).toMatchObject({
      rule: "consignment",
      vendor: "V4",
      value: 8_400,
      evidence: { annual_carrying_cost: 2_100, demand_cv: 0.21, vendor_on_time_rate: 0.12 },
    });
    expect(found?.reason).toBe(
      "CP-12 is an A item (120,000 a year) with smooth, steady demand (CV 0.21): steady enough for Vendor Four " +
        "to hold it on consignment or manage it (VMI). That would free about 8,400 of stock " +
        "(2,100 a year in carrying cost); the vendor delivers 12 % on time.",
    );
  });

  it("needs an A item, smooth and steady demand, and a vendor", () => {
    expect(
      consignment({ ...smoothA, plan: plan({ ...smoothA.plan, xyz: "Y" }) }, settings),
    ).toBeNull();
    expect(
      consignment({ ...smoothA, plan: plan({ ...smoothA.plan, abc: "B" }) }, settings),
    ).toBeNull();
    expect(
      consignment({ ...smoothA, plan: plan({ ...smoothA.plan, pattern: "erratic" }) }, settings),
    ).toBeNull();
    expect(consignment({ ...smoothA, vendor: null }, settings)).toBeNull();
  });
});

describe("review the design of highly variable critical and essential items", () => {
  const lumpy = item({
    plan: plan({
      sku: "CP-88",
      tier: "critical",
      pattern: "lumpy",
      demandCv: 1.8,
      safetyStock: 320,
    }),
    bomParentCount: 2,
  });

  it("asks engineering, with the safety stock the variability costs", () => {
    const found = reviewDesign(lumpy, settings);
    expect(found).toMatchObject({
      rule: "review_design",
      audience: "engineering",
      priority: "high",
      value: 3_200,
      evidence: { demand_cv: 1.8, demand_pattern: "lumpy", safety_stock_value: 3_200 },
    });
    expect(found?.reason).toBe(
      "CP-88 is critical and its demand swings widely (CV 1.80, lumpy demand); that costs 3,200 of " +
        "safety stock. Review its design: a common part, a modular design or a substitute would pool its demand.",
    );
    expect(
      reviewDesign({ ...lumpy, plan: plan({ ...lumpy.plan, tier: "essential" }) }, settings)
        ?.priority,
    ).toBe("medium");
  });

  it("leaves standard items, steadier demand, C items and end products alone", () => {
    const variant = (changes: Partial<ItemPlan>) =>
      reviewDesign({ ...lumpy, plan: plan({ ...lumpy.plan, ...changes }) }, settings);
    expect(variant({ tier: "standard" })).toBeNull();
    expect(variant({ demandCv: 1.49 })).toBeNull();
    expect(variant({ demandCv: null })).toBeNull();
    expect(variant({ abc: "C" })).toBeNull();
    expect(reviewDesign({ ...lumpy, bomParentCount: 0 }, settings)).toBeNull();
    const lower = ruleSettings({ designDemandCv: 1 });
    expect(
      reviewDesign({ ...lumpy, plan: plan({ ...lumpy.plan, demandCv: 1.2 }) }, lower),
    ).not.toBeNull();
  });
});

describe("review the vendor of items whose lead time varies widely", () => {
  const erratic = item({
    plan: plan({
      sku: "CP-3",
      tier: "essential",
      leadTimeDays: 22,
      leadTimeSdDays: 9.1,
      safetyStock: 210,
      leadTimeSource: "item",
    }),
    measuredLeadTimes: 12,
    vendor: {
      key: "V5",
      scorecard: { ...scorecard, performance: { onTimeRate: 0.45 } } as SupplierScorecard,
    },
  });

  it("asks procurement, with the lead-time evidence", () => {
    const found = reviewVendor(erratic, settings);
    expect(found).toMatchObject({
      rule: "review_vendor",
      audience: "procurement",
      priority: "medium",
      value: 2_100,
      evidence: { lead_time_cv: 0.414, receipts: 12, vendor_on_time_rate: 0.45, vendor: "V5" },
    });
    expect(found?.reason).toBe(
      "CP-3 is essential and its lead time from V5 varies widely (22.0 d ± 9.1 d, CV 0.41; the vendor " +
        "is 45 % on time); that costs 2,100 of safety stock. Review the vendor: firm delivery dates, a closer or a second source.",
    );
  });

  it("needs a lead time measured on 3 receipts or more, with a CV of 0.3 or more", () => {
    expect(reviewVendor({ ...erratic, measuredLeadTimes: 2 }, settings)).toBeNull();
    expect(
      reviewVendor(
        {
          ...erratic,
          measuredLeadTimes: 0,
          plan: plan({ ...erratic.plan, leadTimeSource: "receipts" }),
        },
        settings,
      ),
    ).not.toBeNull();
    // 6 / 22 = 0.27
    expect(
      reviewVendor({ ...erratic, plan: plan({ ...erratic.plan, leadTimeSdDays: 6 }) }, settings),
    ).toBeNull();
  });
});

describe("flag obsolete stock for disposal", () => {
  const dead = item({
    plan: plan({ sku: "CP-9", tier: "obsolete", pattern: "none", unitCost: 14 }),
    onHand: 320,
  });

  it("names the stock, its value and what keeping it costs", () => {
    const found = disposeObsolete(dead, settings);
    expect(found).toMatchObject({
      rule: "dispose_obsolete",
      audience: "finance",
      value: 4_480,
      evidence: { on_hand: 320, stock_value: 4_480, annual_carrying_cost: 1_120 },
      signature: "obsolete",
    });
    expect(found?.reason).toBe(
      "CP-9 is obsolete: 320 units on hand worth 4,480 cost 1,120 a year to keep. Sell them, return them to the vendor or scrap them.",
    );
  });

  it("skips items without stock, new items and items still in use", () => {
    expect(disposeObsolete({ ...dead, onHand: 0 }, settings)).toBeNull();
    expect(
      disposeObsolete({ ...dead, plan: plan({ ...dead.plan, pattern: "new" }) }, settings),
    ).toBeNull();
    expect(
      disposeObsolete({ ...dead, plan: plan({ ...dead.plan, tier: "standard" }) }, settings),
    ).toBeNull();
  });
});

describe("recommendActions", () => {
  it("runs every rule and puts the most urgent, then the most valuable, first", () => {
    const items = [
      item({ plan: plan({ sku: "DEAD", tier: "obsolete", pattern: "none" }), onHand: 1_000 }),
      item({
        plan: plan({ sku: "SOLE", tier: "critical", demandCv: 1.5 }),
        vendorCount: 1,
        bomParentCount: 1,
        vendor: { key: "V1", scorecard },
      }),
      item({ plan: plan({ sku: "FINE" }) }),
    ];
    const snapshot = structuredClone(items);
    const found = recommendActions(items);
    expect(items).toEqual(snapshot);
    expect(found.map((recommendation) => recommendation.key)).toEqual([
      "dual_source:SOLE", // high, 36,400
      "review_design:SOLE", // high, 600
      "dispose_obsolete:DEAD", // medium, 10,000
    ]);
  });
});
