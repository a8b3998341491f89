/**
 * The KPI snapshot of a run, one `inventory.segment.run.kpi` row per tier (company-wide, and per
 * warehouse when there are several): items, stock value on hand, its annual carrying cost, value
 * above the policy's max, items out of stock while in demand, and turns. Achieved fill rate and
 * cycle service need the service history of the feedback loop and are not written here.
 */
import { type CostServiceCurve, type ItemPlan, TIERS } from "../../analytics/index.js";
import type { CostServiceCurves, TierCode } from "../../manifest/contract.js";
import type { TierSettings } from "../extract/settings.js";
import type { ContractVals } from "./contract-vals.js";
import { round } from "./product-rows.js";

export type KpiVals = ContractVals<"inventory.segment.run.kpi">;

/** One planned item with what it holds at the place the KPIs describe. */
export interface KpiItem {
  readonly plan: ItemPlan;
  readonly onHand: number;
}

/** The rows of one scope (run id added when written). */
export function tierKpis(
  items: readonly KpiItem[],
  tiers: Readonly<Record<TierCode, TierSettings>>,
  carryingRate: number,
  warehouseId: number | false,
): KpiVals[] {
  return TIERS.map((code) => {
    const members = items.filter((item) => item.plan.tier === code);
    let inventoryValue = 0;
    let excessValue = 0;
    let consumptionValue = 0;
    let stockouts = 0;
    for (const { plan, onHand } of members) {
      const stock = Math.max(0, onHand);
      inventoryValue += stock * plan.unitCost;
      excessValue += Math.max(0, stock - plan.maxStock) * plan.unitCost;
      consumptionValue += plan.annualConsumptionValue;
      if (onHand <= 0 && plan.averageDailyDemand > 0) stockouts++;
    }
    return {
      segment_id: tiers[code].id,
      warehouse_id: warehouseId,
      item_count: members.length,
      inventory_value: round(inventoryValue, 2),
      excess_value: round(excessValue, 2),
      carrying_cost: round(inventoryValue * carryingRate, 2),
      service_target: tiers[code].serviceTarget,
      stockout_count: stockouts,
      turns: inventoryValue > 0 ? round(consumptionValue / inventoryValue, 4) : 0,
    };
  });
}

/** The plan's cost–service curves in the contract's `cost_service_curves` shape. */
export function costServiceCurves(
  curves: readonly CostServiceCurve[],
  carryingRate: number,
): CostServiceCurves {
  const result: CostServiceCurves = {};
  for (const curve of curves) {
    result[curve.tier] = curve.points
      .filter((point) => point.serviceTarget >= 0 && point.serviceTarget < 1)
      .map((point) => ({
        service_target: point.serviceTarget,
        inventory_value: round(point.expectedInventoryValue, 2),
        carrying_cost: round(
          Number.isFinite(point.annualHoldingCost)
            ? point.annualHoldingCost
            : point.expectedInventoryValue * carryingRate,
          2,
        ),
      }));
  }
  return result;
}
