/**
 * Chart.js as Odoo 19 ships it (4.4.5, `web/static/lib/Chart/`), loaded the way Odoo's graph view
 * loads it: `loadBundle("web.chartjs_lib")` once per page, which defines the global `Chart` with
 * every chart type and scale registered. Bundling our own copy would add ~200 kB to every backend
 * page load for two charts, and a second Chart.js next to Odoo's. Only the types come from the npm
 * package (a 4.x release with the same API).
 */
import { loadBundle } from "@web/core/assets";
import type { Chart } from "chart.js";
import { themeProperty } from "../tiers.js";

export type ChartConstructor = typeof Chart;
export type ChartInstance = Chart;

export class ChartLibraryError extends Error {
  override readonly name = "ChartLibraryError";
}

/** Resolves to the `Chart` constructor; the bundle is fetched only the first time. */
export async function loadChartLibrary(): Promise<ChartConstructor> {
  await loadBundle("web.chartjs_lib");
  const library = (globalThis as { Chart?: ChartConstructor }).Chart;
  if (library === undefined) {
    throw new ChartLibraryError("the web.chartjs_lib bundle loaded but defined no Chart");
  }
  return library;
}

/** Colours a chart takes from the page, so that it follows the light or dark theme. */
export interface ChartTheme {
  readonly text: string;
  readonly grid: string;
  /** The computed style of the chart's element, for the tiers' colours (`tierColor`). */
  readonly style: CSSStyleDeclaration | undefined;
}

export function chartTheme(element: Element): ChartTheme {
  const style = getComputedStyle(element);
  return {
    text: style.color || "#666",
    grid: themeProperty(style, "border-color") || "rgba(128, 128, 128, 0.25)",
    style,
  };
}

/** What an axis's ticks may add to the theme's colour. */
export interface AxisTicks {
  readonly maxTicksLimit?: number;
  readonly callback?: (value: number | string) => string;
}

/** A titled axis in the theme's colours (every chart of the dashboard draws its axes so). */
export function themedAxis(theme: ChartTheme, title: string, ticks: AxisTicks = {}) {
  return {
    title: { display: true, text: title, color: theme.text },
    ticks: { color: theme.text, ...ticks },
    grid: { color: theme.grid },
    border: { color: theme.grid },
  };
}

/** The legend under the chart, in the theme's text colour, with each dataset's point style. */
export function bottomLegend(theme: ChartTheme) {
  return { position: "bottom" as const, labels: { color: theme.text, usePointStyle: true } };
}
