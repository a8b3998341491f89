/**
 * What the procurement and finance insights of a run are computed from, whatever the source:
 * the odoo source builds it from a sync's snapshot and plan (`odoo-input.ts`), the demo and csv
 * sources from their planning input (`planning-input-insights.ts`). Vendors and items are named by
 * keys the source chooses (Odoo: partner ids and SKUs); money is in the currency of the unit costs.
 */
import type {
  ItemMaster,
  ItemPlan,
  MinMaxRule,
  OpenOrder,
  SupplierOffer,
  VendorReceipt,
} from "../../analytics/index.js";

/** One planned item, the plan's view of it and its preferred vendor. */
export interface InsightItem {
  readonly plan: ItemPlan;
  readonly master: ItemMaster;
  /** Key of the vendor it is bought from first, or null (made items, unknown). */
  readonly vendor: string | null;
}

/** An item's stock at one place, for the cash projection. */
export interface StockPosition {
  /** Index into `InsightsInput.items`. */
  readonly item: number;
  /** Where the stock is (Odoo: the warehouse id, 0 for none); the projection sums per place. */
  readonly place: number;
  readonly onHand: number;
  /** Forecast demand per week at this place. */
  readonly weeklyDemand: number;
  readonly openOrders: readonly OpenOrder[];
  /** The rule in force, or null. */
  readonly currentRule: MinMaxRule | null;
  /** The pending suggestion, if any. */
  readonly suggestedRule?: MinMaxRule | undefined;
}

export interface InsightsInput {
  /** The day the run plans for, `YYYY-MM-DD`: week 0 of the projection, the end of "recent". */
  readonly asOfDay: string;
  /** Days in one analysis period of the plans (7 or 365.25 / 12). */
  readonly periodDays: number;
  /** Carrying cost per year as a share of value. */
  readonly holdingRate: number;
  /** Display names by vendor key. */
  readonly vendorNames: ReadonlyMap<string, string>;
  readonly offers: readonly SupplierOffer[];
  readonly receipts: readonly VendorReceipt[];
  /** Purchases of the last 12 months by vendor key. */
  readonly purchaseValues: ReadonlyMap<string, number>;
  readonly items: readonly InsightItem[];
  readonly positions: readonly StockPosition[];
}

const DAY_MS = 86_400_000;

/** The projection week an order expected on `day` arrives in (1 = the coming 7 days). */
export function arrivalWeek(day: string, asOfDay: string): number {
  const days = (Date.parse(`${day}T00:00:00Z`) - Date.parse(`${asOfDay}T00:00:00Z`)) / DAY_MS;
  return Math.max(1, Math.floor(days / 7) + 1);
}
