import { roundUp } from "../service-level.js";

/** A min/max reordering rule (Odoo's orderpoint): below `min`, order up to `max`. */
export interface MinMaxRule {
  readonly min: number;
  readonly max: number;
}

/** A purchase already on order: `quantity` units arriving in week `week` (1 = the coming week). */
export interface OpenOrder {
  readonly week: number;
  readonly quantity: number;
}

/** One item at one stock location, as the projection sees it. Quantities in the item's unit. */
export interface ProjectionItem {
  readonly unitCost: number;
  /** Stock on hand now (negative: owed to demand already). */
  readonly onHand: number;
  /** Forecast demand per week. */
  readonly weeklyDemand: number;
  /** Weeks from placing an order to receiving it (rounded; at least 1 is used). */
  readonly leadTimeWeeks: number;
  /** Orders are at least this big (default 0) and come in multiples of this (default: none). */
  readonly minOrderQty?: number;
  readonly orderMultiple?: number;
  /**
   * Purchases on order; one due before week 1 (overdue) arrives in week 1, one due after the
   * horizon stays on order throughout.
   */
  readonly openOrders?: readonly OpenOrder[];
  /** The rule in force today, or null for none (nothing is reordered). */
  readonly currentRule: MinMaxRule | null;
  /** The pending suggestion, when there is one: accepting it replaces the current rule. */
  readonly suggestedRule?: MinMaxRule | undefined;
}

/** Options of {@link projectInventory}. */
export interface ProjectionOptions {
  /** Weeks projected after week 0 (today). Default 13. */
  readonly weeks?: number;
}

/** The two scenarios: today's rules, and every pending suggestion accepted. */
export const PROJECTION_SCENARIOS = ["current", "suggested"] as const;
export type ProjectionScenario = (typeof PROJECTION_SCENARIOS)[number];

/** Per item and week, row-major: the value of item `i` at week `w` is `[i * (weeks + 1) + w]`. */
export interface ScenarioSeries {
  /** Stock on hand × unit cost at the end of the week (week 0: now). Backorders count as none. */
  readonly inventoryValue: Float64Array;
  /** Value of the purchases received during the week (week 0: none). */
  readonly receiptValue: Float64Array;
}

export interface InventoryProjection {
  readonly weeks: number;
  readonly items: number;
  readonly current: ScenarioSeries;
  readonly suggested: ScenarioSeries;
}

/**
 * Projects the inventory investment week by week under today's reordering rules and under the
 * rules every pending suggestion would put in their place, by simulating each item forward from
 * its stock on hand, its open purchases and its forecast (expected demand, no randomness: the
 * expected path a cash plan wants). Week 0 is now: the stock on hand, valued at unit cost. Then,
 * each week: purchases due arrive, the week's forecast demand leaves (what stock cannot serve is
 * backordered and served by the next receipt), and at the end of the week the rule is reviewed as
 * Odoo's scheduler does: when stock on hand + on order is below the min, an order brings it up to
 * the max — at least the MOQ, in order multiples — arriving `max(1, leadTimeWeeks)` weeks later.
 * Week 0 ends with a review too, so a suggestion that raises the min buys at once. Items without a
 * rule are not reordered. Pure: the inputs are not modified.
 * @param items the items at their locations.
 * @param options the horizon (default 13 weeks).
 * @returns value and receipts per item and week, for both scenarios.
 * @throws {RangeError} on a negative cost, demand or lead time, a rule with min above max, or a
 *   horizon that is not a whole number ≥ 1; the message names the item.
 * @example
 * const projection = projectInventory([
 *   { unitCost: 2, onHand: 10, weeklyDemand: 4, leadTimeWeeks: 1,
 *     currentRule: null, suggestedRule: { min: 7, max: 12 } },
 * ], { weeks: 3 });
 * projection.current.inventoryValue;   // [20, 12, 4, 0]: no rule, stock runs down
 * projection.suggested.inventoryValue; // [20, 12, 16, 8]: 6 < 7 after week 1 → 6 ordered, in week 2
 */
export function projectInventory(
  items: readonly ProjectionItem[],
  options: ProjectionOptions = {},
): InventoryProjection {
  const weeks = options.weeks ?? 13;
  if (!Number.isInteger(weeks) || weeks < 1) {
    throw new RangeError(`weeks must be a whole number ≥ 1, got ${weeks}`);
  }
  const width = weeks + 1;
  const series = (): ScenarioSeries => ({
    inventoryValue: new Float64Array(items.length * width),
    receiptValue: new Float64Array(items.length * width),
  });
  const current = series();
  const suggested = series();
  const arrivals = new Float64Array(width + 1);
  items.forEach((item, index) => {
    checkItem(item, index);
    simulate(item, item.currentRule, current, index * width, weeks, arrivals);
    simulate(
      item,
      item.suggestedRule === undefined ? item.currentRule : item.suggestedRule,
      suggested,
      index * width,
      weeks,
      arrivals,
    );
  });
  return { weeks, items: items.length, current, suggested };
}

/** One item under one rule, written into `out` from `offset`; `arrivals` is scratch space. */
function simulate(
  item: ProjectionItem,
  rule: MinMaxRule | null,
  out: ScenarioSeries,
  offset: number,
  weeks: number,
  arrivals: Float64Array,
): void {
  arrivals.fill(0);
  let onOrder = 0;
  for (const order of item.openOrders ?? []) {
    // Orders due after the horizon still count as on order: they hold back new orders.
    const week = Math.max(1, Math.floor(order.week));
    if (week <= weeks) arrivals[week] = (arrivals[week] as number) + order.quantity;
    onOrder += order.quantity;
  }
  const lead = Math.max(1, Math.round(item.leadTimeWeeks));
  const minOrder = item.minOrderQty ?? 0;
  const multiple = item.orderMultiple ?? 0;
  const cost = item.unitCost;
  let net = item.onHand;
  for (let week = 0; week <= weeks; week++) {
    if (week > 0) {
      const received = arrivals[week] as number;
      net += received - item.weeklyDemand;
      onOrder -= received;
      out.receiptValue[offset + week] = received * cost;
    }
    out.inventoryValue[offset + week] = Math.max(0, net) * cost;
    if (rule !== null && week < weeks) {
      const position = net + onOrder;
      if (position < rule.min) {
        const quantity = roundUp(Math.max(rule.max - position, minOrder), multiple);
        const due = week + lead;
        if (due <= weeks) arrivals[due] = (arrivals[due] as number) + quantity;
        onOrder += quantity;
      }
    }
  }
}

function checkItem(item: ProjectionItem, index: number): void {
  const nonNegative: Array<[string, number | undefined]> = [
    ["unitCost", item.unitCost],
    ["weeklyDemand", item.weeklyDemand],
    ["leadTimeWeeks", item.leadTimeWeeks],
    ["minOrderQty", item.minOrderQty],
    ["orderMultiple", item.orderMultiple],
  ];
  for (const [name, value] of nonNegative) {
    if (value !== undefined && !(value >= 0 && Number.isFinite(value))) {
      throw new RangeError(`item ${index}: ${name} must be a finite number ≥ 0, got ${value}`);
    }
  }
  if (!Number.isFinite(item.onHand)) {
    throw new RangeError(`item ${index}: onHand must be finite, got ${item.onHand}`);
  }
  for (const [name, rule] of [
    ["currentRule", item.currentRule],
    ["suggestedRule", item.suggestedRule],
  ] as const) {
    if (rule && !(rule.min >= 0 && rule.max >= rule.min && Number.isFinite(rule.max))) {
      throw new RangeError(
        `item ${index}: ${name} needs 0 ≤ min ≤ max, got min ${rule.min}, max ${rule.max}`,
      );
    }
  }
  for (const order of item.openOrders ?? []) {
    if (!(order.quantity >= 0 && Number.isFinite(order.quantity)) || !Number.isFinite(order.week)) {
      throw new RangeError(
        `item ${index}: an open order needs a finite week and a quantity ≥ 0, got week ${order.week}, quantity ${order.quantity}`,
      );
    }
  }
}
