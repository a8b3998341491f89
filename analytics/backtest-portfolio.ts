import { matchAchievedFill } from "./_lib/matched-goal.js";
import { weightedMean } from "./_lib/moments.js";
import { normalQuantile } from "./_lib/normal.js";
import { DAYS_PER_MONTH, daysPerPeriod, type PolicyArrays, runPlan } from "./_lib/plan-engine.js";
import { validatePlanInput } from "./_lib/validate-input.js";
import type { AnalyticsConfig } from "./config.js";
import { economicOrderQuantity, orderQuantity } from "./order-quantity.js";
import { PlanInputError } from "./plan-input-error.js";
import { createRandom } from "./random.js";
import { expectedFillRate, type PolicyDemand, roundUp } from "./service-level.js";
import { type SimulationPolicy, type SimulationResult, simulatePolicy } from "./simulate-policy.js";
import {
  type BacktestFigures,
  type BacktestReport,
  type DemandMatrix,
  type ItemMaster,
  type PolicyBacktest,
  type SegmentedGoal,
  TIERS,
} from "./types.js";

/** Options of {@link backtestPortfolio}. */
export interface BacktestOptions {
  /** The last training period (a label of the demand's period kind); the test starts after it. */
  readonly trainUntil: string;
  /**
   * `fixed` (default): every order arrives after the item's mean lead time, rounded to whole periods.
   * `historical`: each order draws one of the item's observed lead times (`leadTimeHistoryDays`,
   * rounded to whole periods), seeded by `config.bootstrap.seed`; items without a history use the
   * fixed lead time.
   */
  readonly leadTime?: "fixed" | "historical";
  /**
   * Training periods replayed before the test, starting with stock at the max and nothing on order,
   * so that the test opens with the stock the policy itself would have left. Default: 6 months'
   * worth, at most the training length.
   */
  readonly warmupPeriods?: number;
  /**
   * The portfolio fill-rate goal of the segmented policy. `configured` (default): the configuration's
   * `allocator.fillRateGoal`. `baseline`: the fill rate the plan's own demand models expect of the
   * uniform baseline, so that both policies promise the same service and differ in how they buy it.
   * `matched`: the lowest goal at which the segmented replay serves at least the baseline's achieved
   * fill rate — equal achieved service, chosen with the test's outcome (see `matched-goal.ts`).
   */
  readonly segmentedGoal?: SegmentedGoal;
  /** Called now and then with work done and work in all. */
  readonly onProgress?: (done: number, total: number) => void;
}

/**
 * Plans on the history up to `trainUntil`, then replays the following periods under the segmented
 * policy and under the uniform baseline, with periodic review and backorders (see `simulatePolicy`).
 *
 * The uniform baseline is the textbook rule most ERPs ship: every item gets the standard tier's
 * service target as z = Φ⁻¹(target) and a normal safety stock z·σ·√(L + R) on the mean and sample
 * sd of its history (the review period is added to the lead time, as periodic review requires), with
 * the same review periods, lead times and EOQ-based order quantities as the segmented policy.
 *
 * Each tier's `targetFillRate` is the demand-weighted expected fill rate of its items under the
 * plan: for the segmented policy, what the allocator promised; for the baseline, what the same
 * demand models expect of the baseline's reorder points.
 *
 * Items introduced after `trainUntil` (`ItemMaster.introducedOn`) did not exist when the plan was
 * made: they are replayed but left out of every figure, and counted in `itemsIntroducedLater`.
 * @param demand per-period demand; row `i` is `items[i]`. Not modified.
 * @param items the item masters, aligned with `demand.skus`. Not modified.
 * @param config a parsed configuration.
 * @param options `trainUntil`, lead-time mode, warm-up, progress.
 * @returns per-tier and total figures for both policies.
 * @throws {PlanInputError} as `planPortfolio`, or when `trainUntil` leaves no test period.
 * @example
 * const report = backtestPortfolio(demand, items, config, { trainUntil: "2001-06" });
 * report.segmented.total.fillRate; // achieved fill rate over the test periods
 */
export function backtestPortfolio(
  demand: DemandMatrix,
  items: readonly ItemMaster[],
  config: AnalyticsConfig,
  options: BacktestOptions,
): BacktestReport {
  const { historyLength: trainEnd, introductions } = validatePlanInput(
    demand,
    items,
    config,
    options.trainUntil,
  );
  const periods = demand.periodLabels.length;
  if (trainEnd >= periods) {
    throw new PlanInputError(
      "too-little-history",
      `nothing to test: ${options.trainUntil} is the last period of the history`,
    );
  }
  const dayCount = daysPerPeriod(config);
  const periodsPerYear = 365.25 / dayCount;
  const warmup = Math.min(
    trainEnd,
    Math.max(0, Math.round(options.warmupPeriods ?? (6 * DAYS_PER_MONTH) / dayCount)),
  );
  const progress = options.onProgress;
  const baseline = new BaselinePolicy(items.length, config);
  const comparison = options.segmentedGoal ?? "configured";
  let portfolioGoal: number | null = null;
  const { policy, reallocate } = runPlan(demand, items, config, {
    historyLength: trainEnd,
    introductions,
    wholePeriodLeadTimes: true,
    records: false,
    onProgress: progress ? (done, total) => progress(done, total + items.length) : undefined,
    inspect: (item, models, policy) => baseline.set(item, models, policy, periodsPerYear),
    portfolioGoal: (policy) => {
      portfolioGoal =
        comparison === "configured"
          ? config.allocator.fillRateGoal
          : weightedMean(baseline.expectedFillRates, policy.demandPerPeriod);
      return portfolioGoal;
    },
  });
  const uniform = baseline.simulationPolicy(policy);

  const mode = options.leadTime ?? "fixed";
  const leadTimeHistory =
    mode === "historical"
      ? items.map((item) =>
          (item.leadTimeHistoryDays ?? []).map((days) => Math.max(0, Math.round(days / dayCount))),
        )
      : undefined;
  // Every replay draws the same lead times: each starts its own generator from the seed.
  const draws = () =>
    leadTimeHistory && { history: leadTimeHistory, random: createRandom(config.bootstrap.seed) };
  const window = { start: trainEnd - warmup, measureFrom: trainEnd, end: periods, periodsPerYear };
  const replay = () => simulatePolicy(demand.quantities, periods, policy, window, draws());
  let segmentedRun = replay();
  const baselineRun = simulatePolicy(demand.quantities, periods, uniform, window, draws());
  const plannedItems = plannedMask(demand, introductions, trainEnd);
  const planned = (item: number) => plannedItems[item] === 1;
  const introducedLater = items.length - plannedItems.reduce((sum, flag) => sum + flag, 0);
  if (comparison === "matched") {
    const matched = matchAchievedFill(
      { goal: portfolioGoal ?? 0, replay: segmentedRun },
      achievedFill(baselineRun, planned),
      (goal) => {
        reallocate(goal);
        return replay();
      },
      (run) => achievedFill(run, planned),
    );
    reallocate(matched.goal);
    portfolioGoal = matched.goal;
    segmentedRun = matched.replay;
  }
  progress?.(items.length * 3, items.length * 3);

  return {
    period: demand.period,
    trainUntil: options.trainUntil,
    testPeriods: demand.periodLabels.slice(trainEnd),
    leadTime: mode,
    warmupPeriods: warmup,
    itemsIntroducedLater: introducedLater,
    comparison,
    portfolioGoal,
    segmented: summarize(
      segmentedRun,
      policy.tierIndex,
      planned,
      policy.demandPerPeriod,
      policy.expectedFillRates,
    ),
    baseline: summarize(
      baselineRun,
      policy.tierIndex,
      planned,
      policy.demandPerPeriod,
      baseline.expectedFillRates,
    ),
    baselineServiceTarget: config.tiers.standard.serviceTarget,
    expectedFillRate: weightedMean(policy.expectedFillRates, policy.demandPerPeriod),
  };
}

/**
 * The uniform baseline, built item by item while the plan runs: every item at the standard tier's
 * target through z·σ·√(L + R) on its mean and sd, and what the plan's demand models expect of it.
 */
class BaselinePolicy {
  readonly reorderPoints: Float64Array;
  readonly maxStocks: Float64Array;
  readonly expectedFillRates: Float64Array;
  private readonly z: number;

  constructor(count: number, config: AnalyticsConfig) {
    this.reorderPoints = new Float64Array(count);
    this.maxStocks = new Float64Array(count);
    this.expectedFillRates = new Float64Array(count);
    this.z = normalQuantile(config.tiers.standard.serviceTarget);
  }

  set(item: number, models: PolicyDemand, policy: PolicyArrays, periodsPerYear: number): void {
    const mean = policy.meanDemand[item] as number;
    const review = policy.reviewPeriods[item] as number;
    const protection = (policy.leadTimePeriods[item] as number) + review;
    let reorderPoint = 0;
    let quantity = 0;
    if (mean > 0) {
      const safety = this.z * (policy.sdDemand[item] as number) * Math.sqrt(protection);
      reorderPoint = roundUp(
        Math.max(0, mean * protection + safety),
        policy.lattices[item] as number,
      );
      quantity = orderQuantity({
        economicOrderQuantity: economicOrderQuantity(
          mean * periodsPerYear,
          policy.orderCosts[item] as number,
          policy.holdingCostsPerYear[item] as number,
        ),
        reviewPeriodDemand: mean * review,
        minOrderQty: policy.minOrderQuantities[item] as number,
        orderMultiple: policy.orderMultiples[item] as number,
      });
    }
    this.reorderPoints[item] = reorderPoint;
    this.maxStocks[item] = reorderPoint + quantity;
    this.expectedFillRates[item] = expectedFillRate(models, reorderPoint, reorderPoint + quantity);
  }

  simulationPolicy(policy: PolicyArrays): SimulationPolicy {
    return { ...policy, reorderPoints: this.reorderPoints, maxStocks: this.maxStocks };
  }
}

/**
 * 1 for each item the plan covers: items that did not exist when the plan was made are outside it,
 * and no policy can be judged on them. Demand in the training periods proves that an item existed,
 * whatever its recorded date.
 */
function plannedMask(
  demand: DemandMatrix,
  introductions: Float64Array,
  trainEnd: number,
): Uint8Array {
  const periods = demand.periodLabels.length;
  const mask = new Uint8Array(introductions.length);
  for (let i = 0; i < mask.length; i++) {
    if ((introductions[i] as number) < trainEnd) mask[i] = 1;
    else {
      for (let t = i * periods; t < i * periods + trainEnd; t++) {
        if ((demand.quantities[t] as number) > 0) {
          mask[i] = 1;
          break;
        }
      }
    }
  }
  return mask;
}

/** Demand served from stock ÷ demand over the planned items (1 without demand). */
function achievedFill(run: SimulationResult, planned: (item: number) => boolean): number {
  let demand = 0;
  let filled = 0;
  for (let i = 0; i < run.demand.length; i++) {
    if (!planned(i)) continue;
    demand += run.demand[i] as number;
    filled += run.filledFromStock[i] as number;
  }
  return demand > 0 ? filled / demand : 1;
}

function summarize(
  run: SimulationResult,
  tierIndex: Uint8Array,
  planned: (item: number) => boolean,
  weights: Float64Array,
  expected: Float64Array,
): PolicyBacktest {
  const tiers = TIERS.map((tier, index) =>
    figures(tier, run, weights, expected, (i) => planned(i) && tierIndex[i] === index),
  );
  return { tiers, total: figures("total", run, weights, expected, planned) };
}

function figures(
  tier: BacktestFigures["tier"],
  run: SimulationResult,
  weights: Float64Array,
  expected: Float64Array,
  member: (item: number) => boolean,
): BacktestFigures {
  let items = 0;
  let weight = 0;
  let promised = 0;
  let demand = 0;
  let filled = 0;
  let cycles = 0;
  let stockoutCycles = 0;
  let stockoutPeriods = 0;
  let value = 0;
  let holding = 0;
  let ordering = 0;
  let orders = 0;
  for (let i = 0; i < run.demand.length; i++) {
    if (!member(i)) continue;
    items++;
    weight += weights[i] as number;
    promised += (weights[i] as number) * (expected[i] as number);
    demand += run.demand[i] as number;
    filled += run.filledFromStock[i] as number;
    cycles += run.cycles[i] as number;
    stockoutCycles += run.stockoutCycles[i] as number;
    stockoutPeriods += run.stockoutPeriods[i] as number;
    value += run.averageInventoryValue[i] as number;
    holding += run.holdingCost[i] as number;
    ordering += run.orderingCost[i] as number;
    orders += run.orders[i] as number;
  }
  return {
    tier,
    items,
    targetFillRate: weight > 0 ? promised / weight : Number.NaN,
    demand,
    filledFromStock: filled,
    fillRate: demand > 0 ? filled / demand : Number.NaN,
    cycleService: cycles > 0 ? 1 - stockoutCycles / cycles : Number.NaN,
    stockoutPeriods,
    averageInventoryValue: value,
    holdingCost: holding,
    orderingCost: ordering,
    orders,
  };
}
