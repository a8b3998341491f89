/**
 * The plant's stock movements as done `stock.move` records: opening inventory, production output,
 * deliveries, consumption by production, customer returns, and the movements that are not demand
 * (internal transfers, count corrections). Pure: the same plant gives the same moves, in the same
 * order, which is what lets an interrupted seeding resume batch by batch.
 *
 * The plant's events are aggregated per product, day and kind into one move (a day's deliveries of
 * an item are one delivery), which keeps the move count near the number of product-days.
 */

import type { OdooVals } from "../odoo/index.js";
import { DEMAND_EVENT_KINDS, type DemandEventKind, type Plant } from "../sources/demo/index.js";
import type { LocationKey, SeedSetup } from "./odoo-setup.js";
import { odooNoon } from "./plant-window.js";
import { type MoveFlow, movedQuantity, type ProductUnits } from "./units.js";

export interface MoveSpec {
  /** Index in `plant.products`. */
  readonly product: number;
  readonly day: number;
  /** In the product's unit. */
  readonly quantity: number;
  readonly from: LocationKey;
  readonly to: LocationKey;
  readonly flow: MoveFlow;
  /** An inventory adjustment (Odoo's `is_inventory`): never demand. */
  readonly inventory?: boolean;
}

/** Opening stock, counted the day before the history starts (an inventory adjustment). */
export function openingMoves(plant: Plant, extra: Float64Array): MoveSpec[] {
  const moves: MoveSpec[] = [];
  plant.products.forEach((product, index) => {
    const quantity = product.openingStock + (extra[index] ?? 0);
    if (quantity > 0) {
      moves.push({
        product: index,
        day: plant.startDay - 1,
        quantity,
        from: "inventory",
        to: "stock",
        flow: "other",
        inventory: true,
      });
    }
  });
  return moves;
}

/** Plant positions by SKU. */
export function indexBySku(plant: Plant): Map<string, number> {
  return new Map(plant.products.map((product, index) => [product.sku, index]));
}

/** Made items coming out of production into stock, one move per item and day. */
export function productionMoves(plant: Plant): MoveSpec[] {
  const indexOfSku = indexBySku(plant);
  const orders = plant.productionOrders.map((order) => ({
    day: order.day,
    product: indexOfSku.get(order.sku) as number,
    quantity: order.quantity,
  }));
  return aggregateByDay(orders).map(({ product, day, quantity }) => ({
    product,
    day,
    quantity,
    from: "production",
    to: "stock",
    flow: "other",
  }));
}

const DEMAND_ROUTES: Readonly<
  Record<DemandEventKind, { from: LocationKey; to: LocationKey; flow: MoveFlow }>
> = {
  delivery: { from: "stock", to: "customer", flow: "delivery" },
  consumption: { from: "stock", to: "production", flow: "consumption" },
  return: { from: "customer", to: "stock", flow: "other" },
};

/** The demand events of one kind, one move per product and day, in day then product order. */
export function demandMoves(plant: Plant, kind: DemandEventKind): MoveSpec[] {
  const code = DEMAND_EVENT_KINDS.indexOf(kind);
  const { demand } = plant;
  const events: Array<{ day: number; product: number; quantity: number }> = [];
  for (let event = 0; event < demand.count; event++) {
    if (demand.kind[event] !== code) continue;
    events.push({
      day: demand.day[event] as number,
      product: demand.product[event] as number,
      quantity: demand.quantity[event] as number,
    });
  }
  return aggregateByDay(events).map((move) => ({ ...move, ...DEMAND_ROUTES[kind] }));
}

/** Sums quantities per product and day; sorted by day, then product. */
function aggregateByDay(
  events: ReadonlyArray<{ day: number; product: number; quantity: number }>,
): Array<{ day: number; product: number; quantity: number }> {
  const sums = new Map<string, { day: number; product: number; quantity: number }>();
  for (const event of events) {
    const key = `${event.day}:${event.product}`;
    const sum = sums.get(key);
    if (sum) sum.quantity += event.quantity;
    else sums.set(key, { ...event });
  }
  return [...sums.values()].sort((a, b) => a.day - b.day || a.product - b.product);
}

/** What `moveVals` needs to turn a spec into Odoo values. */
export interface MoveContext {
  readonly setup: SeedSetup;
  /** `product.product` id of each plant product. */
  readonly productIds: readonly number[];
  readonly units: readonly ProductUnits[];
}

/**
 * A done move with its one done move line, both dated at noon of the spec's day. Giving the line
 * (rather than a `quantity`) keeps Odoo from searching quants to reserve, and dates the line too.
 * @param returnOf the delivery move a customer return comes back from.
 */
export function moveVals(
  spec: MoveSpec,
  context: MoveContext,
  origin: string,
  returnOf?: number,
): OdooVals {
  const { setup } = context;
  const moved = movedQuantity(
    context.units[spec.product] as ProductUnits,
    spec.flow,
    spec.quantity,
  );
  const product = context.productIds[spec.product] as number;
  const uom = setup.uoms[moved.uom];
  const date = odooNoon(spec.day);
  const from = setup.locations[spec.from];
  const to = setup.locations[spec.to];
  return {
    product_id: product,
    product_uom: uom,
    product_uom_qty: moved.quantity,
    location_id: from,
    location_dest_id: to,
    state: "done",
    date,
    origin,
    is_inventory: spec.inventory,
    origin_returned_move_id: returnOf,
    move_line_ids: [
      [
        0,
        0,
        {
          product_id: product,
          product_uom_id: uom,
          quantity: moved.quantity,
          location_id: from,
          location_dest_id: to,
          date,
        },
      ],
    ],
  };
}
