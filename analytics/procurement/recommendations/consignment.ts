import { amount, cents, percent, ratio } from "./format.js";
import type { Recommendation, RecommendationItem, RuleSettings } from "./types.js";

/**
 * Consider consignment or vendor-managed inventory for a bought A item with smooth, steady demand
 * (Syntetos–Boylan smooth and XYZ class X): high value makes the stock expensive to own, steady
 * demand makes it easy for the vendor to plan. The money at stake is the stock the policy expects
 * to hold (what the vendor would carry instead).
 * @param item the item, its plan and its preferred vendor.
 * @param settings the rule thresholds.
 * @returns the recommendation, or null when the item is not a bought, smooth A item in use.
 * @example
 * consignment(smoothAItem, ruleSettings())?.reason;
 * // "CP-12 is an A item (120,000 a year) with smooth, steady demand (CV 0.21): steady enough for V0004
 * //  to hold it on consignment or manage it (VMI). That would free about 8,400 of stock (2,100 a
 * //  year in carrying cost)."
 */
export function consignment(
  item: RecommendationItem,
  settings: RuleSettings,
): Recommendation | null {
  const { plan, vendor } = item;
  if (
    plan.abc !== "A" ||
    plan.pattern !== "smooth" ||
    plan.xyz !== "X" ||
    plan.tier === "obsolete" ||
    vendor === null ||
    !(plan.expectedInventoryValue > 0)
  ) {
    return null;
  }
  const cv = plan.demandCv ?? 0;
  const value = plan.expectedInventoryValue;
  return {
    rule: "consignment",
    key: `consignment:${plan.sku}`,
    sku: plan.sku,
    vendor: vendor.key,
    audience: "procurement",
    priority: "medium",
    value: cents(value),
    evidence: {
      vendor: vendor.key,
      abc_class: plan.abc,
      demand_pattern: plan.pattern,
      demand_cv: ratio(cv),
      annual_consumption_value: cents(plan.annualConsumptionValue),
      expected_inventory_value: cents(value),
      annual_carrying_cost: cents(value * settings.holdingRate),
      ...(vendor.scorecard?.performance.onTimeRate != null && {
        vendor_on_time_rate: ratio(vendor.scorecard.performance.onTimeRate),
      }),
    },
    signature: `vendor=${vendor.key}`,
    reason:
      `${plan.sku} is an A item (${amount(plan.annualConsumptionValue)} a year) with smooth, steady demand ` +
      `(CV ${cv.toFixed(2)}): steady enough for ${vendor.name ?? vendor.key} to hold it on consignment ` +
      `or manage it (VMI). That would free about ${amount(value)} of stock ` +
      `(${amount(value * settings.holdingRate)} a year in carrying cost)` +
      (vendor.scorecard?.performance.onTimeRate != null
        ? `; the vendor delivers ${percent(vendor.scorecard.performance.onTimeRate)} on time.`
        : "."),
  };
}
