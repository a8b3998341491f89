/**
 * What one item at one stock point went through over a window of days, oldest day first. All
 * quantities are in the item's unit and ≥ 0.
 */
export interface StockHistory {
  /** Demand served or to serve each day (DESIGN.md "Demand": to customers and production, net of returns). */
  readonly demand: ArrayLike<number>;
  /** Stock arriving each day: receipts, production output, returns to stock, transfers in, counts up. */
  readonly inflow: ArrayLike<number>;
  /** Stock leaving each day that is not demand: scrap, counts down, transfers out. */
  readonly otherOutflow: ArrayLike<number>;
  /** Stock on hand at the end of the last day (may be below zero when the ERP allowed it). */
  readonly closingOnHand: number;
  /** Demand still waiting at the end, past its date, because stock was missing. Default 0. */
  readonly openDemand?: number;
  /** The policy's maximum stock, to measure the stock above it. Default: no maximum. */
  readonly maxStock?: number;
}

/** The service an item got over the window (the backtest's measures, on what really happened). */
export interface AchievedService {
  /** Demand of the window plus the open demand still waiting at its end. */
  readonly demand: number;
  readonly filledFromStock: number;
  /** filledFromStock ÷ demand; NaN without demand. */
  readonly fillRate: number;
  /** Replenishment cycles (inflow to inflow, the open one at the end included) and those short. */
  readonly cycles: number;
  readonly stockoutCycles: number;
  /** 1 − stockoutCycles ÷ cycles; NaN without a cycle. */
  readonly cycleService: number;
  /** Days on which some demand could not be served from stock. */
  readonly stockoutDays: number;
  /** Stock on hand at the start of the window, reconstructed from the closing stock and the flows. */
  readonly openingOnHand: number;
  /** Mean over the days of (stock after the day's inflow + closing stock) ÷ 2, below zero read as 0. */
  readonly averageOnHand: number;
  /** The same mean of the stock above `maxStock` (0 without one). */
  readonly averageExcess: number;
}

/**
 * Measures the service an item achieved from what the ERP recorded, the way the backtest
 * (`simulatePolicy`) scores a simulated policy, so that the two compare:
 * - the stock at the end of each day is rebuilt backwards from today's on-hand:
 *   end(d − 1) = end(d) − inflow(d) + demand(d) + otherOutflow(d);
 * - each day, stock arrives before demand is served; the demand served from stock is
 *   min(demand, max(0, end(d − 1)) + inflow(d)) and a day with demand left unserved is a stockout
 *   day;
 * - demand still open at the end of the window because stock was missing counts as demanded and
 *   not served (in an ERP a delivery waits for stock instead of going negative; without this term
 *   a late delivery would read as served on the day it finally left);
 * - a replenishment cycle runs from one day with inflow to the next, the cycle open at the end
 *   included; it is short when it had a stockout day.
 * @param history the days of the window; not modified.
 * @throws {RangeError} when the arrays differ in length or hold a negative or non-finite quantity.
 * @example
 * achievedService({ demand: [4, 4, 4], inflow: [0, 8, 0], otherOutflow: [0, 0, 0], closingOnHand: 0 });
 * // opening 4: day 1 serves 4, day 2 receives 8 and serves 4, day 3 serves 4 → fill rate 1,
 * // 2 cycles (before and after the receipt), none short, averageOnHand (2 + 6 + 2) ÷ 3
 */
export function achievedService(history: StockHistory): AchievedService {
  const { demand, inflow, otherOutflow } = history;
  const days = demand.length;
  if (inflow.length !== days || otherOutflow.length !== days)
    throw new RangeError(
      `demand, inflow and otherOutflow must cover the same days (${days}, ${inflow.length}, ${otherOutflow.length})`,
    );
  for (const [name, series] of [
    ["demand", demand],
    ["inflow", inflow],
    ["otherOutflow", otherOutflow],
  ] as const) {
    for (let d = 0; d < days; d++) {
      const quantity = series[d] as number;
      if (!(quantity >= 0) || !Number.isFinite(quantity))
        throw new RangeError(`${name}[${d}] must be a finite number ≥ 0, got ${quantity}`);
    }
  }
  const open = history.openDemand ?? 0;
  if (!(open >= 0) || !Number.isFinite(open))
    throw new RangeError(`openDemand must be a finite number ≥ 0, got ${open}`);
  if (!Number.isFinite(history.closingOnHand))
    throw new RangeError(`closingOnHand must be finite, got ${history.closingOnHand}`);

  let opening = history.closingOnHand;
  for (let d = days - 1; d >= 0; d--)
    opening += (demand[d] as number) + (otherOutflow[d] as number) - (inflow[d] as number);

  let stock = opening;
  let wanted = 0;
  let filled = 0;
  let stockoutDays = 0;
  let cycles = 0;
  let stockoutCycles = 0;
  let cycleShort = false;
  let stockSum = 0;
  let excessSum = 0;
  const max = history.maxStock ?? Number.POSITIVE_INFINITY;
  for (let d = 0; d < days; d++) {
    const arriving = inflow[d] as number;
    if (arriving > 0) {
      cycles++;
      if (cycleShort) stockoutCycles++;
      cycleShort = false;
    }
    stock += arriving;
    const available = Math.max(stock, 0);
    const today = demand[d] as number;
    const served = Math.min(today, available);
    wanted += today;
    filled += served;
    if (served < today) {
      stockoutDays++;
      cycleShort = true;
    }
    stock -= today + (otherOutflow[d] as number);
    const closing = Math.max(stock, 0);
    stockSum += 0.5 * (available + closing);
    excessSum += 0.5 * (Math.max(0, available - max) + Math.max(0, closing - max));
  }
  if (open > 0) {
    wanted += open;
    cycleShort = true;
  }
  if (days > 0 || open > 0) {
    cycles++;
    if (cycleShort) stockoutCycles++;
  }
  return {
    demand: wanted,
    filledFromStock: filled,
    fillRate: wanted > 0 ? filled / wanted : Number.NaN,
    cycles,
    stockoutCycles,
    cycleService: cycles > 0 ? 1 - stockoutCycles / cycles : Number.NaN,
    stockoutDays,
    openingOnHand: opening,
    averageOnHand: days > 0 ? stockSum / days : Math.max(history.closingOnHand, 0),
    averageExcess: days > 0 ? excessSum / days : 0,
  };
}
