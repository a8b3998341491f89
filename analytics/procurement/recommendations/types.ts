import type { ItemPlan } from "../../types.js";
import type { SupplierScorecard } from "../supplier-scorecards.js";

/** The rules, in the order a buyer reads them. */
export const RECOMMENDATION_RULES = [
  "dual_source",
  "renegotiate_order_size",
  "consignment",
  "review_design",
  "review_vendor",
  "dispose_obsolete",
] as const;
export type RecommendationRule = (typeof RECOMMENDATION_RULES)[number];

/** Who acts on a recommendation. */
export type Audience = "procurement" | "engineering" | "finance";

export const PRIORITIES = ["high", "medium", "low"] as const;
export type Priority = (typeof PRIORITIES)[number];

/** A recommended action on one item, with its evidence and the reason in a buyer's words. */
export interface Recommendation {
  readonly rule: RecommendationRule;
  /** Stable across runs: `rule:sku` (the same item and rule is the same recommendation). */
  readonly key: string;
  readonly sku: string;
  /** The vendor it concerns (the preferred one), or null. */
  readonly vendor: string | null;
  readonly audience: Audience;
  readonly priority: Priority;
  /**
   * The money at stake, in the currency of the unit costs; what it measures depends on the rule
   * (the spend through a single source, the stock an order-size change or consignment frees, the
   * safety stock variability costs, the value of obsolete stock).
   */
  readonly value: number;
  /** The facts behind it, by name. */
  readonly evidence: Readonly<Record<string, number | string>>;
  /**
   * The facts whose change makes it a new question: a recommendation dismissed with one signature
   * comes back when the signature differs (e.g. another vendor is now the only source).
   */
  readonly signature: string;
  readonly reason: string;
}

/** An item as the rules see it: its plan and what the plan does not carry. */
export interface RecommendationItem {
  readonly plan: ItemPlan;
  /** Stock on hand, in the item's unit. */
  readonly onHand: number;
  /** Minimum order quantity of the preferred vendor (0 for none) and the order multiple (1). */
  readonly minOrderQty: number;
  readonly orderMultiple: number;
  /** Vendors that can supply it; undefined for an item that is made, not bought. */
  readonly vendorCount: number | undefined;
  readonly bomParentCount: number;
  /** How many receipts the item's lead time was measured on (0: a promised or default one). */
  readonly measuredLeadTimes: number;
  /** The preferred vendor, its name for the reason and, when known, its scorecard. */
  readonly vendor: {
    readonly key: string;
    readonly name?: string | undefined;
    readonly scorecard?: SupplierScorecard | undefined;
  } | null;
}

/** Thresholds of the rules; every field has a default. */
export interface RecommendationOptions {
  /** Carrying cost per year as a share of value, for the figures in the reasons. Default 0.25. */
  readonly holdingRate?: number;
  /** Days in one analysis period of the plan (7 for weeks). Default 7. */
  readonly periodDays?: number;
  /**
   * Order-size rule: fires when the stock an order tops up to (reorder point + the order the
   * MOQ or lot size forces) is this many times the policy's own max. Default 1.5.
   */
  readonly orderSizeMaxRatio?: number;
  /** Design review: demand CV at or above which a critical or essential component is reviewed. Default 1.5. */
  readonly designDemandCv?: number;
  /** Vendor review: lead-time CV (sd ÷ mean, from receipts) at or above which. Default 0.3. */
  readonly vendorLeadTimeCv?: number;
  /** Dual sourcing is urgent from this vendor risk score (or 3 BoM parents). Default 50. */
  readonly urgentVendorRisk?: number;
}

/** The options with their defaults filled in. */
export type RuleSettings = Required<RecommendationOptions>;

export function ruleSettings(options: RecommendationOptions = {}): RuleSettings {
  return {
    holdingRate: options.holdingRate ?? 0.25,
    periodDays: options.periodDays ?? 7,
    orderSizeMaxRatio: options.orderSizeMaxRatio ?? 1.5,
    designDemandCv: options.designDemandCv ?? 1.5,
    vendorLeadTimeCv: options.vendorLeadTimeCv ?? 0.3,
    urgentVendorRisk: options.urgentVendorRisk ?? 50,
  };
}

/** A rule: the recommendation it makes for an item, or null. */
export type RecommendationRuleFn = (
  item: RecommendationItem,
  settings: RuleSettings,
) => Recommendation | null;
