import { amount, cents, ratio } from "./format.js";
import type { Recommendation, RecommendationItem, RuleSettings } from "./types.js";

/**
 * Ask engineering to review the design of a critical or essential A or B component (an item used
 * in at least one bill of materials) whose demand is highly variable (demand CV at or above
 * `designDemandCv`): a common part, a modular design or a substitute can pool its demand and
 * shrink the buffer. The money at stake is the value of the safety stock the variability costs.
 * `high` for critical items, `medium` for essential ones.
 * @param item the item and its plan.
 * @param settings the rule thresholds.
 * @returns the recommendation, or null.
 * @example
 * reviewDesign(lumpyCriticalItem, ruleSettings())?.reason;
 * // "CP-88 is critical and its demand swings widely (CV 1.80, lumpy demand); that costs 3,200
 * //  of safety stock. Review its design: a common part, a modular design or a substitute would
 * //  pool its demand."
 */
export function reviewDesign(
  item: RecommendationItem,
  settings: RuleSettings,
): Recommendation | null {
  const { plan } = item;
  const cv = plan.demandCv;
  if ((plan.tier !== "critical" && plan.tier !== "essential") || cv === null) return null;
  // A C item's buffer is cheap whatever its variability: engineering time goes to A and B items.
  if (item.bomParentCount === 0 || plan.abc === "C") return null;
  if (cv < settings.designDemandCv) return null;
  const bufferValue = Math.max(0, plan.safetyStock) * plan.unitCost;
  return {
    rule: "review_design",
    key: `review_design:${plan.sku}`,
    sku: plan.sku,
    vendor: item.vendor?.key ?? null,
    audience: "engineering",
    priority: plan.tier === "critical" ? "high" : "medium",
    value: cents(bufferValue),
    evidence: {
      demand_cv: ratio(cv),
      demand_pattern: plan.pattern,
      xyz_class: plan.xyz,
      safety_stock: ratio(Math.max(0, plan.safetyStock)),
      safety_stock_value: cents(bufferValue),
      bom_parent_count: item.bomParentCount,
      ...(plan.adi !== null && { adi: ratio(plan.adi) }),
      ...(plan.cv2 !== null && { cv2: ratio(plan.cv2) }),
    },
    signature: `tier=${plan.tier}`,
    reason:
      `${plan.sku} is ${plan.tier} and its demand swings widely (CV ${cv.toFixed(2)}, ${plan.pattern} demand); ` +
      `that costs ${amount(bufferValue)} of safety stock. Review its design: a common part, a modular ` +
      `design or a substitute would pool its demand.`,
  };
}
