// @vitest-environment jsdom
import type { TooltipItem } from "chart.js";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { CostServiceCurves } from "../../frontend/dashboard/cost_service_curves.js";
import { tierCurves } from "../../frontend/dashboard/curves-data.js";
import { DemandScatter } from "../../frontend/dashboard/demand_scatter.js";
import type { ProductPoint } from "../../frontend/dashboard/scatter-data.js";
import { dashboardRespond, scope } from "./fixtures.js";
import { type Mounted, mountComponent, text } from "./support.js";
import { charts, loadedBundles } from "./web/core/assets.js";

const tierNames = {
  critical: "Critical",
  essential: "Essential",
  standard: "Standard",
  obsolete: "Obsolete",
};

describe("demand scatter", () => {
  let mounted: Mounted<DemandScatter> | undefined;
  beforeEach(() => {
    charts.length = 0;
  });
  afterEach(() => mounted?.destroy());

  it("reads every product with demand in one call and draws them on log axes by tier", async () => {
    mounted = await mountComponent(DemandScatter, {
      props: { scope, revision: 0, tierNames },
      respond: dashboardRespond(),
    });
    const { orm, target } = mounted;
    await vi.waitFor(() => expect(charts).toHaveLength(1));

    expect(orm.calls).toHaveLength(1);
    expect(orm.calls[0]).toMatchObject({
      model: "product.product",
      method: "web_search_read",
      domain: [
        ["segment_id", "!=", false],
        ["company_id", "in", [1, false]],
        ["demand_cv", ">", 0],
        ["annual_consumption_value", ">", 0],
      ],
      kwargs: {
        specification: {
          display_name: {},
          demand_cv: {},
          annual_consumption_value: {},
          segment_code: {},
        },
        limit: 10_000,
        order: "annual_consumption_value desc, id",
      },
    });
    expect(loadedBundles).toContain("web.chartjs_lib");
    const [chart] = charts;
    expect(chart?.canvas.isConnected).toBe(true);
    expect(chart?.config.type).toBe("scatter");
    const scales = chart?.config.options.scales as Record<string, { type: string }>;
    expect([scales.x?.type, scales.y?.type]).toEqual(["logarithmic", "logarithmic"]);
    const datasets = chart?.config.data.datasets as { label: string; data: ProductPoint[] }[];
    expect(datasets.map((d) => [d.label, d.data.map((p) => p.name)])).toEqual([
      ["Standard", ["[FLT-2] Oil filter"]],
      ["Critical", ["[BRK-1] Brake disc"]],
    ]);
    expect(text(target)).toContain("2 products, log scales");
  });

  it("names the product in the tooltip and opens it on click", async () => {
    mounted = await mountComponent(DemandScatter, {
      props: { scope, revision: 0, tierNames },
      respond: dashboardRespond(),
    });
    await vi.waitFor(() => expect(charts).toHaveLength(1));
    const config = charts[0]?.config as unknown as {
      data: { datasets: { label: string; data: ProductPoint[] }[] };
      options: {
        plugins: {
          tooltip: { callbacks: { title(items: unknown[]): string; label(item: unknown): string } };
        };
        onClick(
          event: unknown,
          elements: { datasetIndex: number; index: number }[],
          chart: unknown,
        ): void;
      };
    };
    const brake = config.data.datasets[1]?.data[0];
    const item = {
      raw: brake,
      dataset: config.data.datasets[1],
    } as unknown as TooltipItem<"scatter">;
    const { callbacks } = config.options.plugins.tooltip;
    expect(callbacks.title([item])).toBe("[BRK-1] Brake disc");
    expect(callbacks.label(item)).toBe("Critical: $ 52.00k a year, CV 0.80");

    config.options.onClick({}, [{ datasetIndex: 1, index: 0 }], { data: config.data });
    expect(mounted.doAction).toHaveBeenCalledWith({
      type: "ir.actions.act_window",
      name: "[BRK-1] Brake disc",
      res_model: "product.product",
      res_id: 5,
      views: [[false, "form"]],
    });
  });

  it("draws nothing and says so when no product has demand", async () => {
    mounted = await mountComponent(DemandScatter, {
      props: { scope, revision: 0, tierNames },
      respond: dashboardRespond({
        "product.product/web_search_read": () => ({ length: 0, records: [] }),
      }),
    });
    await vi.waitFor(() =>
      expect(mounted?.target.querySelector(".o_segmentation_empty")).not.toBeNull(),
    );
    expect(charts).toHaveLength(0);
  });

  it("destroys its chart with the component", async () => {
    mounted = await mountComponent(DemandScatter, {
      props: { scope, revision: 0, tierNames },
      respond: dashboardRespond(),
    });
    await vi.waitFor(() => expect(charts).toHaveLength(1));
    mounted.destroy();
    expect(charts[0]?.destroyed).toBe(true);
    mounted = undefined;
  });
});

describe("cost–service curves", () => {
  it("prices each extra point of service, and leaves out curves of one point or no cost", () => {
    const curves = tierCurves({
      critical: [
        { service_target: 0.99, inventory_value: 50_000, carrying_cost: 12_500 },
        { service_target: 0.95, inventory_value: 30_000, carrying_cost: 7_500 },
      ],
      standard: [{ service_target: 0.9, inventory_value: 1, carrying_cost: 1 }],
      obsolete: [
        { service_target: 0.5, inventory_value: 0, carrying_cost: 0 },
        { service_target: 0.9, inventory_value: 0, carrying_cost: 0 },
      ],
    });
    expect(curves.map((curve) => curve.tier)).toEqual(["critical"]);
    const [critical] = curves;
    expect(critical?.points.map((p) => p.x)).toEqual([95, 99]);
    expect(critical?.points[0]?.costPerPoint).toBeUndefined();
    expect(critical?.points[1]?.costPerPoint).toBeCloseTo(1_250, 6);
  });

  it("reads the latest run that stored curves and draws one line per tier", async () => {
    charts.length = 0;
    const mounted = await mountComponent(CostServiceCurves, {
      props: { scope, revision: 0, tierNames },
      respond: dashboardRespond(),
    });
    await vi.waitFor(() => expect(charts).toHaveLength(1));
    expect(mounted.orm.calls[0]).toMatchObject({
      model: "inventory.segment.run",
      domain: [
        ["company_id", "=", 1],
        ["state", "=", "done"],
        ["cost_service_curves", "!=", false],
      ],
      fields: ["name", "cost_service_curves"],
      kwargs: { limit: 1, order: "date_start desc, id desc" },
    });
    expect(charts[0]?.config.type).toBe("line");
    expect(
      ((charts[0]?.config.data.datasets ?? []) as { label: string }[]).map((d) => d.label),
    ).toEqual(["Critical"]);
    expect(text(mounted.target.querySelector(".o_segmentation_card_title"))).toBe(
      "Cost of service in SEG/2026/00009",
    );
    mounted.destroy();
  });

  it("reports curves that are not in the contract's shape instead of drawing them", async () => {
    const mounted = await mountComponent(CostServiceCurves, {
      props: { scope, revision: 0, tierNames },
      respond: dashboardRespond({
        "inventory.segment.run/search_read": () => [
          {
            id: 3,
            name: "SEG/2026/00003",
            cost_service_curves: { critical: [{ service_target: 1.5 }] },
          },
        ],
      }),
    });
    await vi.waitFor(() =>
      expect(mounted.target.querySelector(".o_segmentation_error")).not.toBeNull(),
    );
    expect(text(mounted.target)).toContain(
      "The cost–service curves of SEG/2026/00003 are not in the expected format.",
    );
    mounted.destroy();
  });
});
