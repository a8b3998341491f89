import { amount, cents, days, percent, ratio } from "./format.js";
import type { Recommendation, RecommendationItem, RuleSettings } from "./types.js";

/**
 * Review the vendor of a critical or essential item whose lead time, measured on its receipts,
 * varies widely (sd ÷ mean at or above `vendorLeadTimeCv`): firm delivery slots, a closer or a
 * second vendor cut the buffer that uncertainty costs. The money at stake is the value of the
 * item's safety stock. `high` for critical items, `medium` for essential ones.
 * @param item the item, its plan and its preferred vendor.
 * @param settings the rule thresholds.
 * @returns the recommendation, or null (also when the lead time is not measured on at least 3
 *   receipts, but promised or a default).
 * @example
 * reviewVendor(erraticLeadTimeItem, ruleSettings())?.reason;
 * // "CP-3 is essential and its lead time from V0005 varies widely (22.0 d ± 9.1 d, CV 0.41;
 * //  the vendor is 45 % on time); that costs 2,100 of safety stock. Review the vendor: firm
 * //  delivery dates, a closer or a second source."
 */
export function reviewVendor(
  item: RecommendationItem,
  settings: RuleSettings,
): Recommendation | null {
  const { plan, vendor } = item;
  if (plan.tier !== "critical" && plan.tier !== "essential") return null;
  const measured = plan.leadTimeSource === "receipts" || item.measuredLeadTimes >= 3;
  if (!measured || !(plan.leadTimeDays > 0)) return null;
  const cv = plan.leadTimeSdDays / plan.leadTimeDays;
  if (cv < settings.vendorLeadTimeCv) return null;
  const bufferValue = Math.max(0, plan.safetyStock) * plan.unitCost;
  const onTime = vendor?.scorecard?.performance.onTimeRate ?? null;
  return {
    rule: "review_vendor",
    key: `review_vendor:${plan.sku}`,
    sku: plan.sku,
    vendor: vendor?.key ?? null,
    audience: "procurement",
    priority: plan.tier === "critical" ? "high" : "medium",
    value: cents(bufferValue),
    evidence: {
      lead_time_mean_days: ratio(plan.leadTimeDays),
      lead_time_sd_days: ratio(plan.leadTimeSdDays),
      lead_time_cv: ratio(cv),
      receipts: item.measuredLeadTimes,
      safety_stock_value: cents(bufferValue),
      ...(vendor && { vendor: vendor.key }),
      ...(onTime !== null && { vendor_on_time_rate: ratio(onTime) }),
    },
    signature: `vendor=${vendor?.key ?? ""}`,
    reason:
      `${plan.sku} is ${plan.tier} and its lead time${vendor ? ` from ${vendor.name ?? vendor.key}` : ""} ` +
      `varies widely (${days(plan.leadTimeDays)} ± ${days(plan.leadTimeSdDays)}, CV ${cv.toFixed(2)}` +
      `${onTime !== null ? `; the vendor is ${percent(onTime)} on time` : ""}); that costs ` +
      `${amount(bufferValue)} of safety stock. Review the vendor: firm delivery dates, a closer or a second source.`,
  };
}
