/**
 * The types that cross the analytics boundary. Sources (csv, demo, odoo) build `DemandMatrix` and
 * `ItemMaster` records; the planning pipeline returns `ItemPlan` records. No Odoo names here.
 */
import type { ServiceMeasure } from "./config.js";
import type { PeriodKind } from "./periods.js";

/** Criticality tiers, most critical first. The order is the escalation order. */
export const TIERS = ["critical", "essential", "standard", "obsolete"] as const;
export type Tier = (typeof TIERS)[number];

/** Syntetos–Boylan demand patterns, plus `none` (no demand) and `new` (too little history). */
export const DEMAND_PATTERNS = [
  "smooth",
  "erratic",
  "intermittent",
  "lumpy",
  "none",
  "new",
] as const;
export type DemandPattern = (typeof DEMAND_PATTERNS)[number];

export const ABC_CLASSES = ["A", "B", "C"] as const;
export type AbcClass = (typeof ABC_CLASSES)[number];

export const XYZ_CLASSES = ["X", "Y", "Z"] as const;
export type XyzClass = (typeof XYZ_CLASSES)[number];

/**
 * Per-period demand of many items on one shared period grid, row-major: the demand of item `i`
 * in period `t` is `quantities[i * periodLabels.length + t]`. Missing periods hold zero.
 * Negative values are net returns in that period.
 */
export interface DemandMatrix {
  readonly period: PeriodKind;
  /** Oldest first, consecutive (`2024-W01`, `2024-W02`, … or `2024-01`, `2024-02`, …). */
  readonly periodLabels: readonly string[];
  readonly skus: readonly string[];
  readonly quantities: Float64Array;
}

/**
 * What is known about an item besides its demand. Optional fields fall back to the configuration's
 * defaults; the risk signals come from the ERP and are absent from a CSV evaluation.
 */
export interface ItemMaster {
  readonly sku: string;
  /** Cost of one unit in the company currency; must be ≥ 0. */
  readonly unitCost: number;
  /** Cost of placing one order. */
  readonly orderCost?: number;
  /** Holding cost as a fraction of unit cost per year (0.25 = 25 %/year). */
  readonly holdingRate?: number;
  /** Holding cost per unit per year; wins over `holdingRate` when both are given. */
  readonly holdingCostPerYear?: number;
  readonly leadTimeDays?: number;
  readonly leadTimeSdDays?: number;
  /** Observed lead times in days, oldest first, for bootstrapping and backtests with actual lead times. */
  readonly leadTimeHistoryDays?: readonly number[];
  readonly minOrderQty?: number;
  readonly orderMultiple?: number;
  /** A tier set by hand: the planner's lock. The pipeline keeps it and says so in the reason. */
  readonly lockedTier?: Tier;
  /** How many BoM parents use this item, and the best ABC class among them. */
  readonly bomParentCount?: number;
  readonly bomParentBestAbc?: AbcClass;
  /** How many vendors can supply it (1 = single-sourced). */
  readonly vendorCount?: number;
  /** A detected event still active on the item, as a sentence for the reason. */
  readonly activeEvent?: string;
  /** Hysteresis memory from the previous run. */
  readonly previousTier?: Tier;
  /** Consecutive previous runs that computed a lower tier than `previousTier`. */
  readonly deescalationStreak?: number;
  /** Stock on hand now, in the item's unit. */
  readonly onHand?: number;
  /** The smallest quantity the item is counted in: 1 for units, 0.001 for grams of a kg item, 0 for continuous. */
  readonly unitRounding?: number;
  /**
   * When the item entered the catalogue: a day (`2024-03-18`) or a label of the analysis period.
   * Absent: it predates the history. An item younger than `pattern.newItemMonths` is `new`, and no
   * item counts as obsolete for longer than it has existed. Demand before this date proves the item
   * older: the earlier of the two counts.
   */
  readonly introducedOn?: string;
}

/** How a lead-time demand was modelled for an item. */
export const DEMAND_DISTRIBUTIONS = [
  "normal",
  "gamma",
  "negative-binomial",
  "poisson",
  "bootstrap",
  "none",
] as const;
export type DemandDistribution = (typeof DEMAND_DISTRIBUTIONS)[number];

/** Where an item's lead time came from. */
export type LeadTimeSource = "item" | "receipts" | "default";

/**
 * The plan of one item: its classes, its tier and why, and its stocking policy. Quantities are in the
 * item's unit; money in the company currency; `…PerPeriod` in the analysis period of the plan.
 * The policy is Odoo's min/max rule: when the inventory position (on hand + on order − committed)
 * falls below `reorderPoint`, order up to `maxStock`, in multiples of the order multiple.
 */
export interface ItemPlan {
  readonly sku: string;
  readonly abc: AbcClass;
  readonly xyz: XyzClass;
  readonly pattern: DemandPattern;
  /** The tier in force: the lock if any, else the computed tier after hysteresis. */
  readonly tier: Tier;
  /** The tier this run's score gives, before lock and hysteresis. */
  readonly computedTier: Tier;
  readonly locked: boolean;
  /** Hysteresis memory to store for the next run (see {@link ItemMaster.deescalationStreak}). */
  readonly deescalationStreak: number;
  /** 0–100 points; see the reason for the parts. */
  readonly criticalityScore: number;
  /** A sentence a buyer can read: the tier, the points behind it, lock or hysteresis, the target. */
  readonly reason: string;
  /** The measure and value of the item's own target: the tier's, or the allocator's fill rate. */
  readonly serviceMeasure: ServiceMeasure;
  readonly serviceTarget: number;
  /** The model's expected fill rate and cycle service at the reorder point. */
  readonly expectedFillRate: number;
  readonly expectedCycleService: number;
  readonly reviewDays: number;
  /** Forecast demand per analysis period (mean, or SBA/TSB for intermittent and lumpy items). */
  readonly demandPerPeriod: number;
  readonly averageDailyDemand: number;
  /** Coefficient of variation of per-period demand; null without demand. */
  readonly demandCv: number | null;
  /** Syntetos–Boylan average inter-demand interval and squared CV of sizes; null when undefined. */
  readonly adi: number | null;
  readonly cv2: number | null;
  /** Periods from the first demand to the as-of period, and how many had demand. */
  readonly historyPeriods: number;
  readonly nonZeroPeriods: number;
  readonly leadTimeDays: number;
  readonly leadTimeSdDays: number;
  readonly leadTimeSource: LeadTimeSource;
  /** Forecast demand over a year × unit cost. */
  readonly annualConsumptionValue: number;
  readonly unitCost: number;
  /** Demand over lead time + review period: its model, mean and standard deviation. */
  readonly distribution: DemandDistribution;
  readonly leadTimeDemandMean: number;
  readonly leadTimeDemandSd: number;
  /** Reorder point minus the mean lead-time demand (may be negative for low targets). */
  readonly safetyStock: number;
  readonly reorderPoint: number;
  readonly maxStock: number;
  /** Economic order quantity before rounding, and the quantity the policy orders (max − reorder point). */
  readonly economicOrderQuantity: number;
  readonly orderQuantity: number;
  /** Expected average stock on hand × unit cost under the policy. */
  readonly expectedInventoryValue: number;
  readonly annualHoldingCost: number;
  readonly annualOrderingCost: number;
}

/** One tier's totals in a plan. */
export interface TierSummary {
  readonly tier: Tier;
  readonly items: number;
  /** The tier's configured target, measure and scope. */
  readonly serviceTarget: number;
  readonly serviceMeasure: ServiceMeasure;
  /**
   * The demand-weighted expected fill rate of the tier's items under their reorder points: the
   * figure the tier's achieved fill rate is judged against. NaN for a tier without demand.
   */
  readonly expectedFillRate: number;
  readonly demandPerPeriod: number;
  readonly expectedInventoryValue: number;
  readonly annualHoldingCost: number;
  readonly annualOrderingCost: number;
}

/** One point of a cost–service curve: every item of the tier at this target. */
export interface CostServicePoint {
  readonly serviceTarget: number;
  readonly expectedInventoryValue: number;
  readonly annualHoldingCost: number;
}

/** Holding cost against a uniform service target, for one tier (its own measure). */
export interface CostServiceCurve {
  readonly tier: Tier;
  readonly serviceMeasure: ServiceMeasure;
  readonly points: readonly CostServicePoint[];
}

/** The result of planning a portfolio. `items[i]` belongs to `demand.skus[i]`. */
export interface PortfolioPlan {
  readonly period: PeriodKind;
  /** The last period of history used. */
  readonly asOf: string;
  readonly items: readonly ItemPlan[];
  /** One summary per tier, in {@link TIERS} order, including empty tiers. */
  readonly tiers: readonly TierSummary[];
  readonly costServiceCurves: readonly CostServiceCurve[];
  /** The demand-weighted expected fill rate over all items. */
  readonly expectedFillRate: number;
  /**
   * The drift of demand levels measured on the last block of history, as a relative variance of the
   * level (τ² ≥ 0: levels move by about τ·100 % beyond their noise); it widens every lead-time demand
   * (see `analytics/_lib/level-drift.ts`).
   */
  readonly levelDriftRatio: number;
}

/** Backtest figures for one tier, or for all items (`tier: "total"`). */
export interface BacktestFigures {
  readonly tier: Tier | "total";
  readonly items: number;
  /** The demand-weighted expected fill rate the plan promised for these items; NaN without demand. */
  readonly targetFillRate: number;
  readonly demand: number;
  readonly filledFromStock: number;
  /** Demand served from stock on hand ÷ demand; NaN without demand. */
  readonly fillRate: number;
  /** Share of replenishment cycles (receipt to next receipt) that saw no stockout; NaN without any. */
  readonly cycleService: number;
  /** Item-periods in which some demand could not be served from stock. */
  readonly stockoutPeriods: number;
  readonly averageInventoryValue: number;
  readonly holdingCost: number;
  readonly orderingCost: number;
  readonly orders: number;
}

/** One policy's backtest: per tier (in {@link TIERS} order, empty tiers included) and in total. */
export interface PolicyBacktest {
  readonly tiers: readonly BacktestFigures[];
  readonly total: BacktestFigures;
}

/**
 * How the backtest sets the segmented policy's portfolio goal: as configured, at the uniform
 * baseline's promised (expected) fill rate, or at its achieved fill rate over the test.
 */
export const SEGMENTED_GOALS = ["configured", "baseline", "matched"] as const;
export type SegmentedGoal = (typeof SEGMENTED_GOALS)[number];

/** The result of {@link backtestPortfolio}: the segmented policy against the uniform baseline. */
export interface BacktestReport {
  readonly period: PeriodKind;
  readonly trainUntil: string;
  readonly testPeriods: readonly string[];
  readonly leadTime: "fixed" | "historical";
  /** Training periods replayed before measuring, so that stock starts where the policy keeps it. */
  readonly warmupPeriods: number;
  /** Items introduced after `trainUntil`: outside the plan, left out of every figure. */
  readonly itemsIntroducedLater: number;
  /** How the segmented policy's portfolio goal was set, and the goal (null: the tiers alone). */
  readonly comparison: SegmentedGoal;
  readonly portfolioGoal: number | null;
  readonly segmented: PolicyBacktest;
  readonly baseline: PolicyBacktest;
  /** The service target every baseline item gets (the standard tier's). */
  readonly baselineServiceTarget: number;
  /** The plan's demand-weighted expected fill rate over all items. */
  readonly expectedFillRate: number;
}
