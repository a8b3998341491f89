/**
 * The cost–service curve of each tier from the latest run that stored them: what a year of
 * carrying stock costs at each service target, so that a manager sees the price of each extra
 * point of service.
 */
import type { ChartConfiguration, TooltipItem } from "chart.js";
import type { CostServiceCurves } from "../../manifest/contract.js";
import { bottomLegend, type ChartTheme, themedAxis } from "../components/chart-library.js";
import { formatMoney, formatShare } from "../format.js";
import { readCostServiceCurves } from "../odoo/json-fields.js";
import { _t } from "../odoo/l10n.js";
import type { OrmService } from "../odoo/services.js";
import { TIERS, type Tier, type TierNames, tierColor } from "../tiers.js";
import { companyDomain, type DashboardScope } from "./scope.js";

export interface CurvePoint {
  /** Service target in percent (x). */
  readonly x: number;
  /** Annual carrying cost (y). */
  readonly y: number;
  readonly inventoryValue: number;
  /** Carrying cost of one more point of service from the previous point; `undefined` at the first. */
  readonly costPerPoint: number | undefined;
}

export interface TierCurve {
  readonly tier: Tier;
  readonly points: readonly CurvePoint[];
}

export interface RunCurves {
  readonly runName: string;
  readonly curves: readonly TierCurve[];
}

interface RunRow {
  readonly id: number;
  readonly name: string;
  readonly cost_service_curves: unknown;
}

export async function loadCurves(
  orm: OrmService,
  scope: DashboardScope,
): Promise<RunCurves | undefined> {
  const [run] = await orm.searchRead<RunRow>(
    "inventory.segment.run",
    [...companyDomain(scope), ["state", "=", "done"], ["cost_service_curves", "!=", false]],
    ["name", "cost_service_curves"],
    { limit: 1, order: "date_start desc, id desc" },
  );
  if (run === undefined) return undefined;
  const curves = readCostServiceCurves(run.cost_service_curves);
  if (curves === undefined) {
    throw new Error(_t("The cost–service curves of %s are not in the expected format.", run.name));
  }
  return { runName: run.name, curves: tierCurves(curves) };
}

/**
 * Curves with at least two points and some cost (a tier without a service target, such as
 * obsolete, costs nothing at any target), most critical tier first; points by increasing service.
 */
export function tierCurves(curves: CostServiceCurves): TierCurve[] {
  const result: TierCurve[] = [];
  for (const tier of TIERS) {
    const raw = [...(curves[tier] ?? [])].sort((a, b) => a.service_target - b.service_target);
    if (raw.length < 2 || raw.every((point) => point.carrying_cost === 0)) continue;
    const points = raw.map((point, index): CurvePoint => {
      const previous = raw[index - 1];
      const points = previous ? (point.service_target - previous.service_target) * 100 : 0;
      return {
        x: point.service_target * 100,
        y: point.carrying_cost,
        inventoryValue: point.inventory_value,
        costPerPoint:
          previous && points > 0
            ? (point.carrying_cost - previous.carrying_cost) / points
            : undefined,
      };
    });
    result.push({ tier, points });
  }
  return result;
}

export function curvesConfig(
  data: RunCurves,
  theme: ChartTheme,
  options: { readonly currencyId: number; readonly tierNames: TierNames },
): ChartConfiguration<"line", CurvePoint[]> {
  const money = (amount: number) => formatMoney(amount, options.currencyId);
  return {
    type: "line",
    data: {
      datasets: data.curves.map(({ tier, points }) => ({
        label: options.tierNames[tier],
        data: [...points],
        borderColor: tierColor(tier, theme.style),
        backgroundColor: tierColor(tier, theme.style),
        pointRadius: 2,
        tension: 0.2,
      })),
    },
    options: {
      animation: false,
      parsing: false,
      maintainAspectRatio: false,
      interaction: { mode: "nearest", intersect: false },
      scales: {
        x: {
          type: "linear",
          ...themedAxis(theme, _t("Service target"), { callback: (value) => `${value}%` }),
        },
        y: {
          type: "linear",
          ...themedAxis(theme, _t("Carrying cost per year"), {
            callback: (value) => money(Number(value)),
          }),
        },
      },
      plugins: {
        legend: bottomLegend(theme),
        tooltip: {
          callbacks: {
            title: (items: TooltipItem<"line">[]) => {
              const point = items[0]?.raw as CurvePoint | undefined;
              return point ? _t("Service target %s", formatShare(point.x / 100)) : "";
            },
            label: (item: TooltipItem<"line">) => {
              const point = item.raw as CurvePoint;
              const base = _t("%(tier)s: %(cost)s a year (stock %(value)s)", {
                tier: item.dataset.label ?? "",
                cost: money(point.y),
                value: money(point.inventoryValue),
              });
              return point.costPerPoint === undefined
                ? base
                : `${base}, ${_t("%s per extra point", money(point.costPerPoint))}`;
            },
          },
        },
      },
    },
  };
}
