/**
 * The search behind the backtest's `matched` comparison: the lowest portfolio fill-rate goal at which
 * the segmented policy, replayed over the test periods, serves at least what the uniform baseline
 * served there. Both policies are then compared at equal achieved service, as trade-off curves of
 * inventory investment against achieved service compare methods (Gardner 1990, "Evaluating forecast
 * performance in an inventory control system", Management Science 36(4) 490–499). The goal is chosen
 * with the test's own outcome: this judges how efficiently each policy buys service, not what a
 * planner could have promised beforehand.
 */

/** Goals are found to this precision; the allocator's fill rates move in steps anyway. */
const GOAL_PRECISION = 1e-4;
const HIGHEST_GOAL = 0.9999;

/** What the search returns: the goal, and the replay it gave. */
export interface MatchedGoal<Replay> {
  readonly goal: number;
  readonly replay: Replay;
  /** Whether the replay reaches the target (false: even the highest goal falls short). */
  readonly reached: boolean;
}

/**
 * Bisects the goal, assuming that the achieved fill rate rises with it.
 * @param start a goal already replayed (the equal-promise goal), and its replay.
 * @param target the fill rate to reach.
 * @param replayAt allocates at a goal and replays it.
 * @param fillOf the achieved fill rate of a replay.
 */
export function matchAchievedFill<Replay>(
  start: { readonly goal: number; readonly replay: Replay },
  target: number,
  replayAt: (goal: number) => Replay,
  fillOf: (replay: Replay) => number,
): MatchedGoal<Replay> {
  let best: { goal: number; replay: Replay } | undefined;
  let low = 0;
  let high = HIGHEST_GOAL;
  if (fillOf(start.replay) >= target) {
    best = start;
    high = start.goal;
  } else {
    low = start.goal;
    const top = replayAt(HIGHEST_GOAL);
    if (fillOf(top) < target) return { goal: HIGHEST_GOAL, replay: top, reached: false };
    best = { goal: HIGHEST_GOAL, replay: top };
  }
  while (high - low > GOAL_PRECISION) {
    const middle = (low + high) / 2;
    const replay = replayAt(middle);
    if (fillOf(replay) >= target) {
      best = { goal: middle, replay };
      high = middle;
    } else {
      low = middle;
    }
  }
  return { ...best, reached: true };
}
