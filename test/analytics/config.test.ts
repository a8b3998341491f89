import { describe, expect, it } from "vitest";
import { defaultAnalyticsConfig, parseAnalyticsConfig } from "../../analytics/config.js";

describe("parseAnalyticsConfig", () => {
  it("fills every default from an empty object", () => {
    const result = parseAnalyticsConfig({});
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { config } = result;
    expect(config.period).toBe("week");
    expect(config.abc).toEqual({ a: 0.8, b: 0.95 });
    expect(config.xyz).toEqual({ x: 0.5, y: 1.0 });
    expect(config.pattern).toEqual({ adiCutoff: 1.32, cv2Cutoff: 0.49, newItemMonths: 3 });
    expect(config.tiers.critical).toMatchObject({ serviceTarget: 0.99, serviceMeasure: "cycle" });
    expect(config.tiers.essential).toMatchObject({ serviceTarget: 0.97, serviceMeasure: "cycle" });
    expect(config.tiers.standard).toMatchObject({
      serviceTarget: 0.93,
      serviceMeasure: "fill",
      targetScope: "tier",
    });
    expect(config.tiers.obsolete.serviceTarget).toBe(0);
    expect(config.hysteresisRuns).toBe(3);
    expect(config.allocator.fillRateGoal).toBeNull();
    expect(config).toEqual(defaultAnalyticsConfig());
  });

  it("keeps the defaults beside a partial override, at any depth", () => {
    const result = parseAnalyticsConfig({
      period: "month",
      tiers: { standard: { serviceTarget: 0.95 } },
      defaults: { orderCost: 25 },
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.config.tiers.standard).toMatchObject({ serviceTarget: 0.95, reviewDays: 30 });
    expect(result.config.tiers.critical.serviceTarget).toBe(0.99);
    expect(result.config.defaults).toMatchObject({ orderCost: 25, holdingRate: 0.25 });
  });

  it("reports every problem with its path", () => {
    const result = parseAnalyticsConfig({
      abc: { a: 2 },
      tiers: { standard: { serviceTarget: 1 } },
      hysteresisRuns: 0,
      colour: "red",
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const paths = result.issues.map((issue) => issue.path);
    expect(paths).toContain("abc.a");
    expect(paths).toContain("hysteresisRuns");
    expect(paths).toContain("tiers.standard.serviceTarget");
    expect(result.issues.find((issue) => issue.path === "(root)")?.message).toMatch(/colour/);
  });

  it("rejects cut-offs in the wrong order", () => {
    const result = parseAnalyticsConfig({ abc: { a: 0.9, b: 0.8 }, xyz: { x: 2, y: 1 } });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((issue) => issue.path).sort()).toEqual(["abc.a", "xyz.x"]);
  });
});
