/**
 * Purchase history as real documents, because lead times are read from them: each plant purchase
 * becomes a purchase order, confirmed through `button_confirm` (which creates its receipt), whose
 * receipt is validated through `button_validate` when the plant received it. Odoo stamps both with
 * the current time, so the dates are then written back: `date_approve` = the plant's approval day,
 * the receipt's `date_done` and its moves' `date` (and through them the move lines') = receipt day.
 * Orders still open at the end of the history stay confirmed with their receipt ready.
 *
 * Everything goes in batches: one `button_confirm` per 100 orders, one `button_validate` per 200
 * receipts, one `write` per distinct date. Orders are found again by `origin` =
 * `invseg-seed/po/<n>` (n = position in `plant.purchaseOrders`).
 */
import type { OdooClient, OdooRecord, OdooVals } from "../odoo/index.js";
import type { Plant, PurchaseOrder } from "../sources/demo/index.js";
import type { CatalogIds } from "./catalog.js";
import { SeedIntegrityError } from "./errors.js";
import { pushTo, QUIET_CONTEXT, SEED_ORIGIN, writeByValue } from "./odoo-batches.js";
import { idOf, type SeedSetup } from "./odoo-setup.js";
import { odooNoon } from "./plant-window.js";
import { type ProductUnits, purchasedQuantity } from "./units.js";

const ORIGIN_PREFIX = `${SEED_ORIGIN}/po/`;
const CREATE_BATCH = 200;
const CONFIRM_BATCH = 100;
const VALIDATE_BATCH = 200;
const READ_CHUNK = 2000;

export interface PurchaseContext {
  readonly setup: SeedSetup;
  readonly units: readonly ProductUnits[];
  readonly ids: CatalogIds;
  /** Plant position of each SKU. */
  readonly indexOfSku: ReadonlyMap<string, number>;
}

/** A draft order of one line, dated on the plant's approval day, planned on its promised day. */
export function purchaseOrderVals(
  order: PurchaseOrder,
  position: number,
  context: PurchaseContext,
): OdooVals {
  const product = context.indexOfSku.get(order.sku) as number;
  const bought = purchasedQuantity(context.units[product] as ProductUnits, order.quantity);
  const unitsPerLine = order.quantity / bought.quantity;
  return {
    partner_id: context.ids.vendorIds.get(order.vendorCode) as number,
    date_order: odooNoon(order.approveDay),
    origin: `${ORIGIN_PREFIX}${position}`,
    order_line: [
      [
        0,
        0,
        {
          product_id: context.ids.productIds[product] as number,
          product_qty: bought.quantity,
          product_uom_id: context.setup.uoms[bought.uom],
          price_unit: Math.round(order.price * unitsPerLine * 100) / 100,
          date_planned: odooNoon(order.plannedDay),
        },
      ],
    ],
  };
}

/** Creates, confirms, receives and back-dates the plant's purchase orders; returns counts. */
export async function seedPurchases(
  odoo: OdooClient,
  plant: Plant,
  context: PurchaseContext,
  onProgress: (done: number, total: number) => void,
): Promise<Record<string, number>> {
  const orders = plant.purchaseOrders;
  const received = orders.filter((order) => order.receiptDay !== undefined).length;
  const total = 2 * orders.length + 2 * received;
  let done = 0;
  const advance = (steps: number) => {
    done += steps;
    onProgress(done, total);
  };
  const counts: Record<string, number> = {};

  let seeded = await seededOrders(odoo, ["state"]);
  const missing = orders.flatMap((_, position) => (seeded.has(position) ? [] : [position]));
  for (let start = 0; start < missing.length; start += CREATE_BATCH) {
    const batch = missing.slice(start, start + CREATE_BATCH);
    await odoo.create(
      "purchase.order",
      batch.map((position) =>
        purchaseOrderVals(orders[position] as PurchaseOrder, position, context),
      ),
      { batchSize: batch.length, context: QUIET_CONTEXT },
    );
    advance(batch.length);
  }
  counts["purchase.order"] = missing.length;
  advance(orders.length - missing.length);
  if (missing.length > 0) seeded = await seededOrders(odoo, ["state"]);

  counts["purchase.order confirmed"] = await confirm(odoo, seeded, advance);
  seeded = await seededOrders(odoo, ["state", "picking_ids"]);
  const unconfirmed = [...seeded.values()].filter((order) => order.state !== "purchase");
  if (unconfirmed.length > 0) {
    throw new SeedIntegrityError(
      `${unconfirmed.length} seeded purchase orders are not confirmed (e.g. id ${unconfirmed[0]?.id}, state ${String(unconfirmed[0]?.state)})`,
    );
  }

  const pickingDay = new Map<number, number>();
  seeded.forEach((order, position) => {
    const receiptDay = orders[position]?.receiptDay;
    if (receiptDay === undefined) return;
    const pickings = order.picking_ids as number[];
    if (pickings.length !== 1) {
      throw new SeedIntegrityError(
        `purchase order ${order.id} (${ORIGIN_PREFIX}${position}) has ${pickings.length} receipts; expected 1`,
      );
    }
    pickingDay.set(pickings[0] as number, receiptDay);
  });
  counts["stock.picking validated"] = await validate(odoo, [...pickingDay.keys()], advance);

  counts["purchase.order back-dated"] = await writeByValue(
    odoo,
    "purchase.order",
    "date_approve",
    groupByDay(seeded, (position) => orders[position]?.approveDay),
  );
  const pickingsByDay = new Map<string, number[]>();
  for (const [picking, day] of pickingDay) pushTo(pickingsByDay, odooNoon(day), picking);
  await writeByValue(odoo, "stock.picking", "date_done", pickingsByDay);
  const movesByDay = new Map<string, number[]>();
  const pickingIds = [...pickingDay.keys()];
  for (let start = 0; start < pickingIds.length; start += READ_CHUNK) {
    const moves = await odoo.searchRead(
      "stock.move",
      [["picking_id", "in", pickingIds.slice(start, start + READ_CHUNK)]],
      { fields: ["picking_id"] },
    );
    for (const move of moves) {
      const day = pickingDay.get(idOf(move.picking_id) as number) as number;
      pushTo(movesByDay, odooNoon(day), move.id);
    }
  }
  counts["stock.move back-dated"] = await writeByValue(
    odoo,
    "stock.move",
    "date",
    movesByDay,
    (written, days) => onProgress(done + Math.round((received * written) / days), total),
  );
  advance(received);
  return counts;
}

/** The seeded orders by plant position. */
async function seededOrders(
  odoo: OdooClient,
  fields: readonly string[],
): Promise<Map<number, OdooRecord>> {
  const records = await odoo.searchRead(
    "purchase.order",
    [["origin", "=like", `${ORIGIN_PREFIX}%`]],
    { fields: ["origin", ...fields] },
  );
  return new Map(
    records.map((record) => [Number(String(record.origin).slice(ORIGIN_PREFIX.length)), record]),
  );
}

/** Confirms the draft orders (and approves those waiting for approval); returns how many. */
async function confirm(
  odoo: OdooClient,
  seeded: ReadonlyMap<number, OdooRecord>,
  advance: (steps: number) => void,
): Promise<number> {
  const records = [...seeded.values()];
  const drafts = records.filter((order) => order.state === "draft" || order.state === "sent");
  for (let start = 0; start < drafts.length; start += CONFIRM_BATCH) {
    const batch = drafts.slice(start, start + CONFIRM_BATCH).map((order) => order.id);
    await odoo.call("purchase.order", "button_confirm", { ids: batch, context: QUIET_CONTEXT });
    advance(batch.length);
  }
  advance(records.length - drafts.length);
  // A company with two-step approval leaves large orders "to approve"; the seeding user approves.
  const waiting = await odoo.search("purchase.order", [
    ["origin", "=like", `${ORIGIN_PREFIX}%`],
    ["state", "=", "to approve"],
  ]);
  for (let start = 0; start < waiting.length; start += CONFIRM_BATCH) {
    await odoo.call("purchase.order", "button_approve", {
      ids: waiting.slice(start, start + CONFIRM_BATCH),
      context: QUIET_CONTEXT,
    });
  }
  return drafts.length;
}

/** Validates the receipts not yet done; returns how many. */
async function validate(
  odoo: OdooClient,
  pickingIds: readonly number[],
  advance: (steps: number) => void,
): Promise<number> {
  const open: number[] = [];
  for (let start = 0; start < pickingIds.length; start += READ_CHUNK) {
    const pickings = await odoo.searchRead(
      "stock.picking",
      [
        ["id", "in", pickingIds.slice(start, start + READ_CHUNK)],
        ["state", "!=", "done"],
      ],
      { fields: ["state"] },
    );
    open.push(...pickings.map((picking) => picking.id));
  }
  advance(pickingIds.length - open.length);
  for (let start = 0; start < open.length; start += VALIDATE_BATCH) {
    const batch = open.slice(start, start + VALIDATE_BATCH);
    // Full quantities: no backorder wizard. The answer may be a report action; states tell.
    await odoo.call("stock.picking", "button_validate", { ids: batch, context: QUIET_CONTEXT });
    const left = await odoo.search("stock.picking", [
      ["id", "in", batch],
      ["state", "!=", "done"],
    ]);
    if (left.length > 0) {
      throw new SeedIntegrityError(
        `button_validate left ${left.length} receipts not done (ids ${left.slice(0, 5).join(", ")}…)`,
      );
    }
    advance(batch.length);
  }
  return open.length;
}

function groupByDay(
  seeded: ReadonlyMap<number, OdooRecord>,
  dayOf: (position: number) => number | undefined,
): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  for (const [position, record] of seeded) {
    const day = dayOf(position);
    if (day !== undefined) pushTo(groups, odooNoon(day), record.id);
  }
  return groups;
}
