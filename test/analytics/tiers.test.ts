import { describe, expect, it } from "vitest";
import { assignTier, type TierOptions } from "../../analytics/assign-tier.js";
import { defaultAnalyticsConfig } from "../../analytics/config.js";
import { criticalityScore, describeScore } from "../../analytics/criticality-score.js";

const criticality = defaultAnalyticsConfig().criticality;
const options: TierOptions = {
  essentialScore: 40,
  criticalScore: 65,
  hysteresisRuns: 3,
  obsoleteAfterMonths: 12,
};
const score = (points: number) => ({ score: points, parts: [] });

describe("criticalityScore", () => {
  it("adds explainable points per signal (hand computation with the default weights)", () => {
    // A 20, Z 10, lead time (60 + 30)/120 × 20 = 15, 4 parents 12 + A parent 10 = 22, single 10,
    // event 25: 102, capped at 100.
    const result = criticalityScore(
      {
        abc: "A",
        xyz: "Z",
        leadTimeDays: 60,
        leadTimeSdDays: 30,
        bomParentCount: 4,
        bomParentBestAbc: "A",
        vendorCount: 1,
        activeEvent: "late receipt from ACME",
      },
      criticality,
    );
    expect(result.score).toBe(100);
    expect(result.parts.map((part) => [part.signal, part.points])).toEqual([
      ["event", 25],
      ["bom", 22],
      ["value", 20],
      ["lead-time", 15],
      ["variability", 10],
      ["single-source", 10],
    ]);
    expect(describeScore(result)).toMatch(
      /^score 100: late receipt from ACME \+25, used in 4 BoMs/,
    );
  });

  it("keeps value and variability alone below the essential threshold", () => {
    // A 20 + Z 10 + lead time 30/120 × 20 = 5: 35 < 40.
    const result = criticalityScore(
      { abc: "A", xyz: "Z", leadTimeDays: 30, leadTimeSdDays: 0 },
      criticality,
    );
    expect(result.score).toBe(35);
    expect(describeScore(result)).toBe(
      "score 35: A-class value +20, highly variable demand (Z) +10, lead time 30 ± 0 d +5",
    );
  });

  it("halves B and Y and scores nothing for C, X and unknown signals", () => {
    const result = criticalityScore(
      { abc: "B", xyz: "Y", leadTimeDays: 0, leadTimeSdDays: 0 },
      criticality,
    );
    expect(result.score).toBe(15);
    expect(
      criticalityScore({ abc: "C", xyz: "X", leadTimeDays: 0, leadTimeSdDays: 0 }, criticality)
        .score,
    ).toBe(0);
  });
});

describe("assignTier", () => {
  it("maps the score to a tier and says why", () => {
    expect(assignTier({ score: score(70), monthsWithoutDemand: 0 }, options)).toMatchObject({
      tier: "critical",
      computedTier: "critical",
      locked: false,
      deescalationStreak: 0,
      reason: "critical: score 70 (≥ 65)",
    });
    expect(assignTier({ score: score(40), monthsWithoutDemand: 0 }, options).tier).toBe(
      "essential",
    );
    expect(assignTier({ score: score(39), monthsWithoutDemand: 0 }, options).reason).toBe(
      "standard: score 39 (< 40)",
    );
  });

  it("makes items without demand for the limit obsolete, and not when the history is too short", () => {
    expect(assignTier({ score: score(90), monthsWithoutDemand: 12 }, options)).toMatchObject({
      tier: "obsolete",
      reason: "obsolete: no demand in the last 12 months (limit 12)",
    });
    expect(assignTier({ score: score(0), monthsWithoutDemand: null }, options).tier).toBe(
      "standard",
    );
  });

  it("keeps a planner's lock and shows what the score says", () => {
    const result = assignTier(
      { score: score(10), monthsWithoutDemand: 0, lockedTier: "critical", deescalationStreak: 2 },
      options,
    );
    expect(result).toMatchObject({
      tier: "critical",
      computedTier: "standard",
      locked: true,
      deescalationStreak: 0,
    });
    expect(result.reason).toBe("critical: locked by a planner; computed standard, score 10 (< 40)");
  });

  it("escalates at once and de-escalates only after k consecutive runs", () => {
    const up = assignTier(
      { score: score(70), monthsWithoutDemand: 0, previousTier: "standard" },
      options,
    );
    expect(up).toMatchObject({ tier: "critical", deescalationStreak: 0 });
    expect(up.reason).toMatch(/^critical \(raised from standard\)/);

    let streak = 0;
    const tiers: string[] = [];
    for (let run = 0; run < 4; run++) {
      const result = assignTier(
        {
          score: score(10),
          monthsWithoutDemand: 0,
          previousTier: run < 3 ? "critical" : "standard",
          deescalationStreak: streak,
        },
        options,
      );
      tiers.push(result.tier);
      streak = result.deescalationStreak;
      if (run === 0)
        expect(result.reason).toMatch(/^critical: held, computed standard in 1 of the 3/);
    }
    expect(tiers).toEqual(["critical", "critical", "standard", "standard"]);

    // A run that agrees with the tier in force resets the count.
    const reset = assignTier(
      { score: score(70), monthsWithoutDemand: 0, previousTier: "critical", deescalationStreak: 2 },
      options,
    );
    expect(reset.deescalationStreak).toBe(0);
  });
});
