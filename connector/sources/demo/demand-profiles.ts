/**
 * Weekly independent demand for each profile. The parameters put each profile firmly inside its
 * Syntetos–Boylan class on weekly buckets (ADI cut-off 1.32, CV² cut-off 0.49):
 * smooth/erratic items have demand in ~97 % of weeks (ADI ≈ 1.03), intermittent/lumpy items in
 * 10–45 % (ADI 2.2–10); sizes are gamma draws with shape 8 (CV² ≈ 0.13) for the low-variance
 * profiles and shape 0.6–0.8 (CV² ≈ 1.3–1.7) for the high-variance ones.
 */
import type { Random } from "../../../analytics/random.js";
import type { DemandProfile } from "./plant.js";

/** What shapes one item's weekly series; drawn once per item. */
export interface ProfileParameters {
  readonly profile: Exclude<DemandProfile, "dependent">;
  /** Mean size of a non-zero week. */
  readonly meanSize: number;
  /** Chance that a week has demand. */
  readonly occurrence: number;
  /** Gamma shape of the sizes: high = steady, below 1 = lumpy. */
  readonly sizeShape: number;
  /** First and last week (inclusive) with any demand. */
  readonly firstWeek: number;
  readonly lastWeek: number;
  /** Seasonal amplitude (share of the mean) and phase, for seasonal items. */
  readonly amplitude: number;
  readonly phase: number;
  /** Total change of the level over the history as a share of the mean, for trending items. */
  readonly growth: number;
}

const STEADY_SHAPE = 8;

/**
 * Draws the parameters of an item's profile.
 * @param typicalSize the item's typical weekly quantity (larger for cheap, fast movers).
 */
export function drawProfile(
  profile: Exclude<DemandProfile, "dependent">,
  typicalSize: number,
  weeks: number,
  random: Random,
): ProfileParameters {
  const base = {
    profile,
    meanSize: Math.max(5, typicalSize),
    occurrence: 0.98,
    sizeShape: STEADY_SHAPE,
    firstWeek: 0,
    lastWeek: weeks - 1,
    amplitude: 0,
    phase: 0,
    growth: 0,
  };
  switch (profile) {
    case "smooth":
      return base;
    case "erratic":
      return { ...base, occurrence: 0.97, sizeShape: 0.7 + 0.15 * random.next() };
    case "intermittent":
      return {
        ...base,
        meanSize: Math.max(3, typicalSize / 3),
        occurrence: 0.12 + 0.3 * random.next(),
        sizeShape: STEADY_SHAPE,
      };
    case "lumpy":
      return {
        ...base,
        meanSize: Math.max(4, typicalSize / 2),
        occurrence: 0.1 + 0.3 * random.next(),
        sizeShape: 0.6 + 0.2 * random.next(),
      };
    case "seasonal":
      return {
        ...base,
        amplitude: 0.35 + 0.35 * random.next(),
        phase: 2 * Math.PI * random.next(),
      };
    case "trending": {
      const growth = 0.8 + 0.6 * random.next();
      return { ...base, growth: random.next() < 0.7 ? growth : -growth };
    }
    case "new":
      // Launched in the last 3–10 weeks.
      return { ...base, occurrence: 0.9, firstWeek: weeks - 3 - random.int(8) };
    case "dead": {
      // Stopped more than a year before the end: obsolete under the default 12-month rule.
      const lastWeek = Math.max(4, weeks - 54 - random.int(Math.max(1, Math.floor(weeks / 6))));
      const steady = random.next() < 0.5;
      return { ...base, lastWeek, occurrence: steady ? 0.95 : 0.35 };
    }
  }
}

/**
 * Fills `out` (one slot per week) with an item's weekly demand; integers, zero outside its life.
 */
export function fillWeeklyDemand(
  parameters: ProfileParameters,
  random: Random,
  out: Float64Array,
): void {
  const weeks = out.length;
  out.fill(0);
  for (let week = parameters.firstWeek; week <= parameters.lastWeek && week < weeks; week++) {
    if (week < 0 || random.next() >= parameters.occurrence) continue;
    let level = parameters.meanSize;
    if (parameters.amplitude > 0) {
      level *= 1 + parameters.amplitude * Math.sin((2 * Math.PI * week) / 52 + parameters.phase);
    }
    if (parameters.growth !== 0)
      level *= Math.max(0.2, 1 + parameters.growth * (week / weeks - 0.5));
    const size = (random.gamma(parameters.sizeShape) / parameters.sizeShape) * level;
    out[week] = Math.max(1, Math.round(size));
  }
}
