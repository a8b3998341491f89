// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from "vitest";
import { tierKpisFromRows } from "../../frontend/dashboard/kpi-data.js";
import { TierKpiCards } from "../../frontend/dashboard/tier_kpi_cards.js";
import { kpiRows, scope } from "./fixtures.js";
import { type Mounted, mountComponent, text } from "./support.js";

describe("tier KPIs from the runs' rows", () => {
  it("takes each tier's figures from the latest run and its history oldest first", () => {
    const kpis = tierKpisFromRows(kpiRows());
    expect(kpis?.runName).toBe("SEG/2026/00009");
    expect(kpis?.cards.map((card) => card.tier)).toEqual(["critical", "essential", "standard"]);
    const critical = kpis?.cards[0];
    expect(critical).toMatchObject({
      itemCount: 12,
      inventoryValue: 44_000,
      stockoutCount: 2,
      fillRate: 0.975,
    });
    expect(critical?.valueHistory).toEqual([36_000, 40_000, 44_000]);
    expect(critical?.valueChange).toBeCloseTo(0.1, 10);
  });

  it("reads a fill rate of zero without demand in the window as not measured", () => {
    const standard = tierKpisFromRows(kpiRows())?.cards.find((card) => card.tier === "standard");
    expect(standard?.fillRate).toBeUndefined();
    // An obsolete tier: cycles counted, but no demand to fill.
    const noDemand = kpiRows().map((row) =>
      row.segment_code === "essential" ? { ...row, fill_rate: 0, cycle_service: 1, turns: 0 } : row,
    );
    const essential = tierKpisFromRows(noDemand)?.cards.find((card) => card.tier === "essential");
    expect(essential?.fillRate).toBeUndefined();
  });

  it("keeps a real fill rate of zero: demand in the window, none served", () => {
    const starved = kpiRows().map((row) =>
      row.segment_code === "essential" ? { ...row, fill_rate: 0, cycle_service: 0, turns: 3 } : row,
    );
    const essential = tierKpisFromRows(starved)?.cards.find((card) => card.tier === "essential");
    expect(essential?.fillRate).toBe(0);
  });

  it("has no cards without rows, and no change without a previous run", () => {
    expect(tierKpisFromRows([])).toBeUndefined();
    const latestOnly = kpiRows().filter((row) => row.run_id[0] === 9);
    expect(tierKpisFromRows(latestOnly)?.cards[0]?.valueChange).toBeUndefined();
  });
});

describe("tier KPI cards", () => {
  let mounted: Mounted<TierKpiCards> | undefined;
  afterEach(() => mounted?.destroy());

  it("reads the company's finished runs in one call, company-wide rows unless a warehouse is chosen", async () => {
    mounted = await mountComponent(TierKpiCards, {
      props: { scope: { ...scope, warehouseId: 2 }, revision: 0 },
      respond: kpiRows,
    });
    const { orm, target } = mounted;
    await vi.waitFor(() =>
      expect(target.querySelectorAll(".o_segmentation_kpi_card")).toHaveLength(3),
    );
    expect(orm.calls).toHaveLength(1);
    expect(orm.calls[0]).toMatchObject({
      model: "inventory.segment.run.kpi",
      method: "search_read",
      domain: [
        ["company_id", "=", 1],
        ["warehouse_id", "=", 2],
        ["run_id.state", "=", "done"],
        ["date", "!=", false],
      ],
      kwargs: { limit: 48, order: "date desc, run_id desc" },
    });
  });

  it("shows items, value, target against achieved fill rate, stockouts, carrying cost and a trend", async () => {
    mounted = await mountComponent(TierKpiCards, {
      props: { scope, revision: 0 },
      respond: kpiRows,
    });
    const { target } = mounted;
    await vi.waitFor(() =>
      expect(target.querySelectorAll(".o_segmentation_kpi_card")).toHaveLength(3),
    );
    const critical = target.querySelector('.o_segmentation_kpi_card[data-tier="critical"]');
    expect(text(critical)).toContain("12 items");
    expect(text(critical?.querySelector(".o_segmentation_kpi_value") ?? null)).toBe("$ 44.00k");
    expect(text(critical)).toContain("+10% since the last run");
    expect(text(critical?.querySelector(".o_segmentation_kpi_service") ?? null)).toContain(
      "97.5% achieved · target 99%",
    );
    const facts = Array.from(
      critical?.querySelectorAll(".o_segmentation_kpi_facts dd") ?? [],
      text,
    );
    expect(facts).toEqual(["2", "$ 11.00k"]);
    expect(critical?.querySelector(".o_segmentation_service_bar .bg-danger")).not.toBeNull();
    expect(
      critical?.querySelector(".o_segmentation_sparkline polyline")?.getAttribute("points"),
    ).toBe("2,30 60,16 118,2");
    const standard = target.querySelector('.o_segmentation_kpi_card[data-tier="standard"]');
    expect(text(standard?.querySelector(".o_segmentation_kpi_service") ?? null)).toContain(
      "not measured",
    );
    expect(standard?.querySelector(".o_segmentation_service_bar")).toBeNull();
  });

  it("says when no finished run has KPIs", async () => {
    mounted = await mountComponent(TierKpiCards, {
      props: { scope, revision: 0 },
      respond: () => [],
    });
    await vi.waitFor(() =>
      expect(mounted?.target.querySelector(".o_segmentation_empty")).not.toBeNull(),
    );
    expect(text(mounted.target)).toContain("No finished run has recorded KPIs yet.");
  });
});
