import { describe, expect, it } from "vitest";
import { type DemandPattern, demandPattern, demandStatistics } from "../../analytics/index.js";
import { generatePlant, plantPlanningInput } from "../../connector/sources/demo/index.js";

// Classified the way the planner classifies: analytics' Syntetos–Boylan function on weekly buckets.
const plant = generatePlant({ seed: 21, productCount: 1000 });
const { demand } = plantPlanningInput(plant, { period: "week" });
const periods = demand.periodLabels.length;
const patterns: DemandPattern[] = plant.products.map((_, row) =>
  demandPattern(demandStatistics(demand.quantities.subarray(row * periods, (row + 1) * periods))),
);
const usedInBoms = new Set(plant.boms.flatMap((bom) => bom.lines.map((line) => line.sku)));

describe("demo plant demand patterns", () => {
  it("classifies items with only independent demand as the pattern they were given", () => {
    let checked = 0;
    let agreeing = 0;
    const misclassified: string[] = [];
    plant.products.forEach((product, row) => {
      const pure = !usedInBoms.has(product.sku);
      if (!pure || !["smooth", "erratic", "intermittent", "lumpy"].includes(product.profile))
        return;
      checked++;
      if (patterns[row] === product.profile) agreeing++;
      else misclassified.push(`${product.sku} ${product.profile} → ${patterns[row]}`);
    });
    expect(checked).toBeGreaterThan(250);
    expect(agreeing / checked, misclassified.join("; ")).toBeGreaterThanOrEqual(0.95);
  });

  it("keeps seasonal and trending items frequent (smooth or erratic)", () => {
    plant.products.forEach((product, row) => {
      if (
        (product.profile === "seasonal" || product.profile === "trending") &&
        !usedInBoms.has(product.sku)
      ) {
        expect(["smooth", "erratic"], product.sku).toContain(patterns[row]);
      }
    });
  });

  it("has all four patterns across the plant, each on at least 5 % of the items", () => {
    const share = (pattern: DemandPattern) =>
      patterns.filter((candidate) => candidate === pattern).length / patterns.length;
    for (const pattern of ["smooth", "erratic", "intermittent", "lumpy"] as const) {
      expect(share(pattern), pattern).toBeGreaterThanOrEqual(0.05);
    }
    expect(share("none")).toBe(0);
  });
});
