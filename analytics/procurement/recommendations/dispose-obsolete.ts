import { amount, cents, quantity, ratio } from "./format.js";
import type { Recommendation, RecommendationItem, RuleSettings } from "./types.js";

/**
 * Flag obsolete stock for disposal: an item in the obsolete tier (no demand for the configured
 * months) that still has stock on hand. New items, which have no demand yet, are left alone. The
 * money at stake is the stock's value; the evidence adds what keeping it costs a year. `medium`.
 * @param item the item, its plan and its stock on hand.
 * @param settings the rule thresholds.
 * @returns the recommendation, or null.
 * @example
 * disposeObsolete(deadItemWith320OnHand, ruleSettings())?.reason;
 * // "CP-9 is obsolete: 320 units on hand worth 4,480 cost 1,120 a year to keep. Sell them, return
 * //  them to the vendor or scrap them."
 */
export function disposeObsolete(
  item: RecommendationItem,
  settings: RuleSettings,
): Recommendation | null {
  const { plan } = item;
  if (plan.tier !== "obsolete" || plan.pattern === "new") return null;
  const stock = item.onHand;
  const value = stock * plan.unitCost;
  if (!(stock > 0) || !(value > 0)) return null;
  return {
    rule: "dispose_obsolete",
    key: `dispose_obsolete:${plan.sku}`,
    sku: plan.sku,
    vendor: item.vendor?.key ?? null,
    audience: "finance",
    priority: "medium",
    value: cents(value),
    evidence: {
      on_hand: ratio(stock),
      unit_cost: plan.unitCost,
      stock_value: cents(value),
      annual_carrying_cost: cents(value * settings.holdingRate),
    },
    signature: "obsolete",
    reason:
      `${plan.sku} is obsolete: ${quantity(stock)} units on hand worth ${amount(value)} cost ` +
      `${amount(value * settings.holdingRate)} a year to keep. Sell them, return them to the vendor or scrap them.`,
  };
}
