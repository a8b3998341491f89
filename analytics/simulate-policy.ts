import type { Random } from "./random.js";
import { roundUp } from "./service-level.js";

/** A min/max policy per item, as typed arrays (item-aligned). */
export interface SimulationPolicy {
  readonly reorderPoints: Float64Array;
  readonly maxStocks: Float64Array;
  readonly orderMultiples: Float64Array;
  readonly minOrderQuantities: Float64Array;
  /** Periods between reviews (≥ 1). */
  readonly reviewPeriods: Int32Array;
  /** Lead time in whole periods (≥ 0), used unless `leadTimeDraws` gives one per order. */
  readonly leadTimePeriods: ArrayLike<number>;
  readonly unitCosts: Float64Array;
  readonly holdingCostsPerYear: Float64Array;
  readonly orderCosts: Float64Array;
}

/** Which periods to replay. Column indexes into the demand rows; `start ≤ measureFrom < end`. */
export interface SimulationWindow {
  /** First period replayed (the warm-up starts here, with stock at the max and nothing on order). */
  readonly start: number;
  /** First period whose figures count. */
  readonly measureFrom: number;
  /** One past the last period replayed. */
  readonly end: number;
  readonly periodsPerYear: number;
}

/** Draws an order's lead time in whole periods for an item (for replays with actual lead times). */
export interface LeadTimeDraws {
  /** Observed lead times of each item in periods (empty: use the fixed one). */
  readonly history: readonly (readonly number[])[];
  readonly random: Random;
}

/** Per-item results of a replay, over the measured periods. */
export interface SimulationResult {
  readonly demand: Float64Array;
  readonly filledFromStock: Float64Array;
  readonly stockoutPeriods: Int32Array;
  /** Replenishment cycles (receipt to receipt) seen, and how many of them had a stockout. */
  readonly cycles: Int32Array;
  readonly stockoutCycles: Int32Array;
  /** Average stock on hand × unit cost over the measured periods. */
  readonly averageInventoryValue: Float64Array;
  readonly holdingCost: Float64Array;
  readonly orderingCost: Float64Array;
  readonly orders: Int32Array;
}

/**
 * Replays demand under a periodic-review min/max policy with backorders. Each period: receipts due
 * arrive first (and serve backorders), then the period's demand is served from stock on hand, the
 * rest backordered; at the end of every review period, when the inventory position (on hand + on
 * order − backorders) is below the reorder point, an order brings it up to the max, at least the
 * MOQ and in order multiples. An order placed at the end of period t with lead time L arrives at the
 * start of period t + L + 1. Stock on hand is averaged over the start and end of each period.
 * Negative demand (net returns) counts as zero. Pure: the inputs are not modified.
 * @param quantities demand rows, item-major, `periodCount` columns each.
 * @param periodCount columns per row.
 * @param policy the policy of each item.
 * @param window the periods replayed and measured.
 * @param draws optional per-order lead-time draws (historical lead times).
 * @returns per-item figures over the measured periods.
 * @example
 * // One item, 3 periods of demand 5, s = 5, S = 10, lead time 0, review every period, measured from 0:
 * simulatePolicy(Float64Array.of(5, 5, 5), 3, policy, { start: 0, measureFrom: 0, end: 3, periodsPerYear: 12 });
 * // demand 15, filled 15, orders 3 (5 units each)
 */
export function simulatePolicy(
  quantities: Float64Array,
  periodCount: number,
  policy: SimulationPolicy,
  window: SimulationWindow,
  draws?: LeadTimeDraws,
): SimulationResult {
  const itemCount = policy.reorderPoints.length;
  const result: SimulationResult = {
    demand: new Float64Array(itemCount),
    filledFromStock: new Float64Array(itemCount),
    stockoutPeriods: new Int32Array(itemCount),
    cycles: new Int32Array(itemCount),
    stockoutCycles: new Int32Array(itemCount),
    averageInventoryValue: new Float64Array(itemCount),
    holdingCost: new Float64Array(itemCount),
    orderingCost: new Float64Array(itemCount),
    orders: new Int32Array(itemCount),
  };
  const { start, measureFrom, end } = window;
  const measured = end - measureFrom;
  let longest = 0;
  for (let i = 0; i < itemCount; i++)
    longest = Math.max(longest, policy.leadTimePeriods[i] as number);
  for (const history of draws?.history ?? [])
    for (const lead of history) longest = Math.max(longest, lead);
  const slots = longest + 2;
  const arrivals = new Float64Array(slots);

  for (let i = 0; i < itemCount; i++) {
    arrivals.fill(0);
    const row = i * periodCount;
    const reorderPoint = policy.reorderPoints[i] as number;
    const maxStock = policy.maxStocks[i] as number;
    const multiple = policy.orderMultiples[i] as number;
    const minOrder = policy.minOrderQuantities[i] as number;
    const review = policy.reviewPeriods[i] as number;
    const fixedLead = policy.leadTimePeriods[i] as number;
    const history = draws?.history[i];
    let net = maxStock;
    let onOrder = 0;
    let demandSum = 0;
    let filledSum = 0;
    let stockouts = 0;
    let cycles = 0;
    let stockoutCycles = 0;
    let cycleShort = false;
    let stockSum = 0;
    let orders = 0;
    for (let t = start; t < end; t++) {
      const measuring = t >= measureFrom;
      const slot = t % slots;
      const receipt = arrivals[slot] as number;
      if (receipt > 0) {
        arrivals[slot] = 0;
        onOrder -= receipt;
        net += receipt;
        if (measuring) {
          cycles++;
          if (cycleShort) stockoutCycles++;
        }
        cycleShort = false;
      }
      const opening = Math.max(net, 0);
      const quantity = quantities[row + t] as number;
      const wanted = Math.max(quantity, 0);
      const served = Math.min(wanted, opening);
      net -= wanted;
      if (measuring) {
        demandSum += wanted;
        filledSum += served;
        if (served < wanted) {
          stockouts++;
          cycleShort = true;
        }
        stockSum += 0.5 * (opening + Math.max(net, 0));
      }
      if ((t - start + 1) % review === 0) {
        const position = net + onOrder;
        if (position < reorderPoint) {
          let order = Math.max(maxStock - position, minOrder);
          order = roundUp(order, multiple);
          const lead =
            history !== undefined && history.length > 0 && draws
              ? (history[draws.random.int(history.length)] as number)
              : fixedLead;
          const due = (t + lead + 1) % slots;
          arrivals[due] = (arrivals[due] as number) + order;
          onOrder += order;
          if (measuring) orders++;
        }
      }
    }
    // The cycle still open at the end counts too.
    cycles++;
    if (cycleShort) stockoutCycles++;
    const unitCost = policy.unitCosts[i] as number;
    const averageStock = measured > 0 ? stockSum / measured : 0;
    result.demand[i] = demandSum;
    result.filledFromStock[i] = filledSum;
    result.stockoutPeriods[i] = stockouts;
    result.cycles[i] = cycles;
    result.stockoutCycles[i] = stockoutCycles;
    result.averageInventoryValue[i] = averageStock * unitCost;
    result.holdingCost[i] =
      ((policy.holdingCostsPerYear[i] as number) * stockSum) / window.periodsPerYear;
    result.orderingCost[i] = orders * (policy.orderCosts[i] as number);
    result.orders[i] = orders;
  }
  return result;
}
