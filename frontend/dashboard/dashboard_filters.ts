/** Company and warehouse pickers of the dashboard; each change gives the dashboard a new scope. */
import { Component } from "@odoo/owl";
import type { CompanyInfo } from "@web/core/user";
import type { WarehouseRow } from "./dashboard-setup.js";
import type { DashboardScope } from "./scope.js";

export interface DashboardFiltersProps {
  readonly scope: DashboardScope;
  readonly companies: readonly CompanyInfo[];
  readonly warehouses: readonly WarehouseRow[];
  readonly onChange: (scope: DashboardScope) => void;
}

export class DashboardFilters extends Component<DashboardFiltersProps> {
  static override template = "inventory_segmentation.DashboardFilters";
  static override props = {
    scope: Object,
    companies: Array,
    warehouses: Array,
    onChange: Function,
  };

  get companyWarehouses(): WarehouseRow[] {
    return this.props.warehouses.filter((w) => w.company_id[0] === this.props.scope.companyId);
  }

  selectCompany(event: Event): void {
    const companyId = Number((event.target as HTMLSelectElement).value);
    const company = this.props.companies.find((c) => c.id === companyId);
    if (company === undefined) return;
    this.props.onChange({ companyId, currencyId: company.currency_id, warehouseId: false });
  }

  selectWarehouse(event: Event): void {
    const value = (event.target as HTMLSelectElement).value;
    this.props.onChange({ ...this.props.scope, warehouseId: value ? Number(value) : false });
  }
}
