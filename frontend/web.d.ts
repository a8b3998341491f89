/**
 * The few Odoo 19 web-client APIs the frontend uses, typed from their sources in
 * `addons/web/static/src` (the `@web/...` module names are the paths there). They stay external
 * in the bundle: the browser resolves them to Odoo's own modules through `odoo.define`, and the
 * tests (test/frontend/web/) to small fakes with the same shapes.
 */

declare module "@web/core/registry" {
  interface Category {
    add(key: string, value: unknown, options?: { force?: boolean; sequence?: number }): Category;
    get(key: string): unknown;
    contains(key: string): boolean;
  }
  export const registry: { category(name: string): Category };
}

declare module "@web/core/utils/hooks" {
  /** The service registered under `name`; `frontend/odoo/services.ts` gives it its type. */
  export function useService(name: string): unknown;
}

declare module "@web/webclient/actions/action_service" {
  import type { Component } from "@odoo/owl";
  export const standardActionServiceProps: NonNullable<typeof Component.props>;
}

declare module "@web/core/user" {
  export interface CompanyInfo {
    readonly id: number;
    readonly name: string;
    readonly currency_id: number;
  }
  export const user: {
    readonly userId: number;
    readonly lang: string;
    readonly context: Record<string, unknown>;
    /** The companies ticked in the company switcher, the main one first. */
    readonly activeCompanies: readonly CompanyInfo[];
    readonly activeCompany: CompanyInfo;
    hasGroup(group: string): Promise<boolean>;
  };
}

declare module "@web/core/assets" {
  /** Loads an asset bundle once per page (`web.chartjs_lib` defines the global `Chart`). */
  export function loadBundle(name: string): Promise<void>;
}

declare module "@web/core/l10n/translation" {
  export function _t(source: string, ...substitutions: unknown[]): string;
}

declare module "@web/core/currency" {
  export function formatCurrency(
    amount: number,
    currencyId: number | undefined,
    options?: { humanReadable?: boolean; digits?: [number, number]; noSymbol?: boolean },
  ): string;
}

declare module "@web/views/fields/formatters" {
  export function formatFloat(
    value: number,
    options?: { digits?: [number, number]; humanReadable?: boolean; trailingZeros?: boolean },
  ): string;
  export function formatInteger(value: number, options?: { humanReadable?: boolean }): string;
  export function formatPercentage(value: number, options?: { digits?: [number, number] }): string;
}

declare module "@web/views/fields/standard_field_props" {
  import type { Component } from "@odoo/owl";
  export const standardFieldProps: NonNullable<typeof Component.props>;
}

declare module "@web/search/control_panel/control_panel" {
  import type { Component } from "@odoo/owl";
  export class ControlPanel extends Component {}
}
