/**
 * The achieved side of the KPIs (DESIGN.md "Managers and finance"), from what really happened:
 * for each product at each warehouse, its stock history over two consecutive KPI windows of
 * `windowDays` days ending the day before the run's as-of day, measured by `achievedService`
 * (stock rebuilt backwards from today's quants through the done moves; demand served from stock
 * each day; demand still waiting past its date at the end counts as unserved). Per tier:
 * - **fill rate**: demand served from stock ÷ demand, both valued at unit cost (a value fill rate:
 *   units of different products do not add up);
 * - **cycle service**: replenishment cycles (inflow to inflow) without a stockout day ÷ cycles;
 * - **average inventory value**, its **carrying cost** (× the carrying-cost rate) and **turns**
 *   (the window's demand value, per year, ÷ average inventory value), over the last window;
 * - the stock above the policy's maximum, for the advice.
 * The same figures per XYZ class feed the cut-off advice.
 */
import {
  achievedService,
  type ClassService,
  type ServiceWindow,
  TIERS,
  type Tier,
  type TierService,
  type XyzClass,
} from "../../analytics/index.js";
import { shiftDay } from "../events/escalations.js";
import type { OpenDemand } from "../events/open-demand.js";
import type { TierSettings } from "../extract/settings.js";
import type { Snapshot } from "../extract/snapshot.js";
import type { SyncPlan } from "../sync/planning.js";
import type { KpiVals } from "../writeback/kpis.js";
import { round } from "../writeback/product-rows.js";
import type { StockFlows } from "./stock-flows.js";

const DAY_MS = 86_400_000;

/** Sums over a group of product-warehouses for one window. */
interface Totals {
  demandValue: number;
  filledValue: number;
  cycles: number;
  stockoutCycles: number;
  inventoryValue: number;
  excessValue: number;
}

const emptyTotals = (): Totals => ({
  demandValue: 0,
  filledValue: 0,
  cycles: 0,
  stockoutCycles: 0,
  inventoryValue: 0,
  excessValue: 0,
});

export interface ServiceKpiOptions {
  /** The run's as-of day: the last window ends the day before. */
  readonly asOfDay: string;
  readonly windowDays: number;
  readonly carryingRate: number;
  readonly tiers: Readonly<Record<Tier, TierSettings>>;
}

export interface AchievedKpis {
  /** Per warehouse id (0: company-wide), per tier: the KPI values to add to the run's rows. */
  readonly rows: ReadonlyMap<number, ReadonlyMap<Tier, Partial<KpiVals>>>;
  /** Company-wide, per tier and per XYZ class: both windows, for the advice. */
  readonly tiers: readonly TierService[];
  readonly classes: readonly ClassService[];
  readonly windows: readonly [string, string];
}

/** The day `days` after `day`. */
export function achievedKpis(
  snapshot: Snapshot,
  plan: SyncPlan,
  flows: StockFlows,
  overdue: OpenDemand,
  options: ServiceKpiOptions,
): AchievedKpis {
  const { windowDays, asOfDay } = options;
  const start = shiftDay(asOfDay, -2 * windowDays);
  const windowLabels = [
    `${start}..${shiftDay(asOfDay, -windowDays - 1)}`,
    `${shiftDay(asOfDay, -windowDays)}..${shiftDay(asOfDay, -1)}`,
  ] as const;
  const startMs = Date.parse(`${start}T00:00:00Z`);
  const dayIndex = (day: string) => Math.round((Date.parse(`${day}T00:00:00Z`) - startMs) / DAY_MS);
  const span = 2 * windowDays;
  const { input, plan: companyPlan } = plan.company;
  const row = new Map(input.productIds.map((id, index) => [id, index]));
  const maxAt = warehouseMaxima(plan);

  // totals[warehouse][group][window]
  const totals = new Map<number, Map<string, [Totals, Totals]>>();
  const bucket = (warehouse: number, group: string) => {
    const byGroup = totals.get(warehouse) ?? new Map<string, [Totals, Totals]>();
    totals.set(warehouse, byGroup);
    const found = byGroup.get(group) ?? [emptyTotals(), emptyTotals()];
    byGroup.set(group, found);
    return found;
  };
  const targetWeight = new Map<XyzClass, { weight: number; weighted: number }>();

  for (const [productId, data] of snapshot.products) {
    const index = row.get(productId);
    const item = index === undefined ? undefined : companyPlan.items[index];
    if (!item) continue;
    const cost = data.facts.unitCost;
    const warehouses = new Set<number>([
      ...data.onHand.map(([warehouse]) => warehouse),
      ...(flows.get(productId)?.keys() ?? []),
    ]);
    for (const warehouse of warehouses) {
      const demand = new Float64Array(span);
      const inflow = new Float64Array(span);
      const other = new Float64Array(span);
      let netAfter = 0;
      for (const [day, cell] of flows.get(productId)?.get(warehouse) ?? []) {
        const at = dayIndex(day);
        if (at >= span) netAfter += cell.inflow - cell.demand - cell.otherOutflow;
        else if (at >= 0) {
          demand[at] = cell.demand;
          inflow[at] = cell.inflow;
          other[at] = cell.otherOutflow;
        }
      }
      const onHand = data.onHand.find(([id]) => id === warehouse)?.[1] ?? 0;
      const maxStock = maxAt.get(warehouse)?.get(productId) ?? item.maxStock;
      const last = achievedService({
        demand: demand.subarray(windowDays),
        inflow: inflow.subarray(windowDays),
        otherOutflow: other.subarray(windowDays),
        closingOnHand: onHand - netAfter,
        openDemand: overdue.get(productId)?.get(warehouse) ?? 0,
        maxStock,
      });
      const first = achievedService({
        demand: demand.subarray(0, windowDays),
        inflow: inflow.subarray(0, windowDays),
        otherOutflow: other.subarray(0, windowDays),
        closingOnHand: last.openingOnHand,
        maxStock,
      });
      const groups = [`tier:${item.tier}`, ...(item.serviceTarget > 0 ? [`xyz:${item.xyz}`] : [])];
      for (const scope of [0, warehouse]) {
        for (const group of groups) {
          if (scope !== 0 && group.startsWith("xyz:")) continue;
          const pair = bucket(scope, group);
          [first, last].forEach((service, window) => {
            const sums = pair[window] as Totals;
            sums.demandValue += service.demand * cost;
            sums.filledValue += service.filledFromStock * cost;
            sums.cycles += service.cycles;
            sums.stockoutCycles += service.stockoutCycles;
            sums.inventoryValue += service.averageOnHand * cost;
            sums.excessValue += service.averageExcess * cost;
          });
        }
      }
      if (item.serviceTarget > 0) {
        const weight = last.demand * cost;
        const entry = targetWeight.get(item.xyz) ?? { weight: 0, weighted: 0 };
        entry.weight += weight;
        entry.weighted += weight * item.serviceTarget;
        targetWeight.set(item.xyz, entry);
      }
    }
  }

  const windowOf = (sums: Totals, label: string): ServiceWindow => ({
    label,
    fillRate: sums.demandValue > 0 ? sums.filledValue / sums.demandValue : Number.NaN,
    cycleService: sums.cycles > 0 ? 1 - sums.stockoutCycles / sums.cycles : Number.NaN,
    averageInventoryValue: sums.inventoryValue,
    excessValue: sums.excessValue,
  });
  const rows = new Map<number, Map<Tier, Partial<KpiVals>>>();
  for (const [warehouse, byGroup] of totals) {
    const tierRows = new Map<Tier, Partial<KpiVals>>();
    for (const tier of TIERS) {
      const pair = byGroup.get(`tier:${tier}`);
      if (!pair) continue;
      const last = pair[1];
      const window = windowOf(last, windowLabels[1]);
      tierRows.set(tier, {
        ...(!Number.isNaN(window.fillRate) && { fill_rate: round(window.fillRate, 4) }),
        ...(!Number.isNaN(window.cycleService) && { cycle_service: round(window.cycleService, 4) }),
        average_inventory_value: round(last.inventoryValue, 2),
        ...(last.inventoryValue > 0 && {
          carrying_cost: round(last.inventoryValue * options.carryingRate, 2),
          turns: round((last.demandValue * (365 / windowDays)) / last.inventoryValue, 4),
        }),
      });
    }
    rows.set(warehouse, tierRows);
  }
  const company = totals.get(0) ?? new Map<string, [Totals, Totals]>();
  const windowsOf = (group: string) => {
    const pair = company.get(group) ?? [emptyTotals(), emptyTotals()];
    return [windowOf(pair[0], windowLabels[0]), windowOf(pair[1], windowLabels[1])];
  };
  return {
    rows,
    tiers: TIERS.map((tier) => ({
      tier,
      serviceTarget: options.tiers[tier].serviceTarget,
      serviceMeasure: options.tiers[tier].serviceMeasure,
      windows: windowsOf(`tier:${tier}`),
    })),
    classes: (["X", "Y", "Z"] as const).map((xyz) => {
      const entry = targetWeight.get(xyz);
      return {
        xyz,
        fillRateTarget: entry && entry.weight > 0 ? entry.weighted / entry.weight : 0,
        windows: windowsOf(`xyz:${xyz}`),
      };
    }),
    windows: windowLabels,
  };
}

/** Each warehouse plan's maximum stock per product id. */
function warehouseMaxima(plan: SyncPlan): Map<number, Map<number, number>> {
  const maxima = new Map<number, Map<number, number>>();
  for (const [warehouse, scoped] of plan.warehouses) {
    const byProduct = new Map<number, number>();
    scoped.input.productIds.forEach((productId, index) => {
      const item = scoped.plan.items[index];
      if (item) byProduct.set(productId, item.maxStock);
    });
    maxima.set(warehouse, byProduct);
  }
  return maxima;
}
