import { type CriticalityScore, describeScore } from "./criticality-score.js";
import { TIERS, type Tier } from "./types.js";

/** What decides an item's tier in this run. */
export interface TierInput {
  readonly score: CriticalityScore;
  /** Months without demand at the end of the history, or null when the history is too short to tell. */
  readonly monthsWithoutDemand: number | null;
  /** A planner's lock, kept whatever the score. */
  readonly lockedTier?: Tier | undefined;
  /** The tier in force before this run, and how many runs in a row computed a lower one. */
  readonly previousTier?: Tier | undefined;
  readonly deescalationStreak?: number | undefined;
}

/** An item's tier, the tier the score alone gives, the hysteresis memory, and the reason. */
export interface TierAssignment {
  readonly tier: Tier;
  readonly computedTier: Tier;
  readonly locked: boolean;
  readonly deescalationStreak: number;
  readonly reason: string;
}

/** The thresholds: `config.criticality` scores, `config.hysteresisRuns`, `config.obsoleteAfterMonths`. */
export interface TierOptions {
  readonly essentialScore: number;
  readonly criticalScore: number;
  readonly hysteresisRuns: number;
  readonly obsoleteAfterMonths: number;
}

/**
 * Assigns the criticality tier: obsolete after `obsoleteAfterMonths` without demand, else critical
 * from `criticalScore` points, essential from `essentialScore`, standard below. A planner's lock wins.
 * Hysteresis: a more critical tier applies at once; a less critical one only once `hysteresisRuns`
 * consecutive runs (this one included) computed it, so one quiet month does not strip an item's
 * protection. The reason says which of these decided, with the score's parts.
 * @param input score, demand recency, lock and the previous run's memory.
 * @param options thresholds and the number of runs.
 * @returns the tier in force, the computed tier, the streak to store and a sentence for buyers.
 * @example
 * assignTier(
 *   { score: { score: 20, parts: [] }, monthsWithoutDemand: 0, previousTier: "essential", deescalationStreak: 0 },
 *   { essentialScore: 40, criticalScore: 65, hysteresisRuns: 3, obsoleteAfterMonths: 12 },
 * ); // tier "essential" (held, 1 of 3 runs), computedTier "standard", deescalationStreak 1
 */
export function assignTier(input: TierInput, options: TierOptions): TierAssignment {
  const computed = computeTier(input, options);
  const why = computedReason(computed, input, options);
  if (input.lockedTier !== undefined) {
    const agrees = input.lockedTier === computed ? "" : `; computed ${computed}, ${why}`;
    return {
      tier: input.lockedTier,
      computedTier: computed,
      locked: true,
      deescalationStreak: 0,
      reason: `${input.lockedTier}: locked by a planner${agrees}`,
    };
  }
  const previous = input.previousTier;
  if (previous === undefined || rank(computed) <= rank(previous)) {
    const change =
      previous !== undefined && previous !== computed ? ` (raised from ${previous})` : "";
    return {
      tier: computed,
      computedTier: computed,
      locked: false,
      deescalationStreak: 0,
      reason: `${computed}${change}: ${why}`,
    };
  }
  const streak = (input.deescalationStreak ?? 0) + 1;
  if (streak >= options.hysteresisRuns) {
    return {
      tier: computed,
      computedTier: computed,
      locked: false,
      deescalationStreak: 0,
      reason: `${computed} (lowered from ${previous} after ${streak} runs): ${why}`,
    };
  }
  return {
    tier: previous,
    computedTier: computed,
    locked: false,
    deescalationStreak: streak,
    reason:
      `${previous}: held, computed ${computed} in ${streak} of the ${options.hysteresisRuns} ` +
      `consecutive runs needed to lower it; ${why}`,
  };
}

function computeTier(input: TierInput, options: TierOptions): Tier {
  const quiet = input.monthsWithoutDemand;
  if (quiet !== null && quiet >= options.obsoleteAfterMonths) return "obsolete";
  const score = input.score.score;
  if (score >= options.criticalScore) return "critical";
  if (score >= options.essentialScore) return "essential";
  return "standard";
}

function computedReason(tier: Tier, input: TierInput, options: TierOptions): string {
  if (tier === "obsolete") {
    return `no demand in the last ${formatMonths(input.monthsWithoutDemand ?? 0)} months (limit ${options.obsoleteAfterMonths})`;
  }
  const threshold =
    tier === "critical"
      ? `≥ ${options.criticalScore}`
      : tier === "essential"
        ? `≥ ${options.essentialScore}`
        : `< ${options.essentialScore}`;
  return `${describeScore(input.score)} (${threshold})`;
}

function rank(tier: Tier): number {
  return TIERS.indexOf(tier);
}

function formatMonths(months: number): string {
  return Number.isInteger(months) ? String(months) : months.toFixed(1);
}
