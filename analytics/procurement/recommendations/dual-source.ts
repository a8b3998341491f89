import { amount, cents, days, percent, ratio } from "./format.js";
import type { Recommendation, RecommendationItem, RuleSettings } from "./types.js";

/**
 * Dual-source a critical component that only one vendor supplies: the plant stops when that vendor
 * does. The money at stake is the item's annual consumption value (what flows through the single
 * source each year). Urgent (`high`) when the vendor's risk score reaches `urgentVendorRisk` or the
 * component goes into 3 or more assemblies; `medium` otherwise.
 * @param item the item, its plan and its preferred vendor.
 * @param settings the rule thresholds.
 * @returns the recommendation, or null when the item is not critical or has another source.
 * @example
 * dualSource(criticalSingleSourcedItem, ruleSettings())?.reason;
 * // "CP-7 is critical and V0001 is its only source (lead time 27.0 d ± 4.1 d, 12 % on time,
 * //  vendor risk 91/100, rank 1); it goes into 7 assemblies and 48,200 a year flows through
 * //  it. Qualify a second vendor."
 */
export function dualSource(
  item: RecommendationItem,
  settings: RuleSettings,
): Recommendation | null {
  const { plan, vendor } = item;
  if (plan.tier !== "critical" || item.vendorCount !== 1 || vendor === null) return null;
  const card = vendor.scorecard;
  const risk = card?.risk.score ?? null;
  const vendorName = vendor.name ?? vendor.key;
  const facts = [
    `lead time ${days(plan.leadTimeDays)} ± ${days(plan.leadTimeSdDays)}`,
    ...(card?.performance.onTimeRate != null
      ? [`${percent(card.performance.onTimeRate)} on time`]
      : []),
    ...(card ? [`vendor risk ${card.risk.score}/100, rank ${card.rank}`] : []),
  ];
  const uses =
    item.bomParentCount > 0
      ? `it goes into ${item.bomParentCount} assembl${item.bomParentCount === 1 ? "y" : "ies"} and `
      : "";
  return {
    rule: "dual_source",
    key: `dual_source:${plan.sku}`,
    sku: plan.sku,
    vendor: vendor.key,
    audience: "procurement",
    priority:
      (risk !== null && risk >= settings.urgentVendorRisk) || item.bomParentCount >= 3
        ? "high"
        : "medium",
    value: cents(plan.annualConsumptionValue),
    evidence: {
      vendor: vendor.key,
      criticality_score: plan.criticalityScore,
      lead_time_mean_days: ratio(plan.leadTimeDays),
      lead_time_sd_days: ratio(plan.leadTimeSdDays),
      bom_parent_count: item.bomParentCount,
      annual_consumption_value: cents(plan.annualConsumptionValue),
      ...(card && { vendor_risk_score: card.risk.score, vendor_risk_rank: card.rank }),
      ...(card?.performance.onTimeRate != null && {
        vendor_on_time_rate: ratio(card.performance.onTimeRate),
      }),
    },
    signature: `vendor=${vendor.key}`,
    reason:
      `${plan.sku} is critical and ${vendorName} is its only source (${facts.join(", ")}); ` +
      `${uses}${amount(plan.annualConsumptionValue)} a year flows through it. Qualify a second vendor.`,
  };
}
