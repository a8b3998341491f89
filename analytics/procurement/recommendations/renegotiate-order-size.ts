import { amount, cents, quantity, ratio } from "./format.js";
import type { Recommendation, RecommendationItem, RuleSettings } from "./types.js";

/**
 * Renegotiate the minimum order or the lot size where it forces stock well above the policy's own
 * max. The policy would order `q* = max(EOQ, review-period demand)` and top up to
 * `reorder point + q*`; the vendor's MOQ or order multiple makes it order the plan's order quantity
 * and top up to the plan's max instead. When that max is `orderSizeMaxRatio` times the policy's own
 * or more, the average stock carries half the extra quantity for nothing but the vendor's terms:
 * that value is the money at stake. `medium` from 3 times the policy's max, `low` below.
 * @param item the item, its plan, MOQ, order multiple and preferred vendor.
 * @param settings the rule thresholds.
 * @returns the recommendation, or null when the order size is the policy's own.
 * @example
 * renegotiateOrderSize(itemWithMoq500, ruleSettings())?.reason;
 * // "The minimum order of 500 units from V0007 makes every order last 250 days: stock tops up to
 * //  580 where the policy's max is 140. Orders of 60 would free about 1,320 of average stock
 * //  (330 a year in carrying cost)."
 */
export function renegotiateOrderSize(
  item: RecommendationItem,
  settings: RuleSettings,
): Recommendation | null {
  const { plan } = item;
  const dailyDemand = plan.demandPerPeriod / settings.periodDays;
  if (plan.tier === "obsolete" || !(dailyDemand > 0) || plan.orderQuantity <= 0) return null;
  const reviewPeriods = Math.max(1, Math.round(plan.reviewDays / settings.periodDays));
  const policyOrder = Math.max(plan.economicOrderQuantity, plan.demandPerPeriod * reviewPeriods);
  const policyMax = plan.reorderPoint + policyOrder;
  if (!(policyMax > 0)) return null;
  const forcedRatio = plan.maxStock / policyMax;
  if (forcedRatio < settings.orderSizeMaxRatio) return null;
  const byMoq = item.minOrderQty >= policyOrder;
  const cause = byMoq
    ? `The minimum order of ${quantity(item.minOrderQty)} units`
    : `The lot size of ${quantity(item.orderMultiple)} units`;
  const vendor = item.vendor;
  const from = vendor ? ` from ${vendor.name ?? vendor.key}` : "";
  const freedValue = ((plan.orderQuantity - policyOrder) / 2) * plan.unitCost;
  const coverDays = plan.orderQuantity / dailyDemand;
  return {
    rule: "renegotiate_order_size",
    key: `renegotiate_order_size:${plan.sku}`,
    sku: plan.sku,
    vendor: vendor?.key ?? null,
    audience: "procurement",
    priority: forcedRatio >= 3 ? "medium" : "low",
    value: cents(freedValue),
    evidence: {
      min_order_qty: item.minOrderQty,
      order_multiple: item.orderMultiple,
      order_quantity: ratio(plan.orderQuantity),
      policy_order_quantity: ratio(policyOrder),
      max_stock: ratio(plan.maxStock),
      policy_max_stock: ratio(policyMax),
      forced_max_ratio: ratio(forcedRatio),
      order_cover_days: ratio(coverDays),
      freed_inventory_value: cents(freedValue),
      annual_carrying_cost: cents(freedValue * settings.holdingRate),
      ...(vendor && { vendor: vendor.key }),
    },
    signature: `moq=${item.minOrderQty};multiple=${item.orderMultiple};vendor=${vendor?.key ?? ""}`,
    reason:
      `${cause}${from} makes every order last ${Math.round(coverDays)} days: stock tops up to ` +
      `${quantity(round(plan.maxStock))} where the policy's max is ${quantity(round(policyMax))}. ` +
      `Orders of ${quantity(Math.ceil(policyOrder))} would free about ${amount(freedValue)} of average stock ` +
      `(${amount(freedValue * settings.holdingRate)} a year in carrying cost).`,
  };
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
