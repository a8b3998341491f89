/** Records as the dashboard reads them from Odoo 19, for a small plant with two warehouses. */
import type { KpiRow } from "../../frontend/dashboard/kpi-data.js";
import type { DashboardScope } from "../../frontend/dashboard/scope.js";
import type { SuggestionRow } from "../../frontend/dashboard/suggestions-data.js";
import type { OrmCall } from "./support.js";

export const scope: DashboardScope = { companyId: 1, currencyId: 2, warehouseId: false };

const tiers = {
  critical: [1, "Critical"],
  essential: [2, "Essential"],
  standard: [3, "Standard"],
} as const;

/** KPI rows of runs 7, 8 and 9 (newest first), as `search_read` orders them. */
export function kpiRows(): (KpiRow & { readonly excess_value: number })[] {
  const rows: (KpiRow & { readonly excess_value: number })[] = [];
  const runs = [
    [9, "SEG/2026/00009", "2026-11-24 02:00:00", 1.1],
    [8, "SEG/2026/00008", "2026-11-17 02:00:00", 1.0],
    [7, "SEG/2026/00007", "2026-11-10 02:00:00", 0.9],
  ] as const;
  let id = 1;
  for (const [runId, runName, date, factor] of runs) {
    for (const [code, [segmentId, name]] of Object.entries(tiers)) {
      const base = { critical: 40_000, essential: 120_000, standard: 300_000 }[code] ?? 0;
      rows.push({
        id: id++,
        run_id: [runId, runName],
        segment_id: [segmentId, name],
        segment_code: code,
        date,
        item_count: { critical: 12, essential: 80, standard: 400 }[code] ?? 0,
        inventory_value: base * factor,
        excess_value: base * factor * 0.1,
        carrying_cost: base * factor * 0.25,
        service_target: { critical: 0.99, essential: 0.97, standard: 0.93 }[code] ?? 0,
        fill_rate: code === "standard" ? 0 : 0.975,
        cycle_service: code === "standard" ? 0 : 0.96,
        turns: code === "standard" ? 0 : 4.2,
        stockout_count: code === "critical" ? 2 : 0,
      });
    }
  }
  return rows;
}

export function suggestionRow(
  id: number,
  product: string,
  code: "critical" | "essential",
): SuggestionRow {
  const [segmentId, name] = tiers[code];
  return {
    id,
    product_id: { id: 100 + id, display_name: product },
    warehouse_id: { id: 1, display_name: "WH" },
    segment_id: { id: segmentId, display_name: name },
    segment_code: code,
    uom_id: { id: 1, display_name: "Units" },
    currency_id: { id: 2 },
    current_min: 10,
    current_max: 30,
    suggested_min: 14,
    suggested_max: 42,
    value_delta: 180.5,
    reason: `${name} at 97%: lead time 27 days from a single vendor.`,
  };
}

/**
 * The latest run's cash projection grouped by week and scenario: 14 weeks from 2026-11-24, today's
 * rules running stock down by 10,000 a week, the suggestions holding it at 460,000 + 5,000 a week.
 */
export function cashGroups() {
  return Array.from({ length: 14 }, (_, week) => {
    const date = new Date(Date.UTC(2026, 10, 24 + 7 * week)).toISOString().slice(0, 10);
    return [
      {
        week,
        scenario: "current" as const,
        "inventory_value:sum": 460_000 - 10_000 * week,
        "date:min": date,
      },
      {
        week,
        scenario: "suggested" as const,
        "inventory_value:sum": 460_000 + 5_000 * week,
        "date:min": date,
      },
    ];
  }).flat();
}

/** Answers every read the dashboard makes; `overrides` replace the answer for one model. */
export function dashboardRespond(
  overrides: Partial<Record<string, (call: OrmCall) => unknown>> = {},
) {
  return (call: OrmCall): unknown => {
    const override = overrides[`${call.model}/${call.method}`] ?? overrides[call.model];
    if (override) return override(call);
    switch (`${call.model}/${call.method}`) {
      case "inventory.segment/search_read":
        return [
          { id: 1, code: "critical", name: "Critical", company_id: false },
          { id: 2, code: "essential", name: "Essential", company_id: false },
          { id: 3, code: "standard", name: "Standard", company_id: false },
          { id: 4, code: "obsolete", name: "Obsolete", company_id: false },
        ];
      case "stock.warehouse/search_read":
        return [
          { id: 1, name: "Main Warehouse", company_id: [1, "YourCompany"] },
          { id: 2, name: "Second Warehouse", company_id: [1, "YourCompany"] },
        ];
      case "inventory.segment.run/search_read":
        return call.fields?.includes("cost_service_curves")
          ? [
              {
                id: 9,
                name: "SEG/2026/00009",
                cost_service_curves: {
                  critical: [
                    { service_target: 0.95, inventory_value: 30_000, carrying_cost: 7_500 },
                    { service_target: 0.99, inventory_value: 50_000, carrying_cost: 12_500 },
                  ],
                },
              },
            ]
          : [
              {
                id: 9,
                name: "SEG/2026/00009",
                mode: "full",
                state: "done",
                date_start: "2026-11-24 02:00:00",
                date_end: "2026-11-24 02:04:00",
                create_date: "2026-11-24 02:00:00",
                product_count: 492,
                suggestion_count: 31,
                event_count: 4,
                error: false,
              },
            ];
      case "inventory.segment.run.kpi/search_read":
        return kpiRows();
      case "inventory.segment.cash.projection/formatted_read_group":
        return cashGroups();
      case "product.product/formatted_read_group":
        return [{ abc_class: "A", xyz_class: "X", __count: 12, "inventory_value:sum": 40_000 }];
      case "product.product/web_search_read":
        return {
          length: 2,
          records: [
            {
              id: 5,
              display_name: "[BRK-1] Brake disc",
              demand_cv: 0.8,
              annual_consumption_value: 52_000,
              segment_code: "critical",
            },
            {
              id: 6,
              display_name: "[FLT-2] Oil filter",
              demand_cv: 0.3,
              annual_consumption_value: 1_200,
              segment_code: "standard",
            },
          ],
        };
      case "inventory.segment.suggestion/web_search_read":
        return {
          length: 2,
          records: [
            suggestionRow(1, "[BRK-1] Brake disc", "critical"),
            suggestionRow(2, "[PMP-3] Water pump", "essential"),
          ],
        };
      case "inventory.segment.event/search_read":
        return [
          {
            id: 1,
            date: "2026-11-24 01:00:00",
            kind: "lead_time_shift",
            severity: "alert",
            message:
              "Lead time of vendor X rose from 12 to 27 days → 14 components escalated to critical.",
            product_id: [5, "[BRK-1] Brake disc"],
            partner_id: [9, "Vendor X"],
          },
        ];
      default:
        throw new Error(`unexpected call ${call.model}/${call.method}`);
    }
  };
}
