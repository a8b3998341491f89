/**
 * The `write_segmentation` rows of a run: for each planned product, its tier, classes, metrics,
 * reason, hysteresis memory and demand sparkline, rounded as Odoo stores them. A row whose values
 * equal what Odoo already holds is left out, so that a re-run writes nothing and a nightly run
 * touches only the products that moved.
 */
import type { ItemPlan, PortfolioPlan } from "../../analytics/index.js";
import type { DemandHistory, TierCode } from "../../manifest/contract.js";
import type { MemoryOf, ProductFacts } from "../extract/products.js";
import type { TierSettings } from "../extract/settings.js";
import type { OdooValue } from "../odoo/index.js";
import type { OdooPlanningInput } from "../sources/odoo/planning-input.js";
import type { ProductSegmentationField, SegmentationRow } from "./contract-vals.js";

/** Decimals Odoo keeps per float field (the addon's `digits`); money has 2. */
const DECIMALS: Partial<Record<ProductSegmentationField, number>> = {
  criticality_score: 2,
  demand_cv: 3,
  demand_adi: 2,
  demand_cv2: 3,
  lead_time_mean_days: 1,
  lead_time_sd_days: 1,
  lead_time_on_time_rate: 4,
  annual_consumption_value: 2,
  inventory_value: 2,
};
const HISTORY_DECIMALS = 3;

export interface ProductRowOptions {
  readonly tiers: Readonly<Record<TierCode, TierSettings>>;
  /** `segment_date` of a tier assigned in this run (the run's start, UTC). */
  readonly runStamp: string;
  /** Decimals of the "Product Unit" precision, for average daily demand. */
  readonly quantityDecimals: number;
  /** Incremental runs keep the stored de-escalation streak (see `holdDeescalation`). */
  readonly holdDeescalation: boolean;
  /** Each product's segment memory before the run (stored, or a resumed run's baseline). */
  readonly memoryOf: MemoryOf;
}

/** The rows to write, and how many products already held these values. */
export interface ProductRows {
  readonly rows: SegmentationRow[];
  readonly unchanged: number;
}

export function productRows(
  input: OdooPlanningInput,
  plan: PortfolioPlan,
  facts: ReadonlyMap<number, ProductFacts>,
  options: ProductRowOptions,
): ProductRows {
  const rows: SegmentationRow[] = [];
  let unchanged = 0;
  plan.items.forEach((item, index) => {
    const productId = input.productIds[index] as number;
    const product = facts.get(productId);
    if (!product) return;
    const row = productRow(item, index, productId, input, plan, options);
    if (rowDiffers(row, product, options.quantityDecimals)) rows.push(row);
    else unchanged++;
  });
  return { rows, unchanged };
}

function productRow(
  item: ItemPlan,
  index: number,
  productId: number,
  input: OdooPlanningInput,
  plan: PortfolioPlan,
  options: ProductRowOptions,
): SegmentationRow {
  const before = options.memoryOf(productId);
  const sameTier = before.tier === item.tier;
  const heldInIncremental = options.holdDeescalation && sameTier && item.computedTier !== item.tier;
  const master = input.items[index];
  return {
    id: productId,
    segment_id: options.tiers[item.tier].id,
    abc_class: item.abc,
    xyz_class: item.xyz,
    demand_pattern: item.pattern,
    criticality_score: round(item.criticalityScore, 2),
    segment_reason: item.reason,
    segment_date: sameTier && before.since ? before.since : options.runStamp,
    segment_deescalation_streak:
      heldInIncremental || item.locked ? before.streak : item.deescalationStreak,
    avg_daily_demand: round(item.averageDailyDemand, options.quantityDecimals),
    demand_cv: round(item.demandCv ?? 0, 3),
    demand_adi: round(item.adi ?? 0, 2),
    demand_cv2: round(item.cv2 ?? 0, 3),
    lead_time_mean_days: round(item.leadTimeDays, 1),
    lead_time_sd_days: round(item.leadTimeSdDays, 1),
    lead_time_on_time_rate: round(input.sourcing[index]?.onTimeRate ?? 0, 4),
    annual_consumption_value: round(item.annualConsumptionValue, 2),
    inventory_value: round((master?.onHand ?? 0) * item.unitCost, 2),
    bom_parent_count: master?.bomParentCount ?? 0,
    vendor_count: master?.vendorCount ?? 0,
    demand_history: demandHistory(input, plan, index),
  };
}

/** The product's company-wide demand per period, for the sparkline (net returns read as 0). */
function demandHistory(input: OdooPlanningInput, plan: PortfolioPlan, row: number): DemandHistory {
  const { demand } = input;
  const periods = demand.periodLabels.length;
  const values: number[] = new Array(periods);
  for (let t = 0; t < periods; t++) {
    values[t] = round(
      Math.max(0, demand.quantities[row * periods + t] as number),
      HISTORY_DECIMALS,
    );
  }
  return { period: plan.period, start: demand.periodLabels[0] ?? "", values };
}

/** True when writing `row` would change something Odoo holds. */
function rowDiffers(
  row: SegmentationRow,
  product: ProductFacts,
  quantityDecimals: number,
): boolean {
  const values = product.stored.values;
  for (const [field, value] of Object.entries(row) as [string, OdooValue][]) {
    if (field === "id") continue;
    // A locked product keeps its tier and memory whatever we send (the addon drops them).
    if (product.stored.locked && KEPT_WHEN_LOCKED.has(field)) continue;
    const name = field as ProductSegmentationField;
    if (!(name in values)) continue; // not read (e.g. demand_history in incremental runs)
    const decimals = name === "avg_daily_demand" ? quantityDecimals : DECIMALS[name];
    if (!sameValue(value, values[name] ?? false, decimals)) return true;
  }
  return false;
}

const KEPT_WHEN_LOCKED = new Set(["segment_id", "segment_date", "segment_deescalation_streak"]);

/** Compares a value to send with one read back from Odoo (many2one `[id, name]`, `false` empty). */
function sameValue(sent: OdooValue, stored: OdooValue, decimals?: number): boolean {
  if (Array.isArray(stored) && stored.length === 2 && typeof stored[0] === "number") {
    return sent === stored[0];
  }
  if (typeof sent === "number") {
    const number = typeof stored === "number" ? stored : stored === false ? 0 : Number.NaN;
    const tolerance =
      decimals === undefined ? 1e-9 * Math.max(1, Math.abs(sent)) : 0.5 * 10 ** -decimals + 1e-12;
    return Math.abs(sent - number) <= tolerance;
  }
  if (sent === false || sent === null || sent === "")
    return stored === false || stored === "" || stored === null;
  if (typeof sent === "object") return sameJson(sent, stored);
  return sent === stored;
}

function sameJson(sent: OdooValue, stored: OdooValue): boolean {
  if (Array.isArray(sent)) {
    return (
      Array.isArray(stored) &&
      sent.length === stored.length &&
      sent.every((value, index) => sameValue(value, stored[index] as OdooValue, HISTORY_DECIMALS))
    );
  }
  if (
    sent === null ||
    typeof sent !== "object" ||
    stored === null ||
    typeof stored !== "object" ||
    Array.isArray(stored)
  ) {
    return false;
  }
  const keys = Object.keys(sent);
  return (
    keys.length === Object.keys(stored).length &&
    keys.every(
      (key) =>
        key in stored &&
        sameValue(
          (sent as Record<string, OdooValue>)[key] as OdooValue,
          (stored as Record<string, OdooValue>)[key] as OdooValue,
        ),
    )
  );
}

/** Rounds half away from zero to `decimals`, as Odoo's `float_round` stores floats. */
export function round(value: number, decimals: number): number {
  if (!Number.isFinite(value)) return 0;
  const factor = 10 ** decimals;
  return (Math.sign(value) * Math.round(Math.abs(value) * factor + 1e-9)) / factor;
}
