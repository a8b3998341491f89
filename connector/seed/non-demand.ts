/**
 * A handful of stock movements that are NOT demand, so that the extractor's exclusions are
 * exercised on every seeded database: internal transfers to an overflow shelf and back, cycle
 * counts that find stock missing and later find it again (inventory adjustments), and scraps.
 * Transfers and counts are sized to the stock the product holds over their span, so they never
 * take it below zero and stock on hand at the end is the plant's; scraps take stock out for good,
 * so their products open with that much more.
 */
import type { Plant } from "../sources/demo/index.js";
import { DEMAND_EVENT_KINDS } from "../sources/demo/index.js";
import { indexBySku, type MoveSpec } from "./moves.js";

export interface NonDemandEvent {
  readonly product: number;
  readonly day: number;
  /** In the product's unit. */
  readonly quantity: number;
}

export interface NonDemandPlan {
  /** Stock → overflow shelf on `day`, back `TRANSFER_RETURN_DAYS` later. */
  readonly transfers: readonly NonDemandEvent[];
  /** Counted short on `day` (stock → inventory loss), found `COUNT_FOUND_DAYS` later. */
  readonly counts: readonly NonDemandEvent[];
  /** `stock.scrap` documents. */
  readonly scraps: readonly NonDemandEvent[];
  /** Extra opening stock per product: what its scraps take out. */
  readonly extraOpening: Float64Array;
}

const TRANSFERS = 5;
const COUNTS = 3;
const SCRAPS = 3;
export const TRANSFER_RETURN_DAYS = 7;
export const COUNT_FOUND_DAYS = 14;
/** Keep the events this far from either end of the history. */
const MARGIN_DAYS = 30;
/** Products looked at per event, for one with stock to spare. */
const CANDIDATES_PER_EVENT = 3;
const RETURN = DEMAND_EVENT_KINDS.indexOf("return");

/** Picks products spread over the catalogue and days spread over the history. */
export function nonDemandPlan(plant: Plant): NonDemandPlan {
  const stocked = plant.products.flatMap((product, index) =>
    product.openingStock > 0 ? [index] : [],
  );
  const total = TRANSFERS + COUNTS + SCRAPS;
  const span = plant.endDay - plant.startDay - 2 * MARGIN_DAYS;
  const dayOf = (slot: number) =>
    plant.startDay + MARGIN_DAYS + Math.floor(((slot + 1) * span) / (total + 1));
  const pool = Math.min(stocked.length, total * CANDIDATES_PER_EVENT);
  const candidates = Array.from(
    { length: pool },
    (_, position) => stocked[Math.floor(((position + 0.5) * stocked.length) / pool)] as number,
  );
  const levels = stockLevels(plant, candidates);
  const used = new Set<number>();
  const pick = (slot: number, days: number): NonDemandEvent | undefined => {
    const day = dayOf(slot);
    for (let offset = 0; offset < candidates.length; offset++) {
      const product = candidates[(slot * CANDIDATES_PER_EVENT + offset) % candidates.length];
      if (product === undefined || used.has(product)) continue;
      const wanted = Math.max(1, Math.ceil((plant.products[product]?.openingStock ?? 0) * 0.1));
      // Scraps are covered by extra opening stock; the others must fit in what is there.
      const room = days < 0 ? wanted : Math.floor(lowest(levels, plant, product, day, days));
      if (room < 1) continue;
      used.add(product);
      return { product, day, quantity: Math.min(wanted, room) };
    }
    return undefined;
  };
  const events = (first: number, count: number, days: number) =>
    Array.from({ length: count }, (_, index) => pick(first + index, days)).filter(
      (event): event is NonDemandEvent => event !== undefined,
    );
  const transfers = events(0, TRANSFERS, TRANSFER_RETURN_DAYS);
  const counts = events(TRANSFERS, COUNTS, COUNT_FOUND_DAYS);
  const scraps = events(TRANSFERS + COUNTS, SCRAPS, -1);
  const extraOpening = new Float64Array(plant.products.length);
  for (const scrap of scraps) {
    extraOpening[scrap.product] = (extraOpening[scrap.product] as number) + scrap.quantity;
  }
  return { transfers, counts, scraps, extraOpening };
}

/**
 * Stock of each product at the end of every day of the history, taking that day's outflows
 * before its inflows (the pessimistic order).
 */
function stockLevels(plant: Plant, products: readonly number[]): Map<number, Float64Array> {
  const days = plant.endDay - plant.startDay + 1;
  const inflow = new Map<number, Float64Array>();
  const outflow = new Map<number, Float64Array>();
  for (const product of products) {
    inflow.set(product, new Float64Array(days));
    outflow.set(product, new Float64Array(days));
  }
  const add = (
    flows: Map<number, Float64Array>,
    product: number,
    day: number,
    quantity: number,
  ) => {
    const row = flows.get(product);
    if (row && day >= plant.startDay && day <= plant.endDay) {
      row[day - plant.startDay] = (row[day - plant.startDay] as number) + quantity;
    }
  };
  const indexOfSku = indexBySku(plant);
  for (const order of plant.purchaseOrders) {
    if (order.receiptDay !== undefined) {
      add(inflow, indexOfSku.get(order.sku) as number, order.receiptDay, order.quantity);
    }
  }
  for (const order of plant.productionOrders) {
    add(inflow, indexOfSku.get(order.sku) as number, order.day, order.quantity);
  }
  const { demand } = plant;
  for (let event = 0; event < demand.count; event++) {
    const flows = demand.kind[event] === RETURN ? inflow : outflow;
    add(
      flows,
      demand.product[event] as number,
      demand.day[event] as number,
      demand.quantity[event] as number,
    );
  }
  const levels = new Map<number, Float64Array>();
  for (const product of products) {
    const level = new Float64Array(days);
    let balance = plant.products[product]?.openingStock ?? 0;
    const ins = inflow.get(product) as Float64Array;
    const outs = outflow.get(product) as Float64Array;
    for (let day = 0; day < days; day++) {
      // The low point of the day: after its outflows, before its inflows.
      balance -= outs[day] as number;
      level[day] = balance;
      balance += ins[day] as number;
    }
    levels.set(product, level);
  }
  return levels;
}

/** The lowest stock of `product` from `day` through `day + days`. */
function lowest(
  levels: ReadonlyMap<number, Float64Array>,
  plant: Plant,
  product: number,
  day: number,
  days: number,
): number {
  const level = levels.get(product) as Float64Array;
  let minimum = Number.POSITIVE_INFINITY;
  for (let offset = 0; offset <= days; offset++) {
    minimum = Math.min(minimum, level[day + offset - plant.startDay] ?? Number.POSITIVE_INFINITY);
  }
  return minimum;
}

/** The transfers and count corrections as moves (scraps are documents of their own). */
export function nonDemandMoves(plan: NonDemandPlan): MoveSpec[] {
  const moves: MoveSpec[] = [];
  for (const { product, day, quantity } of plan.transfers) {
    moves.push({ product, day, quantity, from: "stock", to: "overflow", flow: "other" });
    moves.push({
      product,
      day: day + TRANSFER_RETURN_DAYS,
      quantity,
      from: "overflow",
      to: "stock",
      flow: "other",
    });
  }
  for (const { product, day, quantity } of plan.counts) {
    const count = { product, quantity, flow: "other", inventory: true } as const;
    moves.push({ ...count, day, from: "stock", to: "inventory" });
    moves.push({ ...count, day: day + COUNT_FOUND_DAYS, from: "inventory", to: "stock" });
  }
  return moves;
}
