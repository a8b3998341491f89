/**
 * KPI cards per tier: the latest run's figures and their history over the last runs, from one
 * read of `inventory.segment.run.kpi` (one row per run, tier and warehouse; rows without a
 * warehouse hold the company's totals).
 */
import type { OrmService } from "../odoo/services.js";
import { TIERS, type Tier } from "../tiers.js";
import { companyDomain, type DashboardScope } from "./scope.js";

/** Runs drawn in a card's sparkline. */
export const KPI_HISTORY_RUNS = 12;

export interface KpiRow {
  readonly id: number;
  readonly run_id: readonly [number, string];
  readonly segment_id: readonly [number, string];
  readonly segment_code: string | false;
  readonly date: string | false;
  readonly item_count: number;
  readonly inventory_value: number;
  readonly carrying_cost: number;
  readonly service_target: number;
  readonly fill_rate: number;
  readonly cycle_service: number;
  readonly turns: number;
  readonly stockout_count: number;
}

export const KPI_FIELDS = [
  "run_id",
  "segment_id",
  "segment_code",
  "date",
  "item_count",
  "inventory_value",
  "carrying_cost",
  "service_target",
  "fill_rate",
  "cycle_service",
  "turns",
  "stockout_count",
] as const;

export interface TierCard {
  readonly tier: Tier;
  readonly name: string;
  readonly itemCount: number;
  readonly inventoryValue: number;
  readonly carryingCost: number;
  readonly serviceTarget: number;
  /** `undefined` until a run measures it (the feedback loop writes achieved service). */
  readonly fillRate: number | undefined;
  readonly stockoutCount: number;
  /** Inventory value per run, oldest first, the latest run last. */
  readonly valueHistory: readonly number[];
  /** Change of the inventory value since the previous run, as a fraction; `undefined` without one. */
  readonly valueChange: number | undefined;
}

export interface TierKpis {
  readonly runName: string;
  readonly runDate: string | false;
  readonly cards: readonly TierCard[];
}

export async function loadTierKpis(
  orm: OrmService,
  scope: DashboardScope,
): Promise<TierKpis | undefined> {
  const rows = await orm.searchRead<KpiRow>(
    "inventory.segment.run.kpi",
    [
      ...companyDomain(scope),
      // No warehouse: the company-wide rows.
      ["warehouse_id", "=", scope.warehouseId],
      ["run_id.state", "=", "done"],
      ["date", "!=", false],
    ],
    KPI_FIELDS,
    { limit: KPI_HISTORY_RUNS * TIERS.length, order: "date desc, run_id desc" },
  );
  return tierKpisFromRows(rows);
}

/** Rows newest first, as read; `undefined` when no run has KPIs for the scope. */
export function tierKpisFromRows(rows: readonly KpiRow[]): TierKpis | undefined {
  const latest = rows[0];
  if (latest === undefined) return undefined;
  const runIds: number[] = [];
  for (const row of rows) {
    if (!runIds.includes(row.run_id[0])) runIds.push(row.run_id[0]);
  }
  const recentRuns = runIds.slice(0, KPI_HISTORY_RUNS).reverse();
  const cards: TierCard[] = [];
  for (const tier of TIERS) {
    const tierRows = rows.filter((row) => row.segment_code === tier);
    const current = tierRows.find((row) => row.run_id[0] === latest.run_id[0]);
    if (current === undefined) continue;
    const history = recentRuns
      .map((runId) => tierRows.find((row) => row.run_id[0] === runId))
      .filter((row): row is KpiRow => row !== undefined);
    const valueHistory = history.map((row) => row.inventory_value);
    const previous = valueHistory[valueHistory.length - 2];
    cards.push({
      tier,
      name: current.segment_id[1],
      itemCount: current.item_count,
      inventoryValue: current.inventory_value,
      carryingCost: current.carrying_cost,
      serviceTarget: current.service_target,
      fillRate: isFillMeasured(current) ? current.fill_rate : undefined,
      stockoutCount: current.stockout_count,
      valueHistory,
      valueChange:
        previous !== undefined && previous > 0
          ? (current.inventory_value - previous) / previous
          : undefined,
    });
  }
  return { runName: latest.run_id[1], runDate: latest.date, cards };
}

// Odoo reads an unmeasured fill rate as 0: the connector leaves it unset when the tier had no
// demand in the window (an obsolete tier) or before it measures anything. Turns above 0 mean the
// window had demand, so a fill rate of 0 is then real.
const isFillMeasured = (row: KpiRow): boolean => row.fill_rate > 0 || row.turns > 0;
