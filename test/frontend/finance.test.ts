// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { CashProjection } from "../../frontend/dashboard/cash_projection.js";
import {
  cashGap,
  cashProjectionFromGroups,
  inventoryFinanceFromRows,
} from "../../frontend/dashboard/finance-data.js";
import { FINANCE_ACTION, InventoryFinance } from "../../frontend/dashboard/inventory_finance.js";
import { cashGroups, dashboardRespond, kpiRows, scope } from "./fixtures.js";
import { type Mounted, mountComponent, odooError, repoFile, text } from "./support.js";
import { charts } from "./web/core/assets.js";

describe("inventory finance", () => {
  let mounted: Mounted<InventoryFinance> | undefined;
  afterEach(() => mounted?.destroy());

  it("reads the latest run's KPI rows in one call and shows stock value, excess and carrying cost", async () => {
    mounted = await mountComponent(InventoryFinance, {
      props: { scope, revision: 0 },
      respond: dashboardRespond(),
    });
    await vi.waitFor(() =>
      expect(mounted?.target.querySelector(".o_segmentation_finance_total")).not.toBeNull(),
    );
    expect(mounted.orm.calls).toHaveLength(1);
    expect(mounted.orm.calls[0]).toMatchObject({
      model: "inventory.segment.run.kpi",
      method: "search_read",
      domain: [
        ["company_id", "=", 1],
        ["warehouse_id", "=", false],
        ["run_id.state", "=", "done"],
        ["date", "!=", false],
      ],
      fields: [
        "run_id",
        "segment_id",
        "segment_code",
        "inventory_value",
        "excess_value",
        "carrying_cost",
      ],
      kwargs: { limit: 8, order: "date desc, run_id desc" },
    });
    const rows = Array.from(mounted.target.querySelectorAll("tbody tr"), (row) =>
      Array.from(row.querySelectorAll("td"), (cell) => text(cell)).join(" | "),
    );
    // Run 9 (factor 1.1): critical 44,000, essential 132,000, standard 330,000; excess 10 %.
    expect(rows).toEqual([
      "Critical | $ 44.00k | $ 4.40k | $ 11.00k",
      "Essential | $ 132.00k | $ 13.20k | $ 33.00k",
      "Standard | $ 330.00k | $ 33.00k | $ 82.50k",
    ]);
    const total = mounted.target.querySelector(".o_segmentation_finance_total");
    expect(Array.from(total?.querySelectorAll("td") ?? [], (cell) => text(cell))).toEqual([
      "Total",
      "$ 506.00k",
      "$ 50.60k",
      "$ 126.50k",
    ]);
    expect(text(mounted.target)).toContain("Inventory finance in SEG/2026/00009");
  });

  it("opens the pivot of the same figures", async () => {
    mounted = await mountComponent(InventoryFinance, {
      props: { scope, revision: 0 },
      respond: dashboardRespond(),
    });
    await vi.waitFor(() =>
      expect(mounted?.target.querySelector(".o_segmentation_finance_open")).not.toBeNull(),
    );
    (mounted.target.querySelector(".o_segmentation_finance_open") as HTMLButtonElement).click();
    expect(mounted.doAction).toHaveBeenCalledWith(FINANCE_ACTION);
    const actions = repoFile(
      "addon/inventory_segmentation/views/inventory_segment_cash_projection_views.xml",
    );
    expect(actions).toContain(`<record id="${FINANCE_ACTION.split(".")[1]}"`);
  });

  it("says so when no run has KPIs, and shows the server's error with a retry", async () => {
    mounted = await mountComponent(InventoryFinance, {
      props: { scope, revision: 0 },
      respond: dashboardRespond({ "inventory.segment.run.kpi": () => [] }),
    });
    await vi.waitFor(() =>
      expect(text(mounted?.target ?? null)).toContain(
        "No finished run has recorded stock values yet.",
      ),
    );
    mounted.destroy();
    mounted = await mountComponent(InventoryFinance, {
      props: { scope, revision: 0 },
      respond: dashboardRespond({
        "inventory.segment.run.kpi": () => {
          throw odooError("You are not allowed to access 'Segment KPIs'.");
        },
      }),
    });
    await vi.waitFor(() =>
      expect(text(mounted?.target ?? null)).toContain(
        "You are not allowed to access 'Segment KPIs'.",
      ),
    );
  });

  it("keeps to the latest run when the read reaches into the one before", () => {
    const finance = inventoryFinanceFromRows(kpiRows().slice(0, 5));
    expect(finance?.rows.map((row) => row.tier)).toEqual(["critical", "essential", "standard"]);
    expect(finance?.total.inventoryValue).toBeCloseTo(506_000, 6);
    expect(inventoryFinanceFromRows([])).toBeUndefined();
  });
});

describe("cash projection", () => {
  let mounted: Mounted<CashProjection> | undefined;
  beforeEach(() => {
    charts.length = 0;
  });
  afterEach(() => mounted?.destroy());

  it("groups the latest run's rows by week and scenario in one call and draws both lines", async () => {
    mounted = await mountComponent(CashProjection, {
      props: { scope: { ...scope, warehouseId: 2 }, revision: 0 },
      respond: dashboardRespond(),
    });
    await vi.waitFor(() => expect(charts).toHaveLength(1));
    expect(mounted.orm.calls).toEqual([
      {
        model: "inventory.segment.cash.projection",
        method: "formatted_read_group",
        domain: [
          ["company_id", "=", 1],
          ["is_latest", "=", true],
          ["warehouse_id", "=", 2],
        ],
        groupby: ["week", "scenario"],
        aggregates: ["inventory_value:sum", "date:min"],
        kwargs: {},
      },
    ]);
    const config = charts[0]?.config as unknown as {
      type: string;
      data: { labels: string[]; datasets: { label: string; data: number[] }[] };
    };
    expect(config.type).toBe("line");
    expect(config.data.labels[0]).toBe("now");
    expect(config.data.labels[13]).toBe("2027-02-23");
    expect(config.data.datasets.map((d) => [d.label, d.data[0], d.data[13]])).toEqual([
      ["Today's rules", 460_000, 330_000],
      ["Suggestions accepted", 460_000, 525_000],
    ]);
    // 525,000 − 330,000 in week 13.
    expect(text(mounted.target.querySelector(".o_segmentation_cash_gap"))).toBe(
      "Accepting the pending suggestions ties up $ 195.00k by 2027-02-23.",
    );
  });

  it("reads every warehouse together when none is picked, and says when there is no projection", async () => {
    mounted = await mountComponent(CashProjection, {
      props: { scope, revision: 0 },
      respond: dashboardRespond({ "inventory.segment.cash.projection": () => [] }),
    });
    await vi.waitFor(() =>
      expect(text(mounted?.target ?? null)).toContain(
        "No run has projected the inventory investment yet.",
      ),
    );
    expect(mounted.orm.calls[0]?.domain).toEqual([
      ["company_id", "=", 1],
      ["is_latest", "=", true],
    ]);
    expect(charts).toHaveLength(0);
  });

  it("turns groups into ordered series and a gap that says which way the cash goes", () => {
    const groups = [...cashGroups()].reverse();
    const projection = cashProjectionFromGroups(groups);
    expect(projection?.dates[0]).toBe("2026-11-24");
    expect(projection?.current.slice(0, 3)).toEqual([460_000, 450_000, 440_000]);
    expect(cashGap(projection as NonNullable<typeof projection>)).toBe(195_000);
    const releasing = cashProjectionFromGroups(
      groups.map((group) =>
        group.scenario === "suggested"
          ? { ...group, "inventory_value:sum": group["inventory_value:sum"] - 300_000 }
          : group,
      ),
    );
    expect(cashGap(releasing as NonNullable<typeof releasing>)).toBe(-105_000);
    expect(cashProjectionFromGroups([])).toBeUndefined();
  });
});
