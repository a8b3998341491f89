/**
 * The planning pipeline behind `planPortfolio` and `backtestPortfolio`: statistics, classes, tiers,
 * demand models, candidate policies, allocation, and the records. Besides the public plan it returns
 * the policy as typed arrays for the simulator.
 */
import { abcClasses } from "../abc-classes.js";
import { allocateServiceLevels } from "../allocate-service-levels.js";
import { assignTier, type TierAssignment } from "../assign-tier.js";
import { bootstrapLeadTimeDemand } from "../bootstrap-lead-time-demand.js";
import type { AnalyticsConfig, TierPolicy } from "../config.js";
import { criticalityScore } from "../criticality-score.js";
import { demandPattern } from "../demand-pattern.js";
import { type DemandStatistics, demandStatistics } from "../demand-statistics.js";
import { sbaDemandRate, tsbDemandRate } from "../intermittent-demand-rate.js";
import { type LeadTimeDemandInput, leadTimeDemandModel } from "../lead-time-demand.js";
import { economicOrderQuantity, orderQuantity } from "../order-quantity.js";
import { createRandom, type Random } from "../random.js";
import {
  expectedFillRate,
  type PolicyDemand,
  reorderPointForCycleService,
  reorderPointForFillRate,
} from "../service-level.js";
import {
  type AbcClass,
  type DemandDistribution,
  type DemandMatrix,
  type DemandPattern,
  type ItemMaster,
  type ItemPlan,
  type LeadTimeSource,
  type PortfolioPlan,
  TIERS,
  type XyzClass,
} from "../types.js";
import { xyzClass } from "../xyz-class.js";
import { DiscreteModel } from "./demand-model.js";
import { LevelDriftMeter, levelErrorVariance, predictiveVariance } from "./level-drift.js";
import { mean as meanOf, sumOfSquaredDeviations } from "./moments.js";
import { costServiceCurves, itemRecord, summarizeTiers } from "./plan-records.js";
import { CANDIDATES, createCandidateTable, fillCandidates } from "./service-curve.js";

/** Days in an average month (365.25 / 12): months in the configuration convert with it. */
export const DAYS_PER_MONTH = 30.4375;

export function daysPerPeriod(config: AnalyticsConfig): number {
  return config.period === "week" ? 7 : DAYS_PER_MONTH;
}

/** How the engine runs. */
export interface EngineOptions {
  /** Periods of history to use: columns 0 … historyLength − 1. */
  readonly historyLength: number;
  /** Round lead times to whole periods (the simulator moves in whole periods). */
  readonly wholePeriodLeadTimes: boolean;
  /** Build the item records, summaries and curves (the backtest only needs the policy arrays). */
  readonly records: boolean;
  readonly onProgress?: ((done: number, total: number) => void) | undefined;
  /**
   * Called for each item once its policy inputs (in `policy`) and demand models are known; the
   * models are only valid during the call (their tables are reused for the next item).
   */
  readonly inspect?:
    | ((item: number, demand: PolicyDemand, policy: PolicyArrays) => void)
    | undefined;
  /**
   * Sets the portfolio fill-rate goal once every item has been inspected (the backtest uses it to
   * promise the baseline's service); default: the configured goal.
   */
  readonly portfolioGoal?: ((policy: PolicyArrays) => number | null) | undefined;
}

/** The plan's policy as typed arrays, item-aligned, for the simulator. */
export interface PolicyArrays {
  readonly reorderPoints: Float64Array;
  readonly maxStocks: Float64Array;
  readonly orderQuantities: Float64Array;
  readonly orderMultiples: Float64Array;
  readonly minOrderQuantities: Float64Array;
  readonly reviewPeriods: Int32Array;
  readonly leadTimePeriods: Float64Array;
  readonly tierIndex: Uint8Array;
  /** Mean and sample sd of per-period demand over the history window (the baseline's inputs). */
  readonly meanDemand: Float64Array;
  readonly sdDemand: Float64Array;
  readonly lattices: Float64Array;
  readonly unitCosts: Float64Array;
  readonly holdingCostsPerYear: Float64Array;
  readonly orderCosts: Float64Array;
  /** Expected fill rate of each item under the plan. */
  readonly expectedFillRates: Float64Array;
  readonly demandPerPeriod: Float64Array;
}

export interface EngineResult {
  /** The public plan; undefined when `records` was false. */
  readonly plan: PortfolioPlan | undefined;
  readonly policy: PolicyArrays;
}

/** Per-item facts gathered in the first pass. */
interface ItemFacts {
  readonly stats: DemandStatistics;
  readonly pattern: DemandPattern;
  readonly rate: number;
  readonly variance: number;
}

/**
 * The per-period variance to pair with a smoothed intermittent rate. SBA and TSB move the rate away
 * from the history's mean (TSB decays it towards zero on an item gone quiet), so the history's
 * variance is scaled with the rate, keeping its variance-to-mean ratio: for compound demand,
 * Var = p·E[S²] − (p·E[S])² ≈ p·E[S²] scales with the demand probability p.
 */
function dispersionPreservingVariance(variance: number, mean: number, rate: number): number {
  return mean > 0 ? (variance * rate) / mean : variance;
}

export function runPlan(
  demand: DemandMatrix,
  items: readonly ItemMaster[],
  config: AnalyticsConfig,
  options: EngineOptions,
): EngineResult {
  const itemCount = items.length;
  const periods = demand.periodLabels.length;
  const end = options.historyLength;
  const dayCount = daysPerPeriod(config);
  const periodsPerYear = 365.25 / dayCount;
  const monthsPerPeriod = dayCount / DAYS_PER_MONTH;
  const minHistory = Math.round(config.pattern.newItemMonths / monthsPerPeriod);
  const driftBlock = Math.max(1, Math.round(config.forecast.driftHorizonMonths / monthsPerPeriod));
  const progress = options.onProgress;
  const total = itemCount * 2;

  const patternOptions = {
    adiCutoff: config.pattern.adiCutoff,
    cv2Cutoff: config.pattern.cv2Cutoff,
    minHistoryPeriods: minHistory,
  };
  const tierOptions = {
    essentialScore: config.criticality.essentialScore,
    criticalScore: config.criticality.criticalScore,
    hysteresisRuns: config.hysteresisRuns,
    obsoleteAfterMonths: config.obsoleteAfterMonths,
  };

  // Pass 1: statistics, pattern, forecast rate, level drift.
  const facts: ItemFacts[] = new Array(itemCount);
  const drift = new LevelDriftMeter(driftBlock);
  for (let i = 0; i < itemCount; i++) {
    const series = demand.quantities.subarray(i * periods, i * periods + end);
    const stats = demandStatistics(series);
    const pattern = demandPattern(stats, patternOptions);
    const intermittent = pattern === "intermittent" || pattern === "lumpy";
    const rate = !intermittent
      ? stats.mean
      : config.forecast.intermittentRate === "tsb"
        ? tsbDemandRate(series, config.forecast.alpha, config.forecast.beta)
        : sbaDemandRate(series, config.forecast.alpha);
    const variance = intermittent
      ? dispersionPreservingVariance(stats.sd * stats.sd, stats.mean, rate)
      : stats.sd * stats.sd;
    if (stats.historyPeriods > 0) drift.add(series.subarray(end - stats.historyPeriods), variance);
    facts[i] = { stats, pattern, rate, variance };
    if (progress && i % 4096 === 0) progress(i, total);
  }
  const driftRatio = drift.ratio();
  const abc = abcClasses(
    Float64Array.from(
      facts,
      (fact, i) => fact.rate * periodsPerYear * (items[i] as ItemMaster).unitCost,
    ),
    config.abc,
  );

  // Pass 2: tier, policy demand, candidates.
  const table = createCandidateTable(itemCount);
  const policy = createPolicyArrays(itemCount);
  const tiers: TierAssignment[] = new Array(itemCount);
  const xyz: XyzClass[] = new Array(itemCount);
  const leadTimes: ItemLeadTime[] = new Array(itemCount);
  const scores = new Float64Array(itemCount);
  const economicQuantities = new Float64Array(itemCount);
  const tierTargets = new TierTargets(TIERS.length);
  const models = { protection: new DiscreteModel(), leadTime: new DiscreteModel() };
  const distributions: DemandDistribution[] = new Array(itemCount);
  const protectionMeans = new Float64Array(itemCount);
  const protectionSds = new Float64Array(itemCount);
  for (let i = 0; i < itemCount; i++) {
    const item = items[i] as ItemMaster;
    const fact = facts[i] as ItemFacts;
    const itemXyz = xyzClass(fact.stats.cv, config.xyz);
    xyz[i] = itemXyz;
    const leadTime = itemLeadTime(item, config);
    leadTimes[i] = leadTime;
    const score = criticalityScore(
      {
        abc: abc[i] as AbcClass,
        xyz: itemXyz,
        leadTimeDays: leadTime.days,
        leadTimeSdDays: leadTime.sd,
        bomParentCount: item.bomParentCount,
        bomParentBestAbc: item.bomParentBestAbc,
        vendorCount: item.vendorCount,
        activeEvent: item.activeEvent,
      },
      config.criticality,
    );
    scores[i] = score.score;
    const quiet = fact.stats.periodsSinceDemand;
    const knownQuiet =
      fact.stats.nonZeroPeriods > 0 || end * monthsPerPeriod >= config.obsoleteAfterMonths;
    const assignment = assignTier(
      {
        score,
        monthsWithoutDemand: knownQuiet ? Math.round(quiet * monthsPerPeriod * 10) / 10 : null,
        lockedTier: item.lockedTier,
        previousTier: item.previousTier,
        deescalationStreak: item.deescalationStreak,
      },
      tierOptions,
    );
    tiers[i] = assignment;
    const tierPolicy = config.tiers[assignment.tier];
    const tierIndex = TIERS.indexOf(assignment.tier);

    const reviewPeriods = Math.max(1, Math.round(tierPolicy.reviewDays / dayCount));
    const rawLead = leadTime.days / dayCount;
    const leadPeriods = options.wholePeriodLeadTimes ? Math.round(rawLead) : rawLead;
    const lattice = item.unitRounding ?? config.defaults.unitRounding;
    const wholeUnits = lattice >= 1;
    const variance = predictiveVariance(fact.variance, fact.stats.historyPeriods);
    const protectionInput: LeadTimeDemandInput = {
      pattern: fact.pattern,
      demandPerPeriod: fact.rate,
      variancePerPeriod: variance,
      levelErrorVariance: levelErrorVariance(
        variance,
        fact.stats.historyPeriods,
        driftRatio,
        fact.rate,
      ),
      periods: leadPeriods + reviewPeriods,
      leadTimeSdPeriods: leadTime.sd / dayCount,
      wholeUnits,
    };
    const leadTimeInput: LeadTimeDemandInput = { ...protectionInput, periods: leadPeriods };
    const bootstrap =
      config.leadTimeDemand.intermittent === "bootstrap" &&
      wholeUnits &&
      (fact.pattern === "intermittent" || fact.pattern === "lumpy");
    const policyDemand: PolicyDemand = bootstrap
      ? bootstrapPolicyDemand(
          demand.quantities.subarray(
            i * periods + end - fact.stats.historyPeriods,
            i * periods + end,
          ),
          protectionInput,
          leadTimeInput,
          models,
          createRandom((config.bootstrap.seed ^ Math.imul(i + 1, 0x9e3779b1)) >>> 0),
          config.bootstrap.samples,
          reviewPeriods,
          lattice,
        )
      : {
          protection: leadTimeDemandModel(protectionInput, models.protection),
          leadTime: leadTimeDemandModel(leadTimeInput, models.leadTime),
          reviewDemand: fact.rate * reviewPeriods,
          lattice,
        };
    distributions[i] = policyDemand.protection.kind;
    protectionMeans[i] = policyDemand.protection.mean;
    protectionSds[i] = Math.sqrt(policyDemand.protection.variance);

    const unitCost = item.unitCost;
    const holding =
      item.holdingCostPerYear ?? (item.holdingRate ?? config.defaults.holdingRate) * unitCost;
    const orderCost = item.orderCost ?? config.defaults.orderCost;
    const multiple = item.orderMultiple ?? config.defaults.orderMultiple;
    const minOrder = item.minOrderQty ?? config.defaults.minOrderQty;
    const stocked = assignment.tier !== "obsolete" && fact.rate > 0;
    const economic = economicOrderQuantity(fact.rate * periodsPerYear, orderCost, holding);
    economicQuantities[i] = economic;
    const quantity = stocked
      ? orderQuantity({
          economicOrderQuantity: economic,
          reviewPeriodDemand: fact.rate * reviewPeriods,
          minOrderQty: minOrder,
          orderMultiple: multiple,
        })
      : 0;
    const floor = stocked ? floorReorderPoint(policyDemand, tierPolicy, quantity) : 0;
    if (tierPolicy.targetScope === "tier") {
      tierTargets.add(
        tierIndex,
        fact.rate,
        stocked ? tierFillTarget(policyDemand, tierPolicy, quantity) : 1,
      );
    }
    fillCandidates(table, i, {
      demand: policyDemand,
      orderQuantity: quantity,
      unitCost,
      weight: fact.rate,
      floorReorderPoint: floor,
      minFillRate:
        stocked && tierPolicy.targetScope === "tier" ? config.allocator.minItemFillRate : 0,
      fixed: !stocked,
    });

    policy.orderQuantities[i] = quantity;
    policy.orderMultiples[i] = multiple;
    policy.minOrderQuantities[i] = minOrder;
    policy.reviewPeriods[i] = reviewPeriods;
    policy.leadTimePeriods[i] = leadPeriods;
    policy.tierIndex[i] = tierIndex;
    policy.meanDemand[i] = fact.stats.mean;
    policy.sdDemand[i] = fact.stats.sd;
    policy.lattices[i] = lattice;
    policy.unitCosts[i] = unitCost;
    policy.holdingCostsPerYear[i] = holding;
    policy.orderCosts[i] = orderCost;
    policy.demandPerPeriod[i] = fact.rate;
    options.inspect?.(i, policyDemand, policy);
    if (progress && i % 4096 === 0) progress(itemCount + i, total);
  }

  const chosen = allocateServiceLevels(table, {
    groupOf: policy.tierIndex,
    groupTargets: TIERS.map((tier, index) =>
      config.tiers[tier].targetScope === "tier" ? tierTargets.target(index) : null,
    ),
    goal: options.portfolioGoal ? options.portfolioGoal(policy) : config.allocator.fillRateGoal,
  });

  for (let i = 0; i < itemCount; i++) {
    const k = i * CANDIDATES + (chosen[i] as number);
    const reorderPoint = table.reorderPoints[k] as number;
    policy.reorderPoints[i] = reorderPoint;
    policy.maxStocks[i] = reorderPoint + (policy.orderQuantities[i] as number);
    policy.expectedFillRates[i] = table.fillRates[k] as number;
  }
  if (!options.records) {
    progress?.(total, total);
    return { plan: undefined, policy };
  }

  const plans: ItemPlan[] = new Array(itemCount);
  for (let i = 0; i < itemCount; i++) {
    const k = i * CANDIDATES + (chosen[i] as number);
    const quantity = policy.orderQuantities[i] as number;
    const fact = facts[i] as ItemFacts;
    plans[i] = itemRecord({
      item: items[i] as ItemMaster,
      stats: fact.stats,
      pattern: fact.pattern,
      rate: fact.rate,
      abc: abc[i] as AbcClass,
      xyz: xyz[i] as XyzClass,
      assignment: tiers[i] as TierAssignment,
      score: scores[i] as number,
      leadTime: leadTimes[i] as ItemLeadTime,
      distribution: distributions[i] as DemandDistribution,
      leadTimeDemandMean: protectionMeans[i] as number,
      leadTimeDemandSd: protectionSds[i] as number,
      table,
      candidate: k,
      atFloor: chosen[i] === table.floors[i],
      orderQuantity: quantity,
      economicOrderQuantity: economicQuantities[i] as number,
      orderCost: policy.orderCosts[i] as number,
      holdingCostPerYear: policy.holdingCostsPerYear[i] as number,
      config,
      daysPerPeriod: dayCount,
      periodsPerYear,
    });
  }
  progress?.(total, total);

  const weightSum = plans.reduce((sum, plan) => sum + plan.demandPerPeriod, 0);
  const weighted = plans.reduce(
    (sum, plan) => sum + plan.demandPerPeriod * plan.expectedFillRate,
    0,
  );
  return {
    plan: {
      period: demand.period,
      asOf: demand.periodLabels[end - 1] ?? "",
      items: plans,
      tiers: summarizeTiers(plans, config),
      costServiceCurves: costServiceCurves(
        policy.tierIndex,
        table,
        policy.holdingCostsPerYear,
        policy.unitCosts,
        config,
      ),
      expectedFillRate: weightSum > 0 ? weighted / weightSum : 1,
      levelDriftRatio: driftRatio,
    },
    policy,
  };
}

function createPolicyArrays(count: number): PolicyArrays {
  return {
    reorderPoints: new Float64Array(count),
    maxStocks: new Float64Array(count),
    orderQuantities: new Float64Array(count),
    orderMultiples: new Float64Array(count),
    minOrderQuantities: new Float64Array(count),
    reviewPeriods: new Int32Array(count),
    leadTimePeriods: new Float64Array(count),
    tierIndex: new Uint8Array(count),
    meanDemand: new Float64Array(count),
    sdDemand: new Float64Array(count),
    lattices: new Float64Array(count),
    unitCosts: new Float64Array(count),
    holdingCostsPerYear: new Float64Array(count),
    orderCosts: new Float64Array(count),
    expectedFillRates: new Float64Array(count),
    demandPerPeriod: new Float64Array(count),
  };
}

interface ItemLeadTime {
  readonly days: number;
  readonly sd: number;
  readonly source: LeadTimeSource;
}

/** Lead time: the item's own, else its receipts (enough of them), else the default. */
function itemLeadTime(item: ItemMaster, config: AnalyticsConfig): ItemLeadTime {
  const history = item.leadTimeHistoryDays ?? [];
  const measured = history.length >= config.leadTime.minReceipts;
  const historyMean = measured ? meanOf(history) : 0;
  const historySd =
    measured && history.length > 1
      ? Math.sqrt(sumOfSquaredDeviations(history, historyMean) / (history.length - 1))
      : undefined;
  const sd = item.leadTimeSdDays ?? historySd ?? config.defaults.leadTimeSdDays;
  if (item.leadTimeDays !== undefined) return { days: item.leadTimeDays, sd, source: "item" };
  if (measured) return { days: historyMean, sd, source: "receipts" };
  return { days: config.defaults.leadTimeDays, sd, source: "default" };
}

/** Both demand models of a policy by Willemain's bootstrap, with the same level spread as the parametric ones. */
function bootstrapPolicyDemand(
  history: Float64Array,
  protection: LeadTimeDemandInput,
  leadTime: LeadTimeDemandInput,
  models: { protection: DiscreteModel; leadTime: DiscreteModel },
  random: Random,
  samples: number,
  reviewPeriods: number,
  lattice: number,
): PolicyDemand {
  const rate = protection.demandPerPeriod;
  const levelErrorRelativeSd = rate > 0 ? Math.sqrt(protection.levelErrorVariance) / rate : 0;
  const draw = (input: LeadTimeDemandInput, into: DiscreteModel) =>
    bootstrapLeadTimeDemand(
      history,
      {
        periods: input.periods,
        leadTimeSdPeriods: input.leadTimeSdPeriods,
        levelErrorRelativeSd,
        samples,
        random,
      },
      into,
    );
  return {
    protection: draw(protection, models.protection),
    leadTime: draw(leadTime, models.leadTime),
    reviewDemand: rate * reviewPeriods,
    lattice,
  };
}

/**
 * The fill rate a tier-wide target asks of one item: the target itself for a fill-rate target; for
 * a cycle-service target, the fill rate the item would have at that cycle service. Weighted by demand
 * over the tier, the latter makes "93 % cycle service across the tier" mean: the service a uniform
 * 93 % cycle-service rule would give the tier, bought at the least inventory value.
 */
function tierFillTarget(demand: PolicyDemand, tier: TierPolicy, quantity: number): number {
  if (tier.serviceMeasure === "fill") return tier.serviceTarget;
  const reorderPoint = reorderPointForCycleService(demand, tier.serviceTarget);
  return expectedFillRate(demand, reorderPoint, reorderPoint + quantity);
}

/** Demand-weighted means of per-item fill targets, per tier. */
class TierTargets {
  private readonly weights: Float64Array;
  private readonly sums: Float64Array;
  constructor(tiers: number) {
    this.weights = new Float64Array(tiers);
    this.sums = new Float64Array(tiers);
  }
  add(tier: number, weight: number, fill: number): void {
    this.weights[tier] = (this.weights[tier] as number) + weight;
    this.sums[tier] = (this.sums[tier] as number) + weight * fill;
  }
  target(tier: number): number {
    const weight = this.weights[tier] as number;
    return weight > 0 ? (this.sums[tier] as number) / weight : 1;
  }
}

/** The lowest reorder point an item of this tier may have: its own target when it binds items. */
function floorReorderPoint(demand: PolicyDemand, tier: TierPolicy, quantity: number): number {
  if (tier.targetScope !== "item" || tier.serviceTarget <= 0) return 0;
  return tier.serviceMeasure === "cycle"
    ? reorderPointForCycleService(demand, tier.serviceTarget)
    : reorderPointForFillRate(demand, tier.serviceTarget, quantity);
}
