/**
 * Insights as the values the addon stores (`manifest/contract.json`): scorecards per vendor,
 * recommendations keyed `rule:product id` (stable when an internal reference changes), and the
 * cash projection's rows per week, scenario, tier and warehouse.
 */
import type { Recommendation, SupplierScorecard } from "../../analytics/index.js";
import type { RiskParts, TierCode } from "../../manifest/contract.js";
import type { TierSettings } from "../extract/settings.js";
import type { OdooValue } from "../odoo/index.js";
import type { ContractVals } from "../writeback/contract-vals.js";
import type { CashRow } from "./compute-insights.js";

export type ScorecardVals = ContractVals<"inventory.segment.vendor.scorecard">;
export type RecommendationVals = ContractVals<"inventory.segment.recommendation">;
export type CashProjectionVals = ContractVals<"inventory.segment.cash.projection">;

type Tiers = Readonly<Record<TierCode, TierSettings>>;

const round = (value: number | null, digits: number) =>
  value === null ? 0 : Math.round(value * 10 ** digits) / 10 ** digits;

/** One scorecard's values; unmeasured figures are 0 (the reason says why). */
export function scorecardVals(
  card: SupplierScorecard,
  productIdOf: ReadonlyMap<string, number>,
): ScorecardVals {
  const ids = (skus: readonly string[]) =>
    skus.flatMap((sku) => {
      const id = productIdOf.get(sku);
      return id === undefined ? [] : [id];
    });
  const p = card.performance;
  const parts: RiskParts = card.risk.parts.map((part) => ({
    factor: part.factor,
    points: part.points,
    max_points: part.maxPoints,
    text: part.text,
  }));
  return {
    partner_id: Number(card.vendor),
    risk_rank: card.rank,
    risk_score: card.risk.score,
    risk_reason: card.risk.reason,
    risk_parts: parts as unknown as OdooValue,
    receipt_count: p.receipts,
    on_time_rate: round(p.onTimeRate, 4),
    lead_time_mean_days: round(p.leadTimeMeanDays, 2),
    lead_time_sd_days: round(p.leadTimeSdDays, 2),
    recent_receipt_count: p.recentReceipts,
    recent_lead_time_days: round(p.recentMeanDays, 2),
    history_lead_time_days: round(p.historyMeanDays, 2),
    lead_time_drift_days: round(p.driftDays, 2),
    lead_time_drift_ratio: round(p.driftRatio, 4),
    promised_delay_days: round(p.promisedDelayDays, 2),
    delay_gap_days: round(p.delayGapDays, 2),
    offered_product_count: card.offeredItems,
    critical_count: card.exposure.criticalCount,
    essential_count: card.exposure.essentialCount,
    single_sourced_count: card.exposure.singleSourcedSkus.length,
    critical_product_ids: [
      [6, 0, ids([...card.exposure.criticalSkus, ...card.exposure.essentialSkus])],
    ],
    single_sourced_product_ids: [[6, 0, ids(card.exposure.singleSourcedSkus)]],
    purchase_value: round(card.purchaseValue, 2),
  };
}

/** One recommendation's values for `submit_recommendations`. */
export function recommendationVals(
  recommendation: Recommendation,
  context: {
    readonly productIdOf: ReadonlyMap<string, number>;
    readonly tierOf: ReadonlyMap<string, TierCode>;
    /** Vendor names by key, for the evidence (the signature keeps the stable id). */
    readonly vendorNames: ReadonlyMap<string, string>;
    readonly tiers: Tiers;
    readonly companyId: number;
    readonly runId: number;
    readonly runStamp: string;
  },
): RecommendationVals {
  const productId = context.productIdOf.get(recommendation.sku);
  if (productId === undefined) throw new Error(`no product for SKU ${recommendation.sku}`);
  const tier = context.tierOf.get(recommendation.sku);
  return {
    key: `${recommendation.rule}:${productId}`,
    rule: recommendation.rule,
    company_id: context.companyId,
    run_id: context.runId,
    date_last: context.runStamp,
    product_id: productId,
    partner_id: recommendation.vendor === null ? false : Number(recommendation.vendor),
    segment_id: tier === undefined ? false : context.tiers[tier].id,
    audience: recommendation.audience,
    priority: recommendation.priority,
    value: recommendation.value,
    evidence: {
      ...recommendation.evidence,
      ...(recommendation.vendor !== null && {
        vendor: context.vendorNames.get(recommendation.vendor) ?? recommendation.vendor,
      }),
    },
    signature: recommendation.signature,
    reason: recommendation.reason,
  };
}

/** One projection row; the place is the warehouse id (0: stock in no warehouse). */
export function cashProjectionVals(row: CashRow, tiers: Tiers): CashProjectionVals {
  return {
    week: row.week,
    date: row.date,
    scenario: row.scenario,
    segment_id: tiers[row.tier].id,
    warehouse_id: row.place === 0 ? false : row.place,
    inventory_value: row.inventoryValue,
    receipt_value: row.receiptValue,
  };
}
