/**
 * The dashboard's finance row: what the stock is worth per tier and what it costs (the latest
 * run's KPI rows: stock value, excess above the policy's max, carrying cost a year), and the
 * 13-week cash projection of the latest run (inventory investment under today's rules against
 * every pending suggestion accepted), each in one call.
 */
import type { ChartConfiguration, TooltipItem } from "chart.js";
import { bottomLegend, type ChartTheme, themedAxis } from "../components/chart-library.js";
import { formatMoney } from "../format.js";
import { _t } from "../odoo/l10n.js";
import type { OrmService } from "../odoo/services.js";
import { TIERS, type Tier, themeProperty } from "../tiers.js";
import { companyDomain, type DashboardScope } from "./scope.js";

export interface FinanceRow {
  readonly tier: Tier;
  readonly name: string;
  readonly inventoryValue: number;
  readonly excessValue: number;
  readonly carryingCost: number;
}

export interface InventoryFinance {
  readonly runName: string;
  readonly rows: readonly FinanceRow[];
  readonly total: Omit<FinanceRow, "tier" | "name">;
}

interface FinanceKpiRow {
  readonly run_id: readonly [number, string];
  readonly segment_id: readonly [number, string];
  readonly segment_code: string | false;
  readonly inventory_value: number;
  readonly excess_value: number;
  readonly carrying_cost: number;
}

/** A run writes one KPI row per tier and scope: two runs' worth is enough to find the latest. */
const KPI_ROWS_READ = 2 * TIERS.length;

export async function loadInventoryFinance(
  orm: OrmService,
  scope: DashboardScope,
): Promise<InventoryFinance | undefined> {
  const rows = await orm.searchRead<FinanceKpiRow>(
    "inventory.segment.run.kpi",
    [
      ...companyDomain(scope),
      ["warehouse_id", "=", scope.warehouseId],
      ["run_id.state", "=", "done"],
      ["date", "!=", false],
    ],
    ["run_id", "segment_id", "segment_code", "inventory_value", "excess_value", "carrying_cost"],
    { limit: KPI_ROWS_READ, order: "date desc, run_id desc" },
  );
  return inventoryFinanceFromRows(rows);
}

/** The latest run's rows (the first read), in tier order, with their total. */
export function inventoryFinanceFromRows(
  rows: readonly FinanceKpiRow[],
): InventoryFinance | undefined {
  const latest = rows[0];
  if (latest === undefined) return undefined;
  const ofRun = rows.filter((row) => row.run_id[0] === latest.run_id[0]);
  const financeRows: FinanceRow[] = [];
  for (const tier of TIERS) {
    const row = ofRun.find((candidate) => candidate.segment_code === tier);
    if (row === undefined) continue;
    financeRows.push({
      tier,
      name: row.segment_id[1],
      inventoryValue: row.inventory_value,
      excessValue: row.excess_value,
      carryingCost: row.carrying_cost,
    });
  }
  const sum = (pick: (row: FinanceRow) => number) =>
    financeRows.reduce((total, row) => total + pick(row), 0);
  return {
    runName: latest.run_id[1],
    rows: financeRows,
    total: {
      inventoryValue: sum((row) => row.inventoryValue),
      excessValue: sum((row) => row.excessValue),
      carryingCost: sum((row) => row.carryingCost),
    },
  };
}

export interface CashProjection {
  /** The day each week's value is projected for (week 0: the run's day). */
  readonly dates: readonly string[];
  readonly current: readonly number[];
  readonly suggested: readonly number[];
}

interface CashGroup {
  readonly week: number;
  readonly scenario: "current" | "suggested";
  readonly "inventory_value:sum": number;
  readonly "date:min": string | false;
}

export async function loadCashProjection(
  orm: OrmService,
  scope: DashboardScope,
): Promise<CashProjection | undefined> {
  const groups = await orm.formattedReadGroup<CashGroup>(
    "inventory.segment.cash.projection",
    [
      ...companyDomain(scope),
      ["is_latest", "=", true],
      ...(scope.warehouseId === false ? [] : ([["warehouse_id", "=", scope.warehouseId]] as const)),
    ],
    ["week", "scenario"],
    ["inventory_value:sum", "date:min"],
  );
  return cashProjectionFromGroups(groups);
}

/** Groups by week and scenario as one series per scenario, week 0 first. */
export function cashProjectionFromGroups(groups: readonly CashGroup[]): CashProjection | undefined {
  if (groups.length === 0) return undefined;
  const weeks = [...new Set(groups.map((group) => group.week))].sort((a, b) => a - b);
  const value = (week: number, scenario: CashGroup["scenario"]) =>
    groups.find((group) => group.week === week && group.scenario === scenario)?.[
      "inventory_value:sum"
    ] ?? 0;
  return {
    dates: weeks.map(
      (week) =>
        groups.find((group) => group.week === week && group["date:min"])?.["date:min"] || "",
    ),
    current: weeks.map((week) => value(week, "current")),
    suggested: weeks.map((week) => value(week, "suggested")),
  };
}

/** What accepting every suggestion does to the stock by the last week: + ties up, − releases. */
export function cashGap(projection: CashProjection): number {
  const last = projection.dates.length - 1;
  return (projection.suggested[last] ?? 0) - (projection.current[last] ?? 0);
}

export function cashConfig(
  projection: CashProjection,
  theme: ChartTheme,
  options: { readonly currencyId: number },
): ChartConfiguration<"line"> {
  const money = (amount: number) => formatMoney(amount, options.currencyId);
  const suggestedColor = themeProperty(theme.style, "primary") || "#3d85c6";
  return {
    type: "line",
    data: {
      labels: projection.dates.map((date, week) => (week === 0 ? _t("now") : date)),
      datasets: [
        {
          label: _t("Today's rules"),
          data: [...projection.current],
          borderColor: theme.text,
          backgroundColor: theme.text,
          borderDash: [4, 4],
          pointRadius: 2,
        },
        {
          label: _t("Suggestions accepted"),
          data: [...projection.suggested],
          borderColor: suggestedColor,
          backgroundColor: suggestedColor,
          pointRadius: 2,
        },
      ],
    },
    options: {
      animation: false,
      maintainAspectRatio: false,
      interaction: { mode: "index", intersect: false },
      scales: {
        x: { ticks: { color: theme.text }, grid: { color: theme.grid } },
        y: {
          beginAtZero: true,
          ...themedAxis(theme, _t("Inventory value"), {
            callback: (value) => money(Number(value)),
          }),
        },
      },
      plugins: {
        legend: bottomLegend(theme),
        tooltip: {
          callbacks: {
            label: (item: TooltipItem<"line">) =>
              `${item.dataset.label ?? ""}: ${money(Number(item.parsed.y))}`,
          },
        },
      },
    },
  };
}
