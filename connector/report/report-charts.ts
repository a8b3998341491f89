/**
 * The report's charts as chart.js configurations (plain data), each with the formats its axes and
 * tooltips use; the report's browser script adds the formatting callbacks, which JSON cannot
 * carry, and draws them. Animation is off so that a chart is complete as soon as it is drawn.
 */
import type { ChartConfiguration } from "chart.js";
import { RISK_FACTORS, TIERS, type Tier } from "../../analytics/index.js";
import type { ReportData } from "./report-data.js";

/** How the browser script formats a value. */
export type ValueFormat = "money" | "percent" | "number";

export interface ChartSpec {
  /** The id of its `<canvas>`. */
  readonly id: string;
  readonly config: ChartConfiguration;
  readonly formats: {
    readonly x?: ValueFormat;
    readonly y?: ValueFormat;
    /** `point`: a scatter point's SKU, value and CV. */
    readonly tooltip?: ValueFormat | "point";
  };
}

/** Tier colours, as the Odoo badges use them (danger, warning, info, muted). */
export const TIER_COLORS: Readonly<Record<Tier, string>> = {
  critical: "#d9534f",
  essential: "#f0ad4e",
  standard: "#3d85c6",
  obsolete: "#9e9e9e",
};

const FACTOR_COLORS = ["#7e57c2", "#ef5350", "#ffa726", "#26a69a", "#5c6bc0"] as const;
const FACTOR_LABELS = {
  drift: "lead-time drift",
  lateness: "lateness",
  promise: "later than promised",
  variability: "lead-time spread",
  exposure: "exposure",
} as const;

const BASE_OPTIONS = {
  animation: false,
  responsive: true,
  maintainAspectRatio: false,
} as const;

/** Every chart the report draws, in page order; charts without data are left out. */
export function reportCharts(data: ReportData, vendorsShown = 15): ChartSpec[] {
  const charts: ChartSpec[] = [];
  if (data.scatter.length > 0) charts.push(scatterChart(data));
  charts.push(tierChart(data));
  if (data.curves.some((curve) => curve.points.length > 0)) charts.push(curveChart(data));
  if (data.backtest) charts.push(...backtestCharts(data.backtest));
  if (data.vendors.length > 0) charts.push(vendorChart(data, vendorsShown));
  if (data.cash.dates.length > 0) charts.push(cashChart(data));
  return charts;
}

function scatterChart(data: ReportData): ChartSpec {
  return {
    id: "chart-scatter",
    formats: { x: "money", y: "number", tooltip: "point" },
    config: {
      type: "scatter",
      data: {
        datasets: TIERS.map((tier) => ({
          label: tier,
          backgroundColor: `${TIER_COLORS[tier]}b3`,
          borderColor: TIER_COLORS[tier],
          pointRadius: 3,
          data: data.scatter
            .filter((point) => point.tier === tier)
            .map((point) => ({ x: point.value, y: point.cv, sku: point.sku })),
        })),
      },
      options: {
        ...BASE_OPTIONS,
        scales: {
          x: {
            type: "logarithmic",
            title: { display: true, text: "annual consumption value (log)" },
          },
          y: { title: { display: true, text: "demand CV" }, min: 0 },
        },
      },
    },
  };
}

function tierChart(data: ReportData): ChartSpec {
  return {
    id: "chart-tiers",
    formats: { y: "money", tooltip: "money" },
    config: {
      type: "bar",
      data: {
        labels: data.tiers.map((row) => row.tier),
        datasets: [
          {
            label: "stock on hand now",
            backgroundColor: "#3d85c6",
            data: data.tiers.map((row) => row.onHandValue),
          },
          {
            label: "planned average stock",
            backgroundColor: "#93c47d",
            data: data.tiers.map((row) => row.plannedInventoryValue),
          },
          {
            label: "excess above max",
            backgroundColor: "#e06666",
            data: data.tiers.map((row) => row.excessValue),
          },
        ],
      },
      options: { ...BASE_OPTIONS, scales: { y: { beginAtZero: true } } },
    },
  };
}

function curveChart(data: ReportData): ChartSpec {
  return {
    id: "chart-curves",
    formats: { x: "percent", y: "money", tooltip: "money" },
    config: {
      type: "line",
      data: {
        datasets: data.curves
          .filter((curve) => curve.points.length > 0)
          .map((curve) => ({
            label: `${curve.tier} (${curve.measure})`,
            borderColor: TIER_COLORS[curve.tier],
            backgroundColor: TIER_COLORS[curve.tier],
            pointRadius: 2,
            data: curve.points.map((point) => ({ x: point.target, y: point.value })),
          })),
      },
      options: {
        ...BASE_OPTIONS,
        scales: {
          x: { type: "linear", title: { display: true, text: "service target" } },
          y: { title: { display: true, text: "expected average stock value" }, beginAtZero: true },
        },
      },
    },
  };
}

function backtestCharts(backtest: NonNullable<ReportData["backtest"]>): ChartSpec[] {
  type Side = NonNullable<ReportData["backtest"]>["rows"][number]["segmented"];
  /** Segmented against uniform, per tier and in total, for one figure of the replay. */
  const pair = (
    id: string,
    title: string,
    format: ValueFormat,
    figure: (side: Side) => number | null,
    y: { beginAtZero: true } | { min: number; max: number },
  ): ChartSpec => ({
    id,
    formats: { y: format, tooltip: format },
    config: {
      type: "bar",
      data: {
        labels: backtest.rows.map((row) => row.tier),
        datasets: [
          {
            label: "segmented",
            backgroundColor: "#3d85c6",
            data: backtest.rows.map((row) => figure(row.segmented)),
          },
          {
            label: "uniform",
            backgroundColor: "#b7b7b7",
            data: backtest.rows.map((row) => figure(row.uniform)),
          },
        ],
      },
      options: {
        ...BASE_OPTIONS,
        plugins: { title: { display: true, text: title } },
        scales: { y },
      },
    },
  });
  // Fill rates sit within a few points of each other near 100 %: start the axis 5 points below
  // the lowest, or the bars look the same. A tier without items has no bar.
  const fills = backtest.rows.flatMap((row) => [row.segmented.fillRate, row.uniform.fillRate]);
  const lowest = Math.min(...fills.filter((fill): fill is number => fill !== null), 1);
  return [
    pair(
      "chart-backtest-inventory",
      "average stock value",
      "money",
      (side) => side.averageInventoryValue,
      { beginAtZero: true },
    ),
    pair("chart-backtest-fill", "achieved fill rate", "percent", (side) => side.fillRate, {
      min: Math.max(0, Math.floor((lowest - 0.01) * 20) / 20),
      max: 1,
    }),
  ];
}

function vendorChart(data: ReportData, shown: number): ChartSpec {
  const vendors = data.vendors.slice(0, shown);
  return {
    id: "chart-vendors",
    formats: { x: "number", tooltip: "number" },
    config: {
      type: "bar",
      data: {
        labels: vendors.map((vendor) => `${vendor.rank}. ${vendor.name}`),
        datasets: RISK_FACTORS.map((factor, index) => ({
          label: FACTOR_LABELS[factor],
          backgroundColor: FACTOR_COLORS[index] as string,
          data: vendors.map((vendor) => vendor.parts[factor] ?? 0),
        })),
      },
      options: {
        ...BASE_OPTIONS,
        indexAxis: "y",
        scales: {
          x: { stacked: true, min: 0, max: 100, title: { display: true, text: "risk points" } },
          y: { stacked: true },
        },
      },
    },
  };
}

function cashChart(data: ReportData): ChartSpec {
  return {
    id: "chart-cash",
    formats: { y: "money", tooltip: "money" },
    config: {
      type: "line",
      data: {
        labels: data.cash.dates.map((date, week) => (week === 0 ? `${date} (now)` : date)),
        datasets: [
          {
            label: "today's rules",
            borderColor: "#9e9e9e",
            backgroundColor: "#9e9e9e",
            data: [...data.cash.current],
          },
          {
            label: "every suggestion accepted",
            borderColor: "#3d85c6",
            backgroundColor: "#3d85c6",
            data: [...data.cash.suggested],
          },
        ],
      },
      options: {
        ...BASE_OPTIONS,
        scales: { y: { beginAtZero: true, title: { display: true, text: "inventory value" } } },
      },
    },
  };
}
