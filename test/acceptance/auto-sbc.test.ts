import { describe, expect, it } from "vitest";
import { parseAnalyticsConfig } from "../../analytics/config.js";
import { planPortfolio } from "../../analytics/plan-portfolio.js";
import { loadAuto, loadSbcReference } from "./auto-data.js";

describe("AUTO: Syntetos–Boylan classification", () => {
  it("reproduces sbc_reference.csv for 3000 of 3000 SKUs (monthly, all 24 months)", () => {
    const { demand, items } = loadAuto();
    const config = parseAnalyticsConfig({ period: "month" });
    if (!config.ok) throw new Error("default configuration rejected");
    const plan = planPortfolio(demand, items, config.config);
    const reference = loadSbcReference();
    expect(reference.size).toBe(3000);
    let matches = 0;
    const mismatches: string[] = [];
    for (const item of plan.items) {
      const expected = reference.get(item.sku);
      if (expected === undefined) throw new Error(`${item.sku} is not in sbc_reference.csv`);
      if (item.pattern === expected.pattern) matches++;
      else mismatches.push(`${item.sku}: ${item.pattern}, reference ${expected.pattern}`);
      // The reference prints 6 decimals (half a unit of the last one, plus float noise).
      expect(Math.abs((item.adi ?? Number.NaN) - expected.adi), item.sku).toBeLessThanOrEqual(
        5.000001e-7,
      );
      expect(Math.abs((item.cv2 ?? Number.NaN) - expected.cv2), item.sku).toBeLessThanOrEqual(
        5.000001e-7,
      );
    }
    expect(mismatches).toEqual([]);
    expect(matches).toBe(3000);
  });
});
