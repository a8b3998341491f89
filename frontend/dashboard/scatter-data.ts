/**
 * The value–variability scatter: every segmented product with demand, at its annual consumption
 * value (x) and demand CV (y), coloured by tier; one read of four fields per product.
 */
import type { ChartConfiguration, TooltipItem } from "chart.js";
import { bottomLegend, type ChartTheme, themedAxis } from "../components/chart-library.js";
import { formatDecimal, formatMoney } from "../format.js";
import { _t } from "../odoo/l10n.js";
import type { OrmService } from "../odoo/services.js";
import { isTier, TIERS, type Tier, type TierNames, tierColor } from "../tiers.js";
import { type DashboardScope, segmentedProductsDomain } from "./scope.js";

/** At medium scale (5,000 products) every product fits; beyond, the most valuable are drawn. */
export const SCATTER_LIMIT = 10_000;

export interface ProductPoint {
  /** Annual consumption value. */
  readonly x: number;
  /** Demand coefficient of variation. */
  readonly y: number;
  readonly productId: number;
  readonly name: string;
  readonly tier: Tier;
}

export interface ScatterData {
  readonly points: readonly ProductPoint[];
  /** The read hit `SCATTER_LIMIT`: only the most valuable products are drawn. */
  readonly truncated: boolean;
}

interface ProductRow {
  readonly id: number;
  readonly display_name: string;
  readonly demand_cv: number;
  readonly annual_consumption_value: number;
  readonly segment_code: string | false;
}

// web_search_read rather than search_read: the same read, about a fifth faster on 5,000 products.
export const SCATTER_SPECIFICATION = {
  display_name: {},
  demand_cv: {},
  annual_consumption_value: {},
  segment_code: {},
} as const;

export async function loadScatter(orm: OrmService, scope: DashboardScope): Promise<ScatterData> {
  const { records } = await orm.webSearchRead<ProductRow, "product.product">(
    "product.product",
    // Log axes cannot place a zero: products without demand or value are left out.
    [
      ...segmentedProductsDomain(scope),
      ["demand_cv", ">", 0],
      ["annual_consumption_value", ">", 0],
    ],
    {
      specification: SCATTER_SPECIFICATION,
      limit: SCATTER_LIMIT,
      order: "annual_consumption_value desc, id",
    },
  );
  const points: ProductPoint[] = [];
  for (const row of records) {
    if (!isTier(row.segment_code)) continue;
    points.push({
      x: row.annual_consumption_value,
      y: row.demand_cv,
      productId: row.id,
      name: row.display_name,
      tier: row.segment_code,
    });
  }
  return { points, truncated: records.length === SCATTER_LIMIT };
}

/**
 * A Chart.js scatter with logarithmic axes and one dataset per tier, most critical drawn last
 * (on top). `onPoint` receives the product clicked.
 */
export function scatterConfig(
  data: ScatterData,
  theme: ChartTheme,
  options: {
    readonly currencyId: number;
    readonly tierNames: TierNames;
    readonly onPoint: (point: ProductPoint) => void;
  },
): ChartConfiguration<"scatter", ProductPoint[]> {
  const datasets = [...TIERS]
    .reverse()
    .map((tier) => ({
      label: options.tierNames[tier],
      data: data.points.filter((point) => point.tier === tier),
      backgroundColor: tierColor(tier, theme.style),
      borderColor: tierColor(tier, theme.style),
      pointRadius: 2.5,
      pointHoverRadius: 5,
    }))
    .filter((dataset) => dataset.data.length > 0);
  return {
    type: "scatter",
    data: { datasets },
    options: {
      // Thousands of points: no animation, and Chart.js may skip parsing the {x, y} objects.
      animation: false,
      parsing: false,
      normalized: true,
      maintainAspectRatio: false,
      scales: {
        x: {
          type: "logarithmic",
          ...themedAxis(theme, _t("Annual consumption value"), {
            maxTicksLimit: 8,
            callback: (value) => formatMoney(Number(value), options.currencyId),
          }),
        },
        y: { type: "logarithmic", ...themedAxis(theme, _t("Demand CV"), { maxTicksLimit: 8 }) },
      },
      plugins: {
        // Datasets are drawn least critical first; the legend lists the most critical first.
        legend: { ...bottomLegend(theme), reverse: true },
        tooltip: {
          callbacks: {
            title: (items: TooltipItem<"scatter">[]) =>
              (items[0]?.raw as ProductPoint | undefined)?.name ?? "",
            label: (item: TooltipItem<"scatter">) => {
              const point = item.raw as ProductPoint;
              return _t("%(tier)s: %(value)s a year, CV %(cv)s", {
                tier: item.dataset.label ?? point.tier,
                value: formatMoney(point.x, options.currencyId),
                cv: formatDecimal(point.y),
              });
            },
          },
        },
      },
      onClick: (_event, elements, chart) => {
        const [element] = elements;
        if (element === undefined) return;
        const point = chart.data.datasets[element.datasetIndex]?.data[element.index];
        if (point) options.onPoint(point as ProductPoint);
      },
    },
  };
}
