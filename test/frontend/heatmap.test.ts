// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from "vitest";
import { AbcXyzHeatmap } from "../../frontend/dashboard/abc_xyz_heatmap.js";
import {
  type ClassGroup,
  heatmapFromGroups,
  heatOf,
} from "../../frontend/dashboard/heatmap-data.js";
import type { DashboardScope } from "../../frontend/dashboard/scope.js";
import { type Mounted, mountComponent, odooError, text } from "./support.js";

const scope: DashboardScope = { companyId: 1, currencyId: 2, warehouseId: false };

const group = (
  abc: ClassGroup["abc_class"],
  xyz: ClassGroup["xyz_class"],
  count: number,
  value: number,
): ClassGroup => ({
  abc_class: abc,
  xyz_class: xyz,
  __count: count,
  "inventory_value:sum": value,
});

const groups: ClassGroup[] = [
  group("A", "X", 40, 250_000),
  group("A", "Z", 3, 90_000),
  group("B", "Y", 120, 61_500),
  group("C", "Z", 800, 4_000),
  group(false, false, 25, 0),
];

describe("ABC × XYZ heatmap", () => {
  let mounted: Mounted<AbcXyzHeatmap> | undefined;
  afterEach(() => mounted?.destroy());

  it("reads all cells in one grouped call and shows items and value per cell", async () => {
    mounted = await mountComponent(AbcXyzHeatmap, {
      props: { scope, revision: 0 },
      respond: () => groups,
    });
    const { target, orm } = mounted;
    await vi.waitFor(() =>
      expect(target.querySelectorAll(".o_segmentation_heat_cell")).toHaveLength(9),
    );

    expect(orm.calls).toHaveLength(1);
    expect(orm.calls[0]).toMatchObject({
      model: "product.product",
      method: "formatted_read_group",
      domain: [
        ["segment_id", "!=", false],
        ["company_id", "in", [1, false]],
      ],
      groupby: ["abc_class", "xyz_class"],
      aggregates: ["__count", "inventory_value:sum"],
    });
    const ax = target.querySelector('[data-cell="AX"]');
    expect(text(ax?.querySelector(".o_segmentation_heat_count") ?? null)).toBe("40");
    expect(text(ax?.querySelector(".o_segmentation_heat_value") ?? null)).toBe("$ 250.00k");
    expect(text(target.querySelector('[data-cell="BX"] .o_segmentation_heat_count'))).toBe("0");
    // The grand total counts the 25 products without classes and says so.
    expect(text(target.querySelector("tfoot td:last-child"))).toContain("988");
    expect(text(target.querySelector(".o_segmentation_heatmap"))).toContain(
      "25 segmented products have no ABC or XYZ class",
    );
  });

  it("opens the planner's product list filtered on the clicked cell", async () => {
    mounted = await mountComponent(AbcXyzHeatmap, {
      props: { scope, revision: 0 },
      respond: () => groups,
    });
    const { target, doAction } = mounted;
    await vi.waitFor(() => expect(target.querySelector('[data-cell="BY"]')).not.toBeNull());

    (target.querySelector('[data-cell="BY"]') as HTMLButtonElement).click();

    expect(doAction).toHaveBeenCalledTimes(1);
    expect(doAction.mock.calls[0]?.[0]).toEqual({
      type: "ir.actions.act_window",
      name: "BY products",
      res_model: "product.product",
      views: [
        [false, "list"],
        [false, "form"],
      ],
      domain: [
        ["segment_id", "!=", false],
        ["company_id", "in", [1, false]],
        ["abc_class", "=", "B"],
        ["xyz_class", "=", "Y"],
      ],
      context: {
        list_view_ref: "inventory_segmentation.product_product_view_list_segmentation",
        search_view_ref: "stock.stock_product_search_form_view",
      },
    });
  });

  it("says so when nothing is segmented yet", async () => {
    mounted = await mountComponent(AbcXyzHeatmap, {
      props: { scope, revision: 0 },
      respond: () => [],
    });
    await vi.waitFor(() =>
      expect(mounted?.target.querySelector(".o_segmentation_empty")).not.toBeNull(),
    );
    expect(text(mounted.target)).toContain("No segmented product yet");
    expect(mounted.target.querySelector(".o_segmentation_heat_cell")).toBeNull();
  });

  it("shows the server's error and loads again on Retry", async () => {
    let fail = true;
    mounted = await mountComponent(AbcXyzHeatmap, {
      props: { scope, revision: 0 },
      respond: () => {
        if (fail) throw odooError("You are not allowed to access 'Product Variant' records.");
        return groups;
      },
    });
    const { target, orm } = mounted;
    await vi.waitFor(() => expect(target.querySelector(".o_segmentation_error")).not.toBeNull());
    expect(text(target.querySelector(".o_segmentation_error"))).toContain(
      "You are not allowed to access 'Product Variant' records.",
    );

    fail = false;
    (target.querySelector(".o_segmentation_error button") as HTMLButtonElement).click();

    await vi.waitFor(() =>
      expect(target.querySelectorAll(".o_segmentation_heat_cell")).toHaveLength(9),
    );
    expect(target.querySelector(".o_segmentation_error")).toBeNull();
    expect(orm.calls).toHaveLength(2);
  });

  it("reloads with the new company when the scope changes", async () => {
    const { Component, xml, useState } = await import("@odoo/owl");
    class Host extends Component {
      static override template = xml`<AbcXyzHeatmap scope="state.scope" revision="0"/>`;
      static components = { AbcXyzHeatmap };
      state = useState({ scope });
    }
    const host = await mountComponent(Host, { props: {}, respond: () => groups });
    await vi.waitFor(() => expect(host.orm.calls).toHaveLength(1));
    host.component.state.scope = { companyId: 3, currencyId: 2, warehouseId: false };
    await vi.waitFor(() => expect(host.orm.calls).toHaveLength(2));
    expect(host.orm.calls[1]?.domain).toContainEqual(["company_id", "in", [3, false]]);
    host.destroy();
  });
});

describe("heatmap shading", () => {
  /** The shade of cell `abc`+`xyz` of the heatmap built from `from`. */
  const shade = (from: ClassGroup[], abc: string, xyz: string): number => {
    const heatmap = heatmapFromGroups(from);
    const cell = heatmap.cells.find((c) => c.abc === abc && c.xyz === xyz);
    if (cell === undefined) throw new Error(`no cell ${abc}${xyz}`);
    return heatOf(cell, heatmap);
  };

  it("shades by value, the largest cell fully, and keeps small cells visible", () => {
    expect(shade(groups, "A", "X")).toBe(1);
    expect(shade(groups, "B", "Y")).toBeCloseTo(Math.sqrt(61_500 / 250_000), 6);
    expect(shade(groups, "C", "Z")).toBeCloseTo(Math.max(0.06, Math.sqrt(4_000 / 250_000)), 6);
    expect(shade(groups, "B", "X")).toBe(0);
  });

  it("shades by item count while no stock value is recorded", () => {
    const unvalued = [group("A", "X", 10, 0), group("C", "Z", 40, 0)];
    expect(shade(unvalued, "C", "Z")).toBe(1);
    expect(shade(unvalued, "A", "X")).toBeCloseTo(0.5, 6);
  });
});
