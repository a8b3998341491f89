/** Builds the public records of a plan: item plans with their reasons, tier summaries, curves. */
import type { TierAssignment } from "../assign-tier.js";
import type { AnalyticsConfig, TierPolicy } from "../config.js";
import type { DemandStatistics } from "../demand-statistics.js";
import {
  type AbcClass,
  type CostServiceCurve,
  type DemandDistribution,
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
  readonly distribution: DemandDistribution;
  /** Mean and sd of demand over lead time + review period. */
  readonly leadTimeDemandMean: number;
  readonly leadTimeDemandSd: number;
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
  const { item, stats, table, candidate, assignment, config } = input;
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
    distribution: input.distribution,
    leadTimeDemandMean: input.leadTimeDemandMean,
    leadTimeDemandSd: input.leadTimeDemandSd,
    safetyStock: reorderPoint - input.leadTimeDemandMean,
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
  if (!(input.rate > 0)) {
    return input.pattern === "new"
      ? "new item: no demand yet to stock for"
      : "no demand to stock for";
  }
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

/** Totals per tier, in {@link TIERS} order; expected fill rates are weighted by demand per period. */
export function summarizeTiers(plans: readonly ItemPlan[], config: AnalyticsConfig): TierSummary[] {
  const totals = TIERS.map(() => ({
    items: 0,
    demand: 0,
    served: 0,
    value: 0,
    holding: 0,
    ordering: 0,
  }));
  for (const plan of plans) {
    const total = totals[TIERS.indexOf(plan.tier)] as (typeof totals)[number];
    total.items++;
    total.demand += plan.demandPerPeriod;
    total.served += plan.demandPerPeriod * plan.expectedFillRate;
    total.value += plan.expectedInventoryValue;
    total.holding += plan.annualHoldingCost;
    total.ordering += plan.annualOrderingCost;
  }
  return TIERS.map((tier, index) => {
    const total = totals[index] as (typeof totals)[number];
    const policy = config.tiers[tier];
    return {
      tier,
      items: total.items,
      serviceTarget: policy.serviceTarget,
      serviceMeasure: policy.serviceMeasure,
      expectedFillRate: total.demand > 0 ? total.served / total.demand : Number.NaN,
      demandPerPeriod: total.demand,
      expectedInventoryValue: total.value,
      annualHoldingCost: total.holding,
      annualOrderingCost: total.ordering,
    };
  });
}

/**
 * Each tier's cost–service curve: for each target, every item of the tier at that target in the
 * tier's measure (read off its candidates, interpolated linearly), summed. Items whose candidates
 * cannot reach a target count at their highest candidate. One pass over the items.
 */
export function costServiceCurves(
  tierIndex: Uint8Array,
  table: CandidateTable,
  holdingCostsPerYear: Float64Array,
  unitCosts: Float64Array,
  config: AnalyticsConfig,
): CostServiceCurve[] {
  const targets = config.costServiceTargets;
  const values = TIERS.map(() => new Float64Array(targets.length));
  const holdings = TIERS.map(() => new Float64Array(targets.length));
  for (let i = 0; i < table.itemCount; i++) {
    const tier = tierIndex[i] as number;
    const measures =
      config.tiers[TIERS[tier] as Tier].serviceMeasure === "cycle"
        ? table.cycleServices
        : table.fillRates;
    const value = values[tier] as Float64Array;
    const holding = holdings[tier] as Float64Array;
    for (let t = 0; t < targets.length; t++) {
      const onHand = onHandAt(table, measures, i, targets[t] as number);
      value[t] = (value[t] as number) + onHand * (unitCosts[i] as number);
      holding[t] = (holding[t] as number) + onHand * (holdingCostsPerYear[i] as number);
    }
  }
  return TIERS.map((tier, index) => ({
    tier,
    serviceMeasure: config.tiers[tier].serviceMeasure,
    points: targets.map((serviceTarget, t) => ({
      serviceTarget,
      expectedInventoryValue: (values[index] as Float64Array)[t] as number,
      annualHoldingCost: (holdings[index] as Float64Array)[t] as number,
    })),
  }));
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
