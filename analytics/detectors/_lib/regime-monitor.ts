/**
 * The level monitor behind the lead-time and demand detectors. A series is read as a sequence of
 * regimes. A regime learns its mean and standard deviation from its first `baselineSize` values,
 * then from every value it has judged in control (a self-starting CUSUM, Hawkins 1987: the longer
 * a regime lasts, the better its baseline; a value joins a few values later, once a shift it might
 * start would have been confirmed). Each new value is standardized against the regime so far (the
 * predictive spread, √(1 + 1/n) wider than the sample sd) and fed to a two-sided tabular CUSUM (Page 1954;
 * Montgomery, "Introduction to Statistical Quality Control", 7th ed., §9.1) whose increments are
 * clipped at ±`clip` standard deviations (the robust CUSUM of Lucas & Crosier 1982), so that one
 * wild value alone cannot pass the decision interval: a level shift has to show in at least two
 * values. When a side passes `h`, a shift is recorded. It began after that side last stood at zero;
 * within that run, the change point is the split that best separates two means (the maximum
 * likelihood estimate for a mean shift in normal data), and a new regime starts there and learns
 * its own baseline.
 *
 * The monitor is online: appending values never changes a decision about earlier ones, so a shift
 * found once is found again, at the same place, by every later run on a longer series.
 */

export interface RegimeOptions {
  /** Values that set a regime's mean and standard deviation before it is monitored. */
  readonly baselineSize: number;
  /** CUSUM reference value, in standard deviations (half the smallest shift worth detecting). */
  readonly k: number;
  /** CUSUM decision interval, in standard deviations. */
  readonly h: number;
  /** Largest |z| one value adds to the CUSUM. */
  readonly clip: number;
  /** The smallest standard deviation a baseline may claim, given its mean (measurement grain). */
  readonly sdFloor: (mean: number) => number;
}

/** Values judged before a value joins its regime's baseline. */
const LEARNING_LAG = 3;

/** Mean and standard deviation of a stretch of the series. */
export interface LevelStats {
  readonly mean: number;
  /** Sample standard deviation (n − 1), 0 for fewer than two values. */
  readonly sd: number;
  readonly count: number;
}

export interface RegimeShift {
  readonly direction: "up" | "down";
  /** First index of the new regime. */
  readonly changeIndex: number;
  /** Index at which the CUSUM passed its decision interval. */
  readonly detectedIndex: number;
  /** The regime that ended: its baseline mean and the spread the monitor used. */
  readonly before: LevelStats & { readonly spread: number };
  /** The new regime so far: every value from `changeIndex` to the next shift or the end. */
  readonly after: LevelStats;
}

export interface RegimeTrace {
  readonly shifts: readonly RegimeShift[];
  /** Index where the regime in force at the end of the series starts. */
  readonly currentStart: number;
  /**
   * Per index, the baseline mean and spread the value was judged against when it arrived, and its
   * standardized value; NaN for values that arrived while their regime learnt its baseline. (Values
   * between a change point and its detection are judged again in the new regime for the CUSUM, but
   * keep the verdict they got when they arrived: that is what a watcher knew then.)
   */
  readonly center: Float64Array;
  readonly spread: Float64Array;
  readonly z: Float64Array;
}

/** Mean and sample standard deviation of `values[from, to)`. */
export function levelStats(values: ArrayLike<number>, from: number, to: number): LevelStats {
  const count = Math.max(0, to - from);
  if (count === 0) return { mean: Number.NaN, sd: 0, count };
  let sum = 0;
  for (let i = from; i < to; i++) sum += values[i] as number;
  const mean = sum / count;
  let squares = 0;
  for (let i = from; i < to; i++) {
    const deviation = (values[i] as number) - mean;
    squares += deviation * deviation;
  }
  return { mean, sd: count > 1 ? Math.sqrt(squares / (count - 1)) : 0, count };
}

/**
 * Runs the monitor over `values` (oldest first).
 * @throws {RangeError} on options out of range or a non-finite value.
 */
export function monitorRegimes(values: ArrayLike<number>, options: RegimeOptions): RegimeTrace {
  const { baselineSize, k, h, clip } = options;
  if (!Number.isInteger(baselineSize) || baselineSize < 2)
    throw new RangeError(`baselineSize must be a whole number ≥ 2, got ${baselineSize}`);
  if (!(k >= 0) || !(h > 0) || !(clip > k))
    throw new RangeError(`need k ≥ 0, h > 0 and clip > k; got k ${k}, h ${h}, clip ${clip}`);
  const n = values.length;
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(values[i] as number))
      throw new RangeError(`value ${i} is not a finite number: ${values[i]}`);
  }
  const center = new Float64Array(n).fill(Number.NaN);
  const spread = new Float64Array(n).fill(Number.NaN);
  const z = new Float64Array(n).fill(Number.NaN);
  const shifts: Omit<RegimeShift, "after">[] = [];
  let start = 0;
  regimes: while (start + baselineSize <= n) {
    // Welford's running mean and sum of squares of the regime's values judged so far.
    let count = 0;
    let mean = 0;
    let squares = 0;
    const learn = (value: number) => {
      count++;
      const delta = value - mean;
      mean += delta / count;
      squares += delta * (value - mean);
    };
    for (let i = start; i < start + baselineSize; i++) learn(values[i] as number);
    // A value joins the baseline only `LEARNING_LAG` values later: until then it may be the start
    // of a shift, and would drag the baseline towards it before the CUSUM can confirm it.
    let learnedUpTo = start + baselineSize;
    let upper = 0;
    let lower = 0;
    let upperZeroAt = start + baselineSize - 1;
    let lowerZeroAt = upperZeroAt;
    for (let i = start + baselineSize; i < n; i++) {
      const value = values[i] as number;
      // The predictive spread of one new value: the estimate's own error widens it (√(1 + 1/n)).
      const sd = Math.max(Math.sqrt(squares / (count - 1)), options.sdFloor(mean));
      const predictive = sd * Math.sqrt(1 + 1 / count);
      const standardized = (value - mean) / predictive;
      if (Number.isNaN(z[i] as number)) {
        center[i] = mean;
        spread[i] = predictive;
        z[i] = standardized;
      }
      const step = Math.max(-clip, Math.min(clip, standardized));
      upper = Math.max(0, upper + step - k);
      lower = Math.max(0, lower - step - k);
      if (upper === 0) upperZeroAt = i;
      if (lower === 0) lowerZeroAt = i;
      const direction = upper > h ? "up" : lower > h ? "down" : null;
      if (direction === null) {
        for (; learnedUpTo <= i - LEARNING_LAG; learnedUpTo++) learn(values[learnedUpTo] as number);
        continue;
      }
      const changeIndex = likeliestChange(
        values,
        start,
        (direction === "up" ? upperZeroAt : lowerZeroAt) + 1,
        i,
      );
      const before = levelStats(values, start, changeIndex);
      shifts.push({
        direction,
        changeIndex,
        detectedIndex: i,
        before: { ...before, spread: predictive },
      });
      // Values after the change point belong to the new regime: its CUSUM reads them again.
      start = changeIndex;
      continue regimes;
    }
    break;
  }
  return {
    shifts: shifts.map((shift, index) => ({
      ...shift,
      after: levelStats(values, shift.changeIndex, shifts[index + 1]?.changeIndex ?? n),
    })),
    currentStart: start,
    center,
    spread,
    z,
  };
}

/**
 * The first index of the new level: among `[from, to]`, the split of `values[start, to]` into a
 * before and an after part with the largest n₁n₂/(n₁ + n₂) · (mean₂ − mean₁)², the likelihood
 * ratio of a mean shift with a common variance.
 */
function likeliestChange(
  values: ArrayLike<number>,
  start: number,
  from: number,
  to: number,
): number {
  let before = 0;
  for (let j = start; j < from; j++) before += values[j] as number;
  let after = 0;
  for (let j = from; j <= to; j++) after += values[j] as number;
  let best = from;
  let bestScore = Number.NEGATIVE_INFINITY;
  for (let split = from; split <= to; split++) {
    const countBefore = split - start;
    const countAfter = to - split + 1;
    const gap = after / countAfter - before / countBefore;
    const score = ((countBefore * countAfter) / (countBefore + countAfter)) * gap * gap;
    if (score > bestScore) {
      bestScore = score;
      best = split;
    }
    before += values[split] as number;
    after -= values[split] as number;
  }
  return best;
}
