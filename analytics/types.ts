/**
 * The types that cross the analytics boundary. Sources (csv, demo, odoo) build `DemandMatrix` and
 * `ItemMaster` records; the planning pipeline returns `ItemPlan` records. No Odoo names here.
 */
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
}
