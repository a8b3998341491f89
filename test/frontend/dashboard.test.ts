// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  DASHBOARD_ACTION_TAG,
  PLANNER_GROUP,
  SegmentationDashboard,
} from "../../frontend/dashboard/segmentation_dashboard.js";
import { contract } from "../../manifest/contract.js";
import { dashboardRespond } from "./fixtures.js";
import { type Mounted, mountComponent, repoFile, text } from "./support.js";
import { registry } from "./web/core/registry.js";
import { hasGroupCalls, setUser } from "./web/core/user.js";

const settled = (mounted: Mounted<SegmentationDashboard>) =>
  vi.waitFor(() => {
    expect(
      mounted.target.querySelector(".o_segmentation_events .o_segmentation_event"),
    ).not.toBeNull();
    expect(mounted.target.querySelector(".o_segmentation_loading")).toBeNull();
    expect(mounted.target.querySelectorAll(".o_segmentation_kpi_card")).toHaveLength(3);
    // The dashboard's own reads (role, tiers, warehouses) are applied after the first paint.
    expect(mounted.target.querySelector(".o_segmentation_warehouse")).not.toBeNull();
  });

describe("segmentation dashboard", () => {
  let mounted: Mounted<SegmentationDashboard> | undefined;
  beforeEach(() => setUser({ groups: [PLANNER_GROUP] }));
  afterEach(() => mounted?.destroy());

  it("is the client action the addon's menu opens", () => {
    const views = repoFile("addon/inventory_segmentation/views/segmentation_dashboard_views.xml");
    expect(views).toContain(`<field name="tag">${DASHBOARD_ACTION_TAG}</field>`);
    expect(registry.category("actions").get(DASHBOARD_ACTION_TAG)).toBe(SegmentationDashboard);
    expect(PLANNER_GROUP).toBe(contract.groups.planner);
  });

  it("loads each panel with one call, all at once, beside two small reads of its own", async () => {
    mounted = await mountComponent(SegmentationDashboard, {
      props: { action: {} },
      respond: dashboardRespond(),
    });
    await settled(mounted);
    const calls = mounted.orm.calls.map((c) => `${c.model}/${c.method}`);
    expect(calls.sort()).toEqual([
      "inventory.segment.cash.projection/formatted_read_group",
      "inventory.segment.event/search_read",
      "inventory.segment.run.kpi/search_read", // tier cards
      "inventory.segment.run.kpi/search_read", // inventory finance
      "inventory.segment.run/search_read", // run status
      "inventory.segment.run/search_read", // cost–service curves
      "inventory.segment.suggestion/web_search_read",
      "inventory.segment/search_read", // tier names
      "product.product/formatted_read_group",
      "product.product/web_search_read",
      "stock.warehouse/search_read",
    ]);
    expect(hasGroupCalls()).toEqual([PLANNER_GROUP]);
    const page = text(mounted.target);
    expect(page).toContain("Last run SEG/2026/00009 finished");
    expect(page).toContain(
      "Lead time of vendor X rose from 12 to 27 days → 14 components escalated to critical.",
    );
    expect(mounted.target.querySelectorAll(".o_segmentation_heat_cell")).toHaveLength(9);
    expect(mounted.target.querySelectorAll(".o_segmentation_accept")).toHaveLength(2);
  });

  it("queues a recompute for the selected company and refreshes the panels", async () => {
    const respond = dashboardRespond({
      "inventory.segment.run/action_request_run": () => ({
        params: {
          message:
            "Recompute requested (SEG/2026/00010): the connector picks it up at its next poll.",
          type: "success",
          run_id: 10,
        },
      }),
    });
    mounted = await mountComponent(SegmentationDashboard, { props: { action: {} }, respond });
    await settled(mounted);
    const before = mounted.orm.calls.length;

    (mounted.target.querySelector(".o_segmentation_recompute") as HTMLButtonElement).click();

    await vi.waitFor(() => expect(mounted?.orm.calls.length).toBe(before + 10));
    const request = mounted.orm.calls[before];
    expect(request).toEqual({
      model: "inventory.segment.run",
      method: "action_request_run",
      args: [[]],
      kwargs: { context: { allowed_company_ids: [1] } },
    });
    expect(mounted.notify).toHaveBeenCalledWith(
      "Recompute requested (SEG/2026/00010): the connector picks it up at its next poll.",
      { type: "success", title: "Recompute now" },
    );
  });

  it("offers neither Recompute nor decisions to a user who is not a Planner", async () => {
    setUser({ groups: [] });
    mounted = await mountComponent(SegmentationDashboard, {
      props: { action: {} },
      respond: dashboardRespond(),
    });
    await settled(mounted);
    expect(mounted.target.querySelector(".o_segmentation_recompute")).toBeNull();
    expect(mounted.target.querySelector(".o_segmentation_accept")).toBeNull();
  });

  it("filters the warehouse's KPIs and suggestions when a warehouse is picked", async () => {
    mounted = await mountComponent(SegmentationDashboard, {
      props: { action: {} },
      respond: dashboardRespond(),
    });
    await settled(mounted);
    const select = mounted.target.querySelector(".o_segmentation_warehouse") as HTMLSelectElement;
    expect(Array.from(select.options, (o) => o.text)).toEqual([
      "All warehouses",
      "Main Warehouse",
      "Second Warehouse",
    ]);
    const before = mounted.orm.calls.length;

    select.value = "2";
    select.dispatchEvent(new Event("change"));

    await vi.waitFor(() => expect(mounted?.orm.calls.length).toBe(before + 9));
    const after = mounted.orm.calls.slice(before);
    expect(after.find((c) => c.model === "inventory.segment.run.kpi")?.domain).toContainEqual([
      "warehouse_id",
      "=",
      2,
    ]);
    expect(after.find((c) => c.model === "inventory.segment.suggestion")?.domain).toContainEqual([
      "warehouse_id",
      "=",
      2,
    ]);
    expect(text(mounted.target)).toContain(
      "Classes and stock value are per product, over all warehouses.",
    );
  });

  it("shows the company picker only to a user working in several companies, and switches company", async () => {
    setUser({
      groups: [PLANNER_GROUP],
      companies: [
        { id: 1, name: "YourCompany", currency_id: 2 },
        { id: 3, name: "Plant B", currency_id: 1 },
      ],
    });
    mounted = await mountComponent(SegmentationDashboard, {
      props: { action: {} },
      respond: dashboardRespond(),
    });
    await settled(mounted);
    expect(mounted.orm.callsTo("stock.warehouse")[0]?.domain).toEqual([
      ["company_id", "in", [1, 3]],
    ]);
    const select = mounted.target.querySelector(".o_segmentation_company") as HTMLSelectElement;
    const before = mounted.orm.calls.length;
    select.value = "3";
    select.dispatchEvent(new Event("change"));
    await vi.waitFor(() => expect(mounted?.orm.calls.length).toBe(before + 9));
    expect(
      mounted.orm.calls.slice(before).find((c) => c.model === "inventory.segment.event")?.domain,
    ).toEqual([["company_id", "=", 3]]);
    setUser({
      groups: [PLANNER_GROUP],
      companies: [{ id: 1, name: "YourCompany", currency_id: 2 }],
    });
  });
});
