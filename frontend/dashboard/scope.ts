/**
 * What the dashboard's filters select, and the domains that follow from it. Every widget reads
 * one company (the planner's currency and runs are per company) and, where its records have one,
 * one warehouse or all of them.
 */
import type { Domain } from "../odoo/domain.js";

export interface DashboardScope {
  readonly companyId: number;
  /** The company's currency: KPI and product values are in it. */
  readonly currencyId: number;
  /** `false`: every warehouse of the company. */
  readonly warehouseId: number | false;
}

/** Records of the company (suggestions, events, runs, KPIs: `company_id` is required there). */
export function companyDomain(scope: DashboardScope): [readonly ["company_id", "=", number]] {
  return [["company_id", "=", scope.companyId]];
}

/** Segmented products the company can use: its own and those shared by every company. */
export function segmentedProductsDomain(scope: DashboardScope): Domain<"product.product"> {
  return [
    ["segment_id", "!=", false],
    ["company_id", "in", [scope.companyId, false]],
  ];
}
