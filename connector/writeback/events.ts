/**
 * Segment-change events: one `inventory.segment.event` for each product whose tier this run
 * changed, with the evidence and a sentence a buyer understands. Each carries a `dedup_key` made of
 * what it is about (product, old and new tier, and since when the old tier held), so a re-run after
 * an interruption records nothing twice (`record_events` skips known keys).
 */
import { type ItemPlan, TIERS } from "../../analytics/index.js";
import type { TierCode } from "../../manifest/contract.js";
import type { MemoryOf, ProductFacts } from "../extract/products.js";
import type { TierSettings } from "../extract/settings.js";
import type { OdooPlanningInput } from "../sources/odoo/planning-input.js";
import type { ContractVals } from "./contract-vals.js";

export type EventVals = ContractVals<"inventory.segment.event">;

export interface EventOptions {
  readonly tiers: Readonly<Record<TierCode, TierSettings>>;
  readonly companyId: number;
  readonly runStamp: string;
  /** The tier and since-date each product held before this run. */
  readonly memoryOf: MemoryOf;
}

/** The events of a plan (run id added when written). */
export function segmentChangeEvents(
  input: OdooPlanningInput,
  items: readonly ItemPlan[],
  facts: ReadonlyMap<number, ProductFacts>,
  options: EventOptions,
): EventVals[] {
  const events: EventVals[] = [];
  items.forEach((item, index) => {
    const productId = input.productIds[index] as number;
    const product = facts.get(productId);
    const before = options.memoryOf(productId);
    if (!product || item.locked || before.tier === null || before.tier === item.tier) return;
    const escalated = TIERS.indexOf(item.tier) < TIERS.indexOf(before.tier);
    events.push({
      date: options.runStamp,
      kind: item.tier === "obsolete" ? "obsolete_item" : "segment_change",
      severity: escalated ? (item.tier === "critical" ? "alert" : "warning") : "info",
      product_id: productId,
      old_segment_id: options.tiers[before.tier].id,
      new_segment_id: options.tiers[item.tier].id,
      metric_values: {
        criticality_score: item.criticalityScore,
        abc_class: item.abc,
        xyz_class: item.xyz,
        demand_pattern: item.pattern,
        average_daily_demand: item.averageDailyDemand,
        lead_time_days: item.leadTimeDays,
      },
      message: `${product.name}: ${escalated ? "raised" : "lowered"} from ${options.tiers[before.tier].name} to ${options.tiers[item.tier].name}. ${item.reason}`,
      company_id: options.companyId,
      dedup_key: `segment_change:product.product:${productId}:${before.tier}>${item.tier}:${before.since ?? "never"}`,
    });
  });
  return events;
}
