/**
 * The loading life of a dashboard widget: one call to `load` (one RPC) when the widget starts and
 * again whenever the dashboard's scope or revision changes. The first load does not hold up the
 * dashboard's first paint: each widget shows its own loading state and fills in when its answer
 * arrives. A slower answer to an older scope never overwrites a newer one.
 */
import { onWillStart, onWillUpdateProps, useComponent, useState } from "@odoo/owl";
import { errorMessage } from "../odoo/services.js";
import type { DashboardScope } from "./scope.js";

/** The props every dashboard widget takes. */
export interface WidgetProps {
  readonly scope: DashboardScope;
  /** Bumped by the dashboard after a recompute request, to make every widget reload. */
  readonly revision: number;
}

export const widgetPropsSchema = { scope: Object, revision: Number } as const;

export interface WidgetData<T> {
  status: "loading" | "ready" | "error";
  /** The last answer; kept while a reload is under way so that the widget does not flicker. */
  data: T | undefined;
  error: string;
}

const sameScope = (a: DashboardScope, b: DashboardScope): boolean =>
  a.companyId === b.companyId && a.warehouseId === b.warehouseId && a.currencyId === b.currencyId;

export interface WidgetDataHandle<T> {
  readonly state: WidgetData<T>;
  reload(): Promise<void>;
}

export function useWidgetData<T>(load: (scope: DashboardScope) => Promise<T>): WidgetDataHandle<T> {
  const component = useComponent();
  const state = useState<WidgetData<T>>({ status: "loading", data: undefined, error: "" });
  let latest = 0;

  async function run(scope: DashboardScope): Promise<void> {
    const call = ++latest;
    state.status = "loading";
    try {
      const data = await load(scope);
      if (call !== latest) return;
      state.data = data;
      state.status = "ready";
      state.error = "";
    } catch (error) {
      if (call !== latest) return;
      state.status = "error";
      state.error = errorMessage(error);
    }
  }

  const props = () => component.props as WidgetProps;
  onWillStart(() => {
    // Not awaited: the widget renders its loading state meanwhile.
    void run(props().scope);
  });
  onWillUpdateProps((next: WidgetProps) => {
    const current = props();
    if (!sameScope(current.scope, next.scope) || current.revision !== next.revision) {
      void run(next.scope);
    }
  });
  return { state, reload: () => run(props().scope) };
}
