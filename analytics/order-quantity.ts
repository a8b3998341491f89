import { roundUp } from "./service-level.js";

/**
 * The economic order quantity √(2·K·D / h) (Harris 1913; Silver, Pyke & Thomas 2017, eq. 4.3).
 * Without a holding cost the EOQ is unbounded; a year of demand is returned instead, because an
 * order covering more than a year is never what a buyer means.
 * @param annualDemand D, units per year.
 * @param orderCost K, per order.
 * @param holdingCostPerUnitYear h, per unit and year.
 * @returns the EOQ in units (0 without demand or without order cost).
 * @throws {RangeError} on a negative or non-finite argument.
 * @example
 * economicOrderQuantity(1200, 50, 2.5); // √(2·50·1200/2.5) ≈ 219.1
 */
export function economicOrderQuantity(
  annualDemand: number,
  orderCost: number,
  holdingCostPerUnitYear: number,
): number {
  for (const [name, value] of [
    ["annual demand", annualDemand],
    ["order cost", orderCost],
    ["holding cost", holdingCostPerUnitYear],
  ] as const) {
    if (!(value >= 0) || !Number.isFinite(value)) {
      throw new RangeError(`${name} must be a finite number ≥ 0, got ${value}`);
    }
  }
  if (annualDemand === 0) return 0;
  if (holdingCostPerUnitYear === 0) return annualDemand;
  return Math.min(annualDemand, Math.sqrt((2 * orderCost * annualDemand) / holdingCostPerUnitYear));
}

/** The rules an order has to respect, besides economics. */
export interface OrderRules {
  readonly economicOrderQuantity: number;
  /** Mean demand over one review period: an order should last until the next review. */
  readonly reviewPeriodDemand: number;
  /** Minimum order quantity (0 for none). */
  readonly minOrderQty: number;
  /** Orders come in multiples of this (> 0). */
  readonly orderMultiple: number;
}

/**
 * The order quantity of a min/max policy, Max − reorder point: max(EOQ, MOQ, review-period demand),
 * rounded up to the order multiple (DESIGN.md "Methods").
 * @param rules EOQ, review-period demand, MOQ and order multiple.
 * @returns the quantity, a multiple of `orderMultiple` (0 when all three are 0).
 * @example
 * orderQuantity({ economicOrderQuantity: 219.1, reviewPeriodDemand: 100, minOrderQty: 250, orderMultiple: 24 }); // 264
 */
export function orderQuantity(rules: OrderRules): number {
  const wanted = Math.max(rules.economicOrderQuantity, rules.minOrderQty, rules.reviewPeriodDemand);
  return wanted > 0 ? roundUp(wanted, rules.orderMultiple) : 0;
}
