import { consignment } from "./consignment.js";
import { disposeObsolete } from "./dispose-obsolete.js";
import { dualSource } from "./dual-source.js";
import { renegotiateOrderSize } from "./renegotiate-order-size.js";
import { reviewDesign } from "./review-design.js";
import { reviewVendor } from "./review-vendor.js";
import {
  PRIORITIES,
  type Recommendation,
  type RecommendationItem,
  type RecommendationOptions,
  type RecommendationRule,
  type RecommendationRuleFn,
  ruleSettings,
} from "./types.js";

/** Each rule by its code. */
export const RULES: Readonly<Record<RecommendationRule, RecommendationRuleFn>> = {
  dual_source: dualSource,
  renegotiate_order_size: renegotiateOrderSize,
  consignment,
  review_design: reviewDesign,
  review_vendor: reviewVendor,
  dispose_obsolete: disposeObsolete,
};

/**
 * Every rule on every item: the sourcing, engineering and finance actions the plan points to, most
 * urgent first (priority, then the money at stake, then the key, so the order is stable). Pure: the
 * items are not modified.
 * @param items the items with their plans, stock, order terms and preferred vendors.
 * @param options the rules' thresholds (see {@link RecommendationOptions}).
 * @returns the recommendations; at most one per rule and item.
 * @example
 * recommendActions(items, { holdingRate: 0.25 }).slice(0, 10); // the top ten
 */
export function recommendActions(
  items: readonly RecommendationItem[],
  options: RecommendationOptions = {},
): Recommendation[] {
  const settings = ruleSettings(options);
  const rules = Object.values(RULES);
  const found: Recommendation[] = [];
  for (const item of items) {
    for (const rule of rules) {
      const recommendation = rule(item, settings);
      if (recommendation !== null) found.push(recommendation);
    }
  }
  return found.sort(
    (a, b) =>
      PRIORITIES.indexOf(a.priority) - PRIORITIES.indexOf(b.priority) ||
      b.value - a.value ||
      (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );
}
