/**
 * The planning pipeline behind `planPortfolio` and `backtestPortfolio`: statistics, classes, tiers,
 * demand models, candidate policies, allocation, and the records. Besides the public plan it returns
 * the policy as typed arrays for the simulator.
 */
import { abcClasses } from "../abc-classes.js";
import { serviceAllocator } from "../allocate-service-levels.js";
import { assignTier, type TierAssignment } from "../assign-tier.js";
import { bootstrapLeadTimeDemand } from "../bootstrap-lead-time-demand.js";
import type { AnalyticsConfig, TierPolicy } from "../config.js";
import { criticalityScore } from "../criticality-score.js";
import type { PatternOptions } from "../demand-pattern.js";
import {
  type DemandModel,
  type LeadTimeDemandInput,
  leadTimeDemandModel,
  reviewPeriodDemand,
} from "../lead-time-demand.js";
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
  type ItemMaster,
  type ItemPlan,
  type LeadTimeSource,
  type PortfolioPlan,
  TIERS,
  type XyzClass,
} from "../types.js";
import { windowLeadTimeDemand } from "../window-lead-time-demand.js";
import { xyzClass } from "../xyz-class.js";
import { DiscreteModel } from "./demand-model.js";
import { type ItemForecast, itemForecast } from "./item-forecast.js";
import { LevelDriftMeter, levelErrorVariance, predictiveVariance } from "./level-drift.js";
import { mean as meanOf, sumOfSquaredDeviations, weightedMean } from "./moments.js";
import { costServiceCurves, itemRecord, summarizeTiers } from "./plan-records.js";
import { CANDIDATES, createCandidateTable, fillCandidates } from "./service-curve.js";
import { IntervalVarianceRatios } from "./variance-ratio.js";

/** Items whose held-out last block measures the level drift, at most (see `LevelDriftMeter`). */
const DRIFT_SAMPLE = 20_000;

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
  /** The grid column of each item's introduction, −∞ when undated (see `introductionColumns`). */
  readonly introductions: Float64Array;
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
  /**
   * Allocates service again for another portfolio goal, rewriting the policy's reorder points, maxes
   * and expected fill rates in place (the plan's records, if any, are left as they were).
   */
  readonly reallocate: (goal: number | null) => void;
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
  const introductions = options.introductions;
  // The drift is one pooled ratio: an evenly spaced sample of items measures it as well as all.
  const driftStride = Math.max(1, Math.ceil(itemCount / DRIFT_SAMPLE));

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

  // Pass 1: statistics, pattern, forecast rate; each item's last block held out for the drift.
  const facts: ItemForecast[] = new Array(itemCount);
  const ages = new Float64Array(itemCount);
  const drift = new LevelDriftMeter(itemCount);
  for (let i = 0; i < itemCount; i++) {
    const series = demand.quantities.subarray(i * periods, i * periods + end);
    const fact = itemForecast(series, config.forecast, patternOptions);
    // Demand before the recorded introduction proves the item existed then (a catalogue migrated
    // after its history began, say): it is at least as old as its history.
    const age = Math.max(end - (introductions[i] as number), fact.stats.historyPeriods);
    ages[i] = age;
    facts[i] =
      fact.stats.nonZeroPeriods === 0 && age < minHistory ? { ...fact, pattern: "new" } : fact;
    if (i % driftStride === 0) {
      holdOutLastBlock(
        i,
        series,
        fact.stats.historyPeriods,
        driftBlock,
        config,
        patternOptions,
        drift,
      );
    }
    if (progress && i % 4096 === 0) progress(i, total);
  }
  const abc = abcClasses(
    Float64Array.from(
      facts,
      (fact, i) => fact.rate * periodsPerYear * (items[i] as ItemMaster).unitCost,
    ),
    config.abc,
  );

  // Pass 2: classes, tier, lead time and review period; how demand over each interval varies.
  const policy = createPolicyArrays(itemCount);
  const tiers: TierAssignment[] = new Array(itemCount);
  const xyz: XyzClass[] = new Array(itemCount);
  const leadTimes: ItemLeadTime[] = new Array(itemCount);
  const scores = new Float64Array(itemCount);
  const ratios = new IntervalVarianceRatios(itemCount);
  for (let i = 0; i < itemCount; i++) {
    const item = items[i] as ItemMaster;
    const fact = facts[i] as ItemForecast;
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
    // Quiet for as long as demand has been absent, but never longer than the item has existed;
    // unknown when neither the history nor the item's age covers the obsolescence window.
    const quiet = Math.min(fact.stats.periodsSinceDemand, ages[i] as number);
    const knownQuiet =
      fact.stats.nonZeroPeriods > 0 ||
      Number.isFinite(ages[i] as number) ||
      end * monthsPerPeriod >= config.obsoleteAfterMonths;
    const assignment = assignTier(
      {
        score,
        monthsWithoutDemand: knownQuiet
          ? Math.round(Math.max(0, quiet) * monthsPerPeriod * 10) / 10
          : null,
        lockedTier: item.lockedTier,
        previousTier: item.previousTier,
        deescalationStreak: item.deescalationStreak,
      },
      tierOptions,
    );
    tiers[i] = assignment;
    const tierPolicy = config.tiers[assignment.tier];
    const reviewPeriods = Math.max(1, Math.round(tierPolicy.reviewDays / dayCount));
    const rawLead = leadTime.days / dayCount;
    const leadPeriods = options.wholePeriodLeadTimes ? Math.round(rawLead) : rawLead;
    policy.reviewPeriods[i] = reviewPeriods;
    policy.leadTimePeriods[i] = leadPeriods;
    policy.tierIndex[i] = TIERS.indexOf(assignment.tier);
    ratios.estimate(
      i,
      demand.quantities.subarray(i * periods + end - fact.stats.historyPeriods, i * periods + end),
      leadPeriods,
      reviewPeriods,
    );
  }
  ratios.shrink();
  const driftRatio = drift.ratio((i) => ratios.protection(i));

  // Pass 3: policy demand, candidates.
  const table = createCandidateTable(itemCount);
  const economicQuantities = new Float64Array(itemCount);
  const tierTargets = new TierTargets(TIERS.length);
  const models = { protection: new DiscreteModel(), leadTime: new DiscreteModel() };
  const distributions: DemandDistribution[] = new Array(itemCount);
  const protectionMeans = new Float64Array(itemCount);
  const protectionSds = new Float64Array(itemCount);
  for (let i = 0; i < itemCount; i++) {
    const item = items[i] as ItemMaster;
    const fact = facts[i] as ItemForecast;
    const assignment = tiers[i] as TierAssignment;
    const tierPolicy = config.tiers[assignment.tier];
    const tierIndex = policy.tierIndex[i] as number;
    const reviewPeriods = policy.reviewPeriods[i] as number;
    const leadPeriods = policy.leadTimePeriods[i] as number;
    const lattice = item.unitRounding ?? config.defaults.unitRounding;
    const wholeUnits = lattice >= 1;
    const variance = predictiveVariance(fact.variance, fact.stats.historyPeriods);
    const protectionInput: LeadTimeDemandInput = {
      pattern: fact.pattern,
      demandPerPeriod: fact.rate,
      variancePerPeriod: variance * ratios.protection(i),
      levelErrorVariance: levelErrorVariance(
        variance,
        fact.stats.historyPeriods,
        driftRatio,
        fact.rate,
      ),
      periods: leadPeriods + reviewPeriods,
      leadTimeSdPeriods: (leadTimes[i] as ItemLeadTime).sd / dayCount,
      wholeUnits,
    };
    const leadTimeInput: LeadTimeDemandInput = {
      ...protectionInput,
      variancePerPeriod: variance * ratios.leadTime(i),
      periods: leadPeriods,
    };
    const review = reviewPeriodDemand(
      { ...protectionInput, variancePerPeriod: variance * ratios.review(i) },
      reviewPeriods,
    );
    const history = demand.quantities.subarray(
      i * periods + end - fact.stats.historyPeriods,
      i * periods + end,
    );
    const discreteIntermittent =
      wholeUnits && (fact.pattern === "intermittent" || fact.pattern === "lumpy");
    // Lot-fed parts: their own history's windows, whatever the configured intermittent model.
    const method: IntervalMethod =
      discreteIntermittent && ratios.steadierThanIndependent(i)
        ? "windows"
        : discreteIntermittent && config.leadTimeDemand.intermittent === "bootstrap"
          ? "bootstrap"
          : "parametric";
    const random =
      method === "bootstrap"
        ? createRandom((config.bootstrap.seed ^ Math.imul(i + 1, 0x9e3779b1)) >>> 0)
        : undefined;
    const policyDemand: PolicyDemand = {
      protection: intervalDemand(
        method,
        protectionInput,
        history,
        models.protection,
        random,
        config,
      ),
      leadTime: intervalDemand(method, leadTimeInput, history, models.leadTime, random, config),
      reviewDemand: review.mean,
      reviewDemandVariance: review.variance,
      reviewZeroChance: review.zeroChance,
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

  const groupTargets = TIERS.map((tier, index) =>
    config.tiers[tier].targetScope === "tier" ? tierTargets.target(index) : null,
  );
  const allocator = serviceAllocator(table, { groupOf: policy.tierIndex, groupTargets });
  const allocate = (goal: number | null): Int32Array => {
    const chosen = allocator(goal);
    for (let i = 0; i < itemCount; i++) {
      const k = i * CANDIDATES + (chosen[i] as number);
      const reorderPoint = table.reorderPoints[k] as number;
      policy.reorderPoints[i] = reorderPoint;
      policy.maxStocks[i] = reorderPoint + (policy.orderQuantities[i] as number);
      policy.expectedFillRates[i] = table.fillRates[k] as number;
    }
    return chosen;
  };
  const reallocate = (goal: number | null) => {
    allocate(goal);
  };
  const chosen = allocate(
    options.portfolioGoal ? options.portfolioGoal(policy) : config.allocator.fillRateGoal,
  );
  if (!options.records) {
    progress?.(total, total);
    return { plan: undefined, policy, reallocate };
  }

  const plans: ItemPlan[] = new Array(itemCount);
  for (let i = 0; i < itemCount; i++) {
    const k = i * CANDIDATES + (chosen[i] as number);
    const quantity = policy.orderQuantities[i] as number;
    const fact = facts[i] as ItemForecast;
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
      expectedFillRate: weightedMean(policy.expectedFillRates, policy.demandPerPeriod),
      levelDriftRatio: driftRatio,
    },
    policy,
    reallocate,
  };
}

/**
 * Feeds the drift meter with one item: its forecast made the planning way from the periods before
 * its last `block` periods, against what that block brought (see `level-drift.ts`).
 * @param series the item's history up to the as-of period.
 * @param historyPeriods periods from its first demand on.
 */
function holdOutLastBlock(
  item: number,
  series: Float64Array,
  historyPeriods: number,
  block: number,
  config: AnalyticsConfig,
  patternOptions: PatternOptions,
  drift: LevelDriftMeter,
): void {
  if (historyPeriods < 2 * block) return;
  const length = series.length;
  const before = itemForecast(
    series.subarray(length - historyPeriods, length - block),
    config.forecast,
    patternOptions,
  );
  const beforePeriods = before.stats.historyPeriods;
  if (beforePeriods === 0) return;
  let actual = 0;
  for (let t = length - block; t < length; t++) actual += Math.max(0, series[t] as number);
  const variance = predictiveVariance(before.variance, beforePeriods);
  drift.add(item, before.rate, variance / block + variance / beforePeriods, actual / block);
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

/** How an item's demand over an interval is modelled (see `intervalDemand`). */
type IntervalMethod = "windows" | "bootstrap" | "parametric";

/**
 * Demand over one interval: the item's own windows (lot-fed parts), Willemain's bootstrap with the
 * same level spread as the parametric models (drawing from `random`), or the parametric model.
 */
function intervalDemand(
  method: IntervalMethod,
  input: LeadTimeDemandInput,
  history: Float64Array,
  into: DiscreteModel,
  random: Random | undefined,
  config: AnalyticsConfig,
): DemandModel {
  if (method === "windows")
    return windowLeadTimeDemand(history, input.periods, input.leadTimeSdPeriods, into);
  if (method === "parametric" || random === undefined) return leadTimeDemandModel(input, into);
  const rate = input.demandPerPeriod;
  return bootstrapLeadTimeDemand(
    history,
    {
      periods: input.periods,
      leadTimeSdPeriods: input.leadTimeSdPeriods,
      levelErrorRelativeSd: rate > 0 ? Math.sqrt(input.levelErrorVariance) / rate : 0,
      samples: config.bootstrap.samples,
      random,
    },
    into,
  );
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
