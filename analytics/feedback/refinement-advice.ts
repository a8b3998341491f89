import type { ServiceMeasure } from "../config.js";
import type { Tier, XyzClass } from "../types.js";

/** A group's achieved service over one KPI window, with its stock. */
export interface ServiceWindow {
  /** What the window covers, for the evidence, e.g. `2026-08-26..2026-11-24`. */
  readonly label: string;
  /** Achieved value fill rate and cycle service; NaN when the window had no demand or cycle. */
  readonly fillRate: number;
  readonly cycleService: number;
  /** Average stock value, and the part of it above the policies' maximum stock. */
  readonly averageInventoryValue: number;
  readonly excessValue: number;
}

/** A tier's target and its last windows, oldest first. */
export interface TierService {
  readonly tier: Tier;
  /** The tier's target; 0 means none (nothing is judged). */
  readonly serviceTarget: number;
  readonly serviceMeasure: ServiceMeasure;
  readonly windows: readonly ServiceWindow[];
}

/** The items of one XYZ class (over the tiers with a target): their fill-rate target and windows. */
export interface ClassService {
  readonly xyz: XyzClass;
  /** Their demand-weighted fill-rate target. */
  readonly fillRateTarget: number;
  readonly windows: readonly ServiceWindow[];
}

/** Options of {@link refinementAdvice}, with their defaults. */
export interface AdviceOptions {
  /** Achieved below target by more than this misses it. Default 0.01 (one point). */
  readonly missTolerance?: number;
  /** Achieved above target by more than this overshoots it… Default 0.02. */
  readonly overshootTolerance?: number;
  /** …when at least this share of the stock value sits above the maximum. Default 0.2. */
  readonly excessShare?: number;
  /** Targets are proposed within these bounds, in steps of 0.005. Defaults 0.5 and 0.995. */
  readonly minTarget?: number;
  readonly maxTarget?: number;
  /** The current X cut-off (coefficient of variation) and the step to move it by. Defaults 0.5, 0.1. */
  readonly xyzCutoffX?: number;
  readonly xyzCutoffStep?: number;
  /** X items trailing Y items by more than this (fill rate) points at the cut-off. Default 0.02. */
  readonly classGap?: number;
}

export type AdviceKind = "raise_target" | "lower_target" | "lower_xyz_cutoff";

/** One recommendation, with the figures behind it. */
export interface RefinementAdvice {
  readonly kind: AdviceKind;
  /** The tier whose target moves; absent for the XYZ cut-off. */
  readonly tier?: Tier;
  readonly parameter: "service_target" | "xyz_cutoff_x";
  readonly currentValue: number;
  readonly proposedValue: number;
  /** The measure judged and its achieved value per window (oldest first), as named numbers. */
  readonly evidence: Readonly<Record<string, number | string>>;
  /** A sentence a manager can act on. */
  readonly message: string;
}

const STEP = 0.005;
const percent = (value: number) => `${(value * 100).toFixed(1)}%`;

/**
 * The feedback loop's recommendations (DESIGN.md "Managers"): compares what each tier achieved
 * over its last two KPI windows with its target.
 * - **Misses** (achieved below target − 1 point in both windows): raise the tier's target by the
 *   shortfall (target + (target − mean achieved)), because the policy under-delivers what its model
 *   promised: lead times or demand vary more than the model sees.
 * - **Overshoots with excess stock** (above target + 2 points in both windows and ≥ 20% of the
 *   stock value above the maximum in both): lower it by half the overshoot.
 * - **XYZ cut-off**: when X items (read as predictable) trail Y items by more than 2 points of fill
 *   rate and miss their own target in both windows, the X cut-off lets variable items pass as
 *   predictable: lower it by one step, so that they earn the variability points of class Y.
 * Targets are proposed in steps of 0.5 point within [0.5, 0.995]; a group whose windows lack
 * demand is not judged. The tier's measure decides which figure is judged (fill rate or cycle
 * service).
 * @param tiers each tier's target and windows (oldest first; the last two are judged).
 * @param classes the XYZ classes' windows, for the cut-off rule (may be empty).
 * @returns the recommendations, tiers in the given order, then the cut-off.
 * @example
 * refinementAdvice([{ tier: "essential", serviceTarget: 0.97, serviceMeasure: "cycle", windows: [
 *   { label: "Q2", fillRate: 0.95, cycleService: 0.93, averageInventoryValue: 1e5, excessValue: 0 },
 *   { label: "Q3", fillRate: 0.96, cycleService: 0.94, averageInventoryValue: 1e5, excessValue: 0 },
 * ] }], []);
 * // [{ kind: "raise_target", tier: "essential", currentValue: 0.97, proposedValue: 0.995 (0.97 + 3.5 points, capped), … }]
 */
export function refinementAdvice(
  tiers: readonly TierService[],
  classes: readonly ClassService[],
  options: AdviceOptions = {},
): RefinementAdvice[] {
  const missTolerance = options.missTolerance ?? 0.01;
  const overshootTolerance = options.overshootTolerance ?? 0.02;
  const excessShare = options.excessShare ?? 0.2;
  const minTarget = options.minTarget ?? 0.5;
  const maxTarget = options.maxTarget ?? 0.995;
  const advice: RefinementAdvice[] = [];
  for (const tier of tiers) {
    const target = tier.serviceTarget;
    const last = tier.windows.slice(-2);
    if (!(target > 0) || last.length < 2) continue;
    const achieved = last.map((window) =>
      tier.serviceMeasure === "fill" ? window.fillRate : window.cycleService,
    );
    if (achieved.some((value) => Number.isNaN(value))) continue;
    const mean = (achieved[0] as number) / 2 + (achieved[1] as number) / 2;
    const measureName = tier.serviceMeasure === "fill" ? "fill rate" : "cycle service";
    const evidence: Record<string, number | string> = {
      measure: tier.serviceMeasure,
      service_target: target,
    };
    last.forEach((window, index) => {
      evidence[`window_${index + 1}`] = window.label;
      evidence[`achieved_${index + 1}`] = round4(achieved[index] as number);
      evidence[`excess_share_${index + 1}`] = round4(shareOf(window));
    });
    const windowsText = last
      .map((window, index) => `${percent(achieved[index] as number)} in ${window.label}`)
      .join(" and ");
    const moveTarget = (kind: AdviceKind, proposed: number, why: string): RefinementAdvice => ({
      kind,
      tier: tier.tier,
      parameter: "service_target",
      currentValue: target,
      proposedValue: proposed,
      evidence,
      message:
        `${kind === "raise_target" ? "Raise" : "Lower"} ${tier.tier}'s target from ${percent(target)} ` +
        `to ${percent(proposed)}: its ${measureName} was ${windowsText}, ${why}.`,
    });
    if (achieved.every((value) => value < target - missTolerance)) {
      const proposed = Math.min(maxTarget, ceilStep(target + (target - mean)));
      if (proposed > target) {
        advice.push(
          moveTarget("raise_target", proposed, "below the target in two windows in a row"),
        );
      }
      continue;
    }
    const overshoots = achieved.every((value) => value > target + overshootTolerance);
    if (overshoots && last.every((window) => shareOf(window) >= excessShare)) {
      const proposed = Math.max(minTarget, floorStep(target - (mean - target) / 2));
      if (proposed < target) {
        advice.push(
          moveTarget(
            "lower_target",
            proposed,
            `above the target in two windows in a row, with ` +
              `${percent(Math.min(...last.map(shareOf)))} or more of its stock value above the maximum`,
          ),
        );
      }
    }
  }
  const cutoff = xyzCutoffAdvice(classes, options);
  if (cutoff) advice.push(cutoff);
  return advice;
}

function xyzCutoffAdvice(
  classes: readonly ClassService[],
  options: AdviceOptions,
): RefinementAdvice | null {
  const x = classes.find((group) => group.xyz === "X");
  const y = classes.find((group) => group.xyz === "Y");
  const current = options.xyzCutoffX ?? 0.5;
  const step = options.xyzCutoffStep ?? 0.1;
  const gap = options.classGap ?? 0.02;
  const missTolerance = options.missTolerance ?? 0.01;
  if (!x || !y || x.windows.length < 2 || y.windows.length < 2) return null;
  const xLast = x.windows.slice(-2);
  const yLast = y.windows.slice(-2);
  const trailing = xLast.every((window, index) => {
    const other = yLast[index] as ServiceWindow;
    return (
      !Number.isNaN(window.fillRate) &&
      !Number.isNaN(other.fillRate) &&
      window.fillRate < other.fillRate - gap &&
      window.fillRate < x.fillRateTarget - missTolerance
    );
  });
  const proposed = Math.round((current - step) * 1000) / 1000;
  if (!trailing || proposed <= 0) return null;
  const evidence: Record<string, number | string> = {
    x_fill_rate_target: round4(x.fillRateTarget),
    xyz_cutoff_x: current,
  };
  xLast.forEach((window, index) => {
    evidence[`window_${index + 1}`] = window.label;
    evidence[`x_fill_rate_${index + 1}`] = round4(window.fillRate);
    evidence[`y_fill_rate_${index + 1}`] = round4((yLast[index] as ServiceWindow).fillRate);
  });
  const figures = xLast
    .map(
      (window, index) =>
        `${percent(window.fillRate)} against ${percent((yLast[index] as ServiceWindow).fillRate)} in ${window.label}`,
    )
    .join(", ");
  return {
    kind: "lower_xyz_cutoff",
    parameter: "xyz_cutoff_x",
    currentValue: current,
    proposedValue: proposed,
    evidence,
    message:
      `Move the X cut-off from a CV of ${current} to ${proposed}: X items (read as predictable) filled ` +
      `${figures} for Y items, below their own target in two windows in a row.`,
  };
}

function shareOf(window: ServiceWindow): number {
  return window.averageInventoryValue > 0 ? window.excessValue / window.averageInventoryValue : 0;
}

function ceilStep(value: number): number {
  return Math.round(Math.ceil(value / STEP - 1e-9) * STEP * 1000) / 1000;
}

function floorStep(value: number): number {
  return Math.round(Math.floor(value / STEP + 1e-9) * STEP * 1000) / 1000;
}

function round4(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}
