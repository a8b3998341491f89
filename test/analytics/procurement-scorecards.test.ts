import { describe, expect, it } from "vitest";
import { EXPOSURE_UNITS, supplierRisk } from "../../analytics/procurement/supplier-risk.js";
import {
  ScorecardInputError,
  supplierScorecards,
  type VendorReceipt,
} from "../../analytics/procurement/supplier-scorecards.js";
import {
  PerformanceInputError,
  type VendorPerformance,
  vendorPerformance,
} from "../../analytics/procurement/vendor-performance.js";

/** A receipt ordered on `ordered`, received `lead` days later, promised `promised` days after. */
function receipt(ordered: string, lead: number, promised: number) {
  const day = (offset: number) =>
    new Date(Date.parse(`${ordered}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);
  return { orderedOn: ordered, receivedOn: day(lead), promisedOn: day(promised) };
}

describe("vendorPerformance", () => {
  // Hand computation. Six receipts, promised 10 days each:
  //   history (received before 2024-09-02 = 2024-12-01 − 90 d): 10, 12, 8 → mean 10
  //   recent: 20, 18, 22 → mean 20
  //   all: mean 15, sd √(Σ(x−15)² / 5) = √((25+9+49+25+9+49)/5) = √33.2 = 5.7619…
  //   on time (received by the promised day): 10 ✓, 12 ✗, 8 ✓, 20 ✗, 18 ✗, 22 ✗ → 2/6
  //   gap to the promise: mean(0, 2, −2, 10, 8, 12) = 5
  const receipts = [
    { ...receipt("2024-01-01", 10, 10), promisedDays: 10 },
    { ...receipt("2024-02-01", 12, 10), promisedDays: 10 },
    { ...receipt("2024-03-01", 8, 10), promisedDays: 10 },
    { ...receipt("2024-09-10", 20, 10), promisedDays: 10 },
    { ...receipt("2024-10-01", 18, 10), promisedDays: 10 },
    { ...receipt("2024-11-01", 22, 10), promisedDays: 10 },
  ];

  it("measures count, on-time rate, mean, sd, drift and the gap to the promise", () => {
    const snapshot = structuredClone(receipts);
    const performance = vendorPerformance(receipts, { asOfDay: "2024-12-01" });
    expect(receipts).toEqual(snapshot);
    expect(performance).toMatchObject({
      receipts: 6,
      recentDays: 90,
      recentReceipts: 3,
      historyReceipts: 3,
      recentMeanDays: 20,
      historyMeanDays: 10,
      driftDays: 10,
      driftRatio: 1,
      promisedDelayDays: 10,
      delayGapDays: 5,
    });
    expect(performance.onTimeRate).toBeCloseTo(2 / 6, 12);
    expect(performance.leadTimeMeanDays).toBe(15);
    expect(performance.leadTimeSdDays).toBeCloseTo(Math.sqrt(33.2), 12);
  });

  it("leaves a mean out when fewer receipts than the minimum back it", () => {
    const performance = vendorPerformance(receipts.slice(0, 5), { asOfDay: "2024-12-01" });
    // Recent side has only 2 receipts: no recent mean, no drift.
    expect(performance.recentReceipts).toBe(2);
    expect(performance.recentMeanDays).toBeNull();
    expect(performance.driftDays).toBeNull();
    expect(performance.driftRatio).toBeNull();
    expect(performance.historyMeanDays).toBe(10);
    const none = vendorPerformance([], { asOfDay: "2024-12-01" });
    expect(none).toMatchObject({
      receipts: 0,
      onTimeRate: null,
      leadTimeMeanDays: null,
      leadTimeSdDays: null,
      promisedDelayDays: null,
    });
  });

  it("moves the recent window with recentDays", () => {
    // 280 days back from 2024-12-01 is 2024-02-25: the March receipt (received 03-09) is recent
    // too, the February one (received 02-13) is not.
    const performance = vendorPerformance(receipts, { asOfDay: "2024-12-01", recentDays: 280 });
    expect(performance.recentReceipts).toBe(4);
    expect(performance.historyReceipts).toBe(2);
    expect(performance.historyMeanDays).toBeNull();
  });

  it("names the receipt and field it cannot read", () => {
    expect(() =>
      vendorPerformance([{ orderedOn: "2024-01-05", receivedOn: "2024-01-02" }], {
        asOfDay: "2024-02-01",
      }),
    ).toThrow(/receipt 0: received 2024-01-02 before it was ordered 2024-01-05/);
    expect(() =>
      vendorPerformance([{ orderedOn: "2024-13-05", receivedOn: "2024-01-02" }], {
        asOfDay: "2024-02-01",
      }),
    ).toThrow(PerformanceInputError);
    expect(() => vendorPerformance([], { asOfDay: "yesterday" })).toThrow(RangeError);
  });
});

const steady: VendorPerformance = {
  receipts: 40,
  onTimeRate: 1,
  leadTimeMeanDays: 10,
  leadTimeSdDays: 0,
  recentDays: 90,
  recentReceipts: 5,
  recentMeanDays: 10,
  historyReceipts: 35,
  historyMeanDays: 10,
  driftDays: 0,
  driftRatio: 0,
  promisedDelayDays: 10,
  delayGapDays: 0,
};
const noExposure = {
  criticalCount: 0,
  essentialCount: 0,
  singleSourcedCritical: 0,
  singleSourcedEssential: 0,
};

describe("supplierRisk", () => {
  it("scores a steady, on-time vendor of nothing critical 0, and says so", () => {
    const risk = supplierRisk(steady, noExposure);
    expect(risk.score).toBe(0);
    expect(risk.parts.map((part) => part.factor)).toEqual([
      "drift",
      "lateness",
      "promise",
      "variability",
      "exposure",
    ]);
    expect(risk.reason).toBe(
      "risk 0/100: supplies no critical or essential component, no sign of trouble in its receipts",
    );
  });

  it("adds each factor's points linearly up to its ceiling", () => {
    // Hand computation with the default ceilings:
    //   drift +25 % of a full +50 % → 15 of 30; lateness 40 % late → 6 of 15;
    //   promise gap 2.5 d on 10 d = 25 % of a full 50 % → 7.5 of 15; CV 2/10 = 0.2 of 0.5 → 4 of 10;
    //   exposure 1 single critical (3) + 1 shared essential (0.5) = 3.5 of 10 units → 10.5 of 30.
    const risk = supplierRisk(
      {
        ...steady,
        onTimeRate: 0.6,
        leadTimeSdDays: 2,
        recentMeanDays: 12.5,
        driftDays: 2.5,
        driftRatio: 0.25,
        delayGapDays: 2.5,
      },
      { criticalCount: 1, essentialCount: 1, singleSourcedCritical: 1, singleSourcedEssential: 0 },
    );
    expect(Object.fromEntries(risk.parts.map((part) => [part.factor, part.points]))).toEqual({
      drift: 15,
      lateness: 6,
      promise: 7.5,
      variability: 4,
      exposure: 10.5,
    });
    expect(risk.score).toBe(43);
    expect(risk.reason).toBe(
      "risk 43/100: lead time 12.5 d in the last 90 days against 10.0 d before (+25 %) +15; " +
        "60 % on time +6; 2.5 d later than the 10.0 d promised +7.5; lead time ± 2.0 d (CV 0.20) +4; " +
        "supplies 1 critical and 1 essential components, the only source of 1 +10.5",
    );
  });

  it("caps every factor, and gives nothing for a shorter lead time or an early vendor", () => {
    const worst = supplierRisk(
      { ...steady, onTimeRate: 0, leadTimeSdDays: 20, driftRatio: 3, delayGapDays: 40 },
      { criticalCount: 9, essentialCount: 0, singleSourcedCritical: 9, singleSourcedEssential: 0 },
    );
    expect(worst.score).toBe(100);
    const better = supplierRisk(
      { ...steady, driftRatio: -0.4, driftDays: -4, recentMeanDays: 6, delayGapDays: -3 },
      noExposure,
    );
    expect(better.score).toBe(0);
  });

  it("weighs single sources over shared ones, critical over essential", () => {
    expect(EXPOSURE_UNITS.singleSourcedCritical).toBeGreaterThan(EXPOSURE_UNITS.sharedCritical);
    expect(EXPOSURE_UNITS.sharedCritical).toBeGreaterThan(EXPOSURE_UNITS.sharedEssential);
    const points = (exposure: typeof noExposure) =>
      supplierRisk(steady, exposure).parts.find((part) => part.factor === "exposure")?.points;
    // 2 single-sourced essential = 3 units → 9 points; 2 shared critical = 2 units → 6 points.
    expect(
      points({
        criticalCount: 0,
        essentialCount: 2,
        singleSourcedCritical: 0,
        singleSourcedEssential: 2,
      }),
    ).toBe(9);
    expect(
      points({
        criticalCount: 2,
        essentialCount: 0,
        singleSourcedCritical: 0,
        singleSourcedEssential: 0,
      }),
    ).toBe(6);
  });

  it("earns nothing on a factor it cannot measure", () => {
    const unmeasured: VendorPerformance = {
      ...steady,
      receipts: 1,
      onTimeRate: null,
      leadTimeMeanDays: null,
      leadTimeSdDays: null,
      driftDays: null,
      driftRatio: null,
      recentMeanDays: null,
      historyMeanDays: null,
      promisedDelayDays: null,
      delayGapDays: null,
    };
    const risk = supplierRisk(unmeasured, noExposure);
    expect(risk.score).toBe(0);
    expect(risk.parts[0]?.text).toMatch(/too few receipts/);
  });
});

describe("supplierScorecards", () => {
  // Vendor A: the only source of critical C1 and essential E1, shares critical C2 with B; its lead
  // time went from 10 to 20 days. Vendor B: steady at 10 days on C2 and standard S1.
  const tierOf = new Map([
    ["C1", "critical"],
    ["C2", "critical"],
    ["E1", "essential"],
    ["S1", "standard"],
  ] as const);
  const offers = [
    { vendor: "A", sku: "C1", promisedDays: 10 },
    { vendor: "A", sku: "E1", promisedDays: 10 },
    { vendor: "A", sku: "C2", promisedDays: 10 },
    { vendor: "B", sku: "C2", promisedDays: 10 },
    { vendor: "B", sku: "S1", promisedDays: 10 },
  ];
  const receipts: VendorReceipt[] = [
    ...["2024-01-01", "2024-02-01", "2024-03-01"].map((day) => ({
      vendor: "A",
      sku: "C1",
      ...receipt(day, 10, 10),
    })),
    ...["2024-09-10", "2024-10-01", "2024-11-01"].map((day) => ({
      vendor: "A",
      sku: "C1",
      ...receipt(day, 20, 10),
    })),
    ...["2024-01-01", "2024-05-01", "2024-10-01", "2024-11-01"].map((day) => ({
      vendor: "B",
      sku: "S1",
      ...receipt(day, 10, 10),
    })),
  ];

  it("counts exposure and single sources from the offers and ranks the drifting vendor first", () => {
    const cards = supplierScorecards(
      { offers, receipts, tierOf, purchaseValues: new Map([["B", 5000]]) },
      { asOfDay: "2024-12-01" },
    );
    expect(cards.map((card) => [card.vendor, card.rank])).toEqual([
      ["A", 1],
      ["B", 2],
    ]);
    const [a, b] = cards;
    expect(a?.exposure).toEqual({
      criticalCount: 2,
      essentialCount: 1,
      singleSourcedCritical: 1,
      singleSourcedEssential: 1,
      criticalSkus: ["C1", "C2"],
      essentialSkus: ["E1"],
      singleSourcedSkus: ["C1", "E1"],
    });
    expect(a?.offeredItems).toBe(3);
    expect(a?.performance).toMatchObject({ receipts: 6, driftRatio: 1, delayGapDays: 5 });
    // A: drift 30 (capped), lateness 15 × 3/6 = 7.5, promise 5/10 = 0.5 → 15, variability
    // sd √(6·25/5) = √30 = 5.477 / 15 = 0.365 → 7.3, exposure 3 + 1.5 + 1 = 5.5 units → 16.5.
    expect(a?.risk.score).toBeCloseTo(30 + 7.5 + 15 + 7.3 + 16.5, 6);
    expect(b?.exposure).toMatchObject({ criticalCount: 1, singleSourcedCritical: 0 });
    expect(b?.purchaseValue).toBe(5000);
    expect(a?.purchaseValue).toBe(0);
    // B: steady and on time: only its shared critical part (1 unit → 3 points).
    expect(b?.risk.score).toBe(3);
  });

  it("breaks ties by exposure, purchase value, then vendor key", () => {
    const cards = supplierScorecards(
      {
        offers: [
          { vendor: "Z", sku: "S1", promisedDays: 5 },
          { vendor: "Y", sku: "S2", promisedDays: 5 },
          { vendor: "X", sku: "S3", promisedDays: 5 },
        ],
        receipts: [],
        tierOf: new Map(),
        purchaseValues: new Map([["Y", 10]]),
      },
      { asOfDay: "2024-12-01" },
    );
    expect(cards.map((card) => card.vendor)).toEqual(["Y", "X", "Z"]);
  });

  it("names the vendor and item of a receipt it cannot read", () => {
    expect(() =>
      supplierScorecards(
        {
          offers: [],
          receipts: [
            { vendor: "V9", sku: "P1", orderedOn: "2024-02-01", receivedOn: "2024-01-01" },
          ],
          tierOf: new Map(),
        },
        { asOfDay: "2024-12-01" },
      ),
    ).toThrow(
      new ScorecardInputError(
        "vendor V9, item P1: received 2024-01-01 before it was ordered 2024-02-01",
      ),
    );
  });
});
