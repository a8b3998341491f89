/** Builds the public records of a plan: item plans with their reasons, tier summaries, curves. */
import type { TierAssignment } from "../assign-tier.js";
import type { AnalyticsConfig, TierPolicy } from "../config.js";
import type { DemandStatistics } from "../demand-statistics.js";
import type { PolicyDemand } from "../service-level.js";
import {
  type AbcClass,
  type CostServiceCurve,
  type DemandPattern,
  type ItemMaster,
  type ItemPlan,
  type LeadTimeSource,
  TIERS,
  type Tier,
  type TierSummary,
  type XyzClass,
} from "../types.js";
import type { CandidateTable } from "./service-curve.js";

/** Everything known about one item when its record is written. */
export interface ItemRecordInput {
  readonly item: ItemMaster;
  readonly stats: DemandStatistics;
  readonly pattern: DemandPattern;
  readonly rate: number;
  readonly abc: AbcClass;
  readonly xyz: XyzClass;
  readonly assignment: TierAssignment;
  readonly score: number;
  readonly leadTime: {
    readonly days: number;
    readonly sd: number;
    readonly source: LeadTimeSource;
  };
  readonly demand: PolicyDemand;
  readonly table: CandidateTable;
  /** Flat index of the chosen candidate in `table`. */
  readonly candidate: number;
  readonly atFloor: boolean;
  readonly orderQuantity: number;
  readonly economicOrderQuantity: number;
  readonly orderCost: number;
  readonly holdingCostPerYear: number;
  readonly config: AnalyticsConfig;
  readonly daysPerPeriod: number;
  readonly periodsPerYear: number;
}

export function itemRecord(input: ItemRecordInput): ItemPlan {
  const { item, stats, table, candidate, assignment, config, demand } = input;
  const tier = assignment.tier;
  const tierPolicy = config.tiers[tier];
  const reorderPoint = table.reorderPoints[candidate] as number;
  const expectedFillRate = table.fillRates[candidate] as number;
  const onHand = table.onHand[candidate] as number;
  const ownTarget = tier === "obsolete" || (tierPolicy.targetScope === "item" && input.atFloor);
  const annualDemand = input.rate * input.periodsPerYear;
  return {
    sku: item.sku,
    abc: input.abc,
    xyz: input.xyz,
    pattern: input.pattern,
    tier,
    computedTier: assignment.computedTier,
    locked: assignment.locked,
    deescalationStreak: assignment.deescalationStreak,
    criticalityScore: input.score,
    reason: `${assignment.reason}; ${serviceSentence(input, expectedFillRate)}`,
    serviceMeasure: ownTarget ? tierPolicy.serviceMeasure : "fill",
    serviceTarget: ownTarget ? tierPolicy.serviceTarget : expectedFillRate,
    expectedFillRate,
    expectedCycleService: table.cycleServices[candidate] as number,
    reviewDays: tierPolicy.reviewDays,
    demandPerPeriod: input.rate,
    averageDailyDemand: input.rate / input.daysPerPeriod,
    demandCv: stats.cv,
    adi: stats.adi,
    cv2: stats.cv2,
    historyPeriods: stats.historyPeriods,
    nonZeroPeriods: stats.nonZeroPeriods,
    leadTimeDays: input.leadTime.days,
    leadTimeSdDays: input.leadTime.sd,
    leadTimeSource: input.leadTime.source,
    annualConsumptionValue: annualDemand * item.unitCost,
    unitCost: item.unitCost,
    distribution: demand.protection.kind,
    leadTimeDemandMean: demand.protection.mean,
    leadTimeDemandSd: Math.sqrt(demand.protection.variance),
    safetyStock: reorderPoint - demand.protection.mean,
    reorderPoint,
    maxStock: reorderPoint + input.orderQuantity,
    economicOrderQuantity: input.economicOrderQuantity,
    orderQuantity: input.orderQuantity,
    expectedInventoryValue: onHand * item.unitCost,
    annualHoldingCost: onHand * input.holdingCostPerYear,
    annualOrderingCost:
      input.orderQuantity > 0 ? (input.orderCost * annualDemand) / input.orderQuantity : 0,
  };
}

function serviceSentence(input: ItemRecordInput, fill: number): string {
  const { assignment, config } = input;
  const tier = assignment.tier;
  const tierPolicy = config.tiers[tier];
  if (tier === "obsolete") return "not stocked: bought only against demand (reorder point 0)";
  if (!(input.rate > 0)) return "no demand to stock for";
  const tierTarget = `${percent(tierPolicy.serviceTarget)} ${measureName(tierPolicy)}`;
  if (tierPolicy.targetScope === "item") {
    if (input.atFloor) return `target ${tierTarget} (${tier} tier)`;
    const goal = config.allocator.fillRateGoal ?? 0;
    return `${percent(fill)} fill rate: above the ${tier} tier's ${tierTarget}, for the portfolio goal of ${percent(goal)}`;
  }
  const floorNote = input.atFloor
    ? ` (the lowest allowed per item, ${percent(config.allocator.minItemFillRate)})`
    : "";
  return (
    `${percent(fill)} fill rate${floorNote}, set by the allocator so that the ${tier} tier ` +
    `reaches ${tierTarget} overall at the least inventory value`
  );
}

function measureName(tier: TierPolicy): string {
  return tier.serviceMeasure === "cycle" ? "cycle service" : "fill rate";
}

function percent(value: number): string {
  return `${(Math.round(value * 1000) / 10).toFixed(1)} %`;
}

/** Totals of one tier; the expected fill rate is weighted by demand per period. */
export function summarizeTier(
  tier: Tier,
  plans: readonly ItemPlan[],
  policy: TierPolicy,
): TierSummary {
  let items = 0;
  let demand = 0;
  let served = 0;
  let value = 0;
  let holding = 0;
  let ordering = 0;
  for (const plan of plans) {
    if (plan.tier !== tier) continue;
    items++;
    demand += plan.demandPerPeriod;
    served += plan.demandPerPeriod * plan.expectedFillRate;
    value += plan.expectedInventoryValue;
    holding += plan.annualHoldingCost;
    ordering += plan.annualOrderingCost;
  }
  return {
    tier,
    items,
    serviceTarget: policy.serviceTarget,
    serviceMeasure: policy.serviceMeasure,
    expectedFillRate: demand > 0 ? served / demand : Number.NaN,
    demandPerPeriod: demand,
    expectedInventoryValue: value,
    annualHoldingCost: holding,
    annualOrderingCost: ordering,
  };
}

/**
 * A tier's cost–service curve: for each target, every item of the tier at that target in the tier's
 * measure (read off its candidates, interpolated linearly), summed. Items whose candidates cannot
 * reach a target count at their highest candidate.
 */
export function costServiceCurve(
  tier: Tier,
  tierIndex: Uint8Array,
  table: CandidateTable,
  holdingCostsPerYear: Float64Array,
  unitCosts: Float64Array,
  config: AnalyticsConfig,
): CostServiceCurve {
  const policy = config.tiers[tier];
  const measures = policy.serviceMeasure === "cycle" ? table.cycleServices : table.fillRates;
  const wanted = TIERS.indexOf(tier);
  const points = config.costServiceTargets.map((target) => {
    let value = 0;
    let holding = 0;
    for (let i = 0; i < table.itemCount; i++) {
      if (tierIndex[i] !== wanted) continue;
      const onHand = onHandAt(table, measures, i, target);
      value += onHand * (unitCosts[i] as number);
      holding += onHand * (holdingCostsPerYear[i] as number);
    }
    return { serviceTarget: target, expectedInventoryValue: value, annualHoldingCost: holding };
  });
  return { tier, serviceMeasure: policy.serviceMeasure, points };
}

function onHandAt(
  table: CandidateTable,
  measures: Float64Array,
  item: number,
  target: number,
): number {
  const base = item * table.width;
  const count = table.counts[item] as number;
  let previous = base;
  for (let k = base; k < base + count; k++) {
    const measure = measures[k] as number;
    if (measure >= target) {
      if (k === base) return table.onHand[k] as number;
      const below = measures[previous] as number;
      const share = measure > below ? (target - below) / (measure - below) : 1;
      const low = table.onHand[previous] as number;
      return low + share * ((table.onHand[k] as number) - low);
    }
    previous = k;
  }
  return table.onHand[base + count - 1] as number;
}
