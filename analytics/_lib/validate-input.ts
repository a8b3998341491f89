/** Checks the inputs of a plan or backtest and locates the first problem by SKU and field. */
import type { AnalyticsConfig } from "../config.js";
import { PlanInputError } from "../plan-input-error.js";
import { ABC_CLASSES, type DemandMatrix, type ItemMaster, TIERS } from "../types.js";
import { introductionColumns } from "./introduction.js";

const NON_NEGATIVE_FIELDS = [
  "unitCost",
  "orderCost",
  "holdingRate",
  "holdingCostPerYear",
  "leadTimeDays",
  "leadTimeSdDays",
  "minOrderQty",
  "unitRounding",
  "bomParentCount",
  "vendorCount",
  "deescalationStreak",
  "onHand",
] as const;

/** What a valid input tells the engine besides itself. */
export interface ValidatedInput {
  /** Periods up to and including `asOf` (all periods without it). */
  readonly historyLength: number;
  /** Each item's introduction column on the grid (see `introductionColumns`). */
  readonly introductions: Float64Array;
}

/** Throws a {@link PlanInputError} unless items and demand line up and every field is possible. */
export function validatePlanInput(
  demand: DemandMatrix,
  items: readonly ItemMaster[],
  config: AnalyticsConfig,
  asOf: string | undefined,
): ValidatedInput {
  const periods = demand.periodLabels.length;
  if (demand.period !== config.period) {
    throw new PlanInputError(
      "period-mismatch",
      `the demand is per ${demand.period} but the configuration plans per ${config.period}`,
    );
  }
  if (items.length !== demand.skus.length) {
    throw new PlanInputError(
      "items-mismatch",
      `${items.length} items for ${demand.skus.length} demand rows: every demand row needs its item`,
    );
  }
  if (demand.quantities.length !== demand.skus.length * periods) {
    throw new PlanInputError(
      "bad-demand",
      `the demand matrix holds ${demand.quantities.length} values for ${demand.skus.length} SKUs × ${periods} periods`,
    );
  }
  const seen = new Set<string>();
  items.forEach((item, index) => {
    if (item.sku !== demand.skus[index]) {
      throw new PlanInputError(
        "items-mismatch",
        `item ${index} is "${item.sku}" but demand row ${index} is "${demand.skus[index]}"`,
        item.sku,
      );
    }
    if (seen.has(item.sku)) {
      throw new PlanInputError(
        "items-mismatch",
        `SKU "${item.sku}" appears twice`,
        item.sku,
        "sku",
      );
    }
    seen.add(item.sku);
    validateItem(item);
  });
  for (let i = 0; i < demand.quantities.length; i++) {
    if (!Number.isFinite(demand.quantities[i] as number)) {
      const sku = demand.skus[Math.floor(i / periods)] as string;
      const label = demand.periodLabels[i % periods] as string;
      throw new PlanInputError(
        "bad-demand",
        `demand of "${sku}" in ${label} is not a finite number`,
        sku,
        "quantity",
      );
    }
  }
  const introductions = introductionColumns(demand, items);
  if (asOf === undefined) return { historyLength: periods, introductions };
  const index = demand.periodLabels.indexOf(asOf);
  if (index < 0) {
    throw new PlanInputError(
      "unknown-period",
      `period "${asOf}" is not in the demand history (${demand.periodLabels[0] ?? "none"} … ${demand.periodLabels[periods - 1] ?? "none"})`,
    );
  }
  return { historyLength: index + 1, introductions };
}

function validateItem(item: ItemMaster): void {
  const bad = (field: string, rule: string, value: unknown) =>
    new PlanInputError(
      "bad-item",
      `item "${item.sku}": ${field} must be ${rule}, got ${String(value)}`,
      item.sku,
      field,
    );
  for (const field of NON_NEGATIVE_FIELDS) {
    const value = item[field];
    if (value === undefined && field !== "unitCost") continue;
    if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
      throw bad(field, "a finite number ≥ 0", value);
    }
  }
  if (
    item.orderMultiple !== undefined &&
    !(item.orderMultiple > 0 && Number.isFinite(item.orderMultiple))
  ) {
    throw bad("orderMultiple", "a finite number > 0", item.orderMultiple);
  }
  for (const field of ["lockedTier", "previousTier"] as const) {
    const tier = item[field];
    if (tier !== undefined && !TIERS.includes(tier))
      throw bad(field, `one of ${TIERS.join(", ")}`, tier);
  }
  if (item.bomParentBestAbc !== undefined && !ABC_CLASSES.includes(item.bomParentBestAbc)) {
    throw bad("bomParentBestAbc", "A, B or C", item.bomParentBestAbc);
  }
  for (const [index, days] of (item.leadTimeHistoryDays ?? []).entries()) {
    if (!Number.isFinite(days) || days < 0)
      throw bad(`leadTimeHistoryDays[${index}]`, "a finite number ≥ 0", days);
  }
}
