/** What is known about an item at one stock point now. */
export interface StockPosition {
  /** Stock on hand, in the item's unit (negative when the ERP let it go below zero). */
  readonly onHand: number;
  /** Demand waiting to be served from this stock point: confirmed, unshipped quantity. */
  readonly openDemand: number;
  /** Average demand per day, to express the shortage as days of demand (0 when unknown). */
  readonly averageDailyDemand?: number;
}

export interface Stockout {
  /** Open demand the stock on hand cannot serve. */
  /** Units needed to serve the open demand (and to make up stock below zero). */
  readonly shortQuantity: number;
  /** The shortage in days of average demand; null without an average. */
  readonly shortDays: number | null;
}

/**
 * A stockout is stock on hand at or below zero while demand waits to be served (DESIGN.md
 * "Events"). Stock that is merely low is not one: the reorder point is there for it. An item at
 * zero that nobody asks for is not one either.
 * @param position on hand and open demand at one stock point.
 * @returns the shortage, or null when there is no stockout.
 * @throws {RangeError} on a non-finite quantity or negative open demand.
 * @example
 * detectStockout({ onHand: 0, openDemand: 12, averageDailyDemand: 4 }); // { shortQuantity: 12, shortDays: 3 }
 * detectStockout({ onHand: 5, openDemand: 12 }); // null: stock left (the reorder point's business)
 */
export function detectStockout(position: StockPosition): Stockout | null {
  const { onHand, openDemand } = position;
  const daily = position.averageDailyDemand ?? 0;
  if (!Number.isFinite(onHand)) throw new RangeError(`onHand must be finite, got ${onHand}`);
  if (!(openDemand >= 0) || !Number.isFinite(openDemand))
    throw new RangeError(`openDemand must be a finite number ≥ 0, got ${openDemand}`);
  if (!(daily >= 0) || !Number.isFinite(daily))
    throw new RangeError(`averageDailyDemand must be a finite number ≥ 0, got ${daily}`);
  if (onHand > 0 || openDemand <= 0) return null;
  const shortQuantity = openDemand - onHand;
  return { shortQuantity, shortDays: daily > 0 ? shortQuantity / daily : null };
}
