/**
 * Purchases on order: receipts of confirmed purchase lines not received yet (incoming moves from a
 * supplier location into the company's internal locations, neither done nor cancelled), by product
 * and warehouse, with the day they are expected (the move's scheduled `date`). The cash projection
 * lets them arrive in that week. Quantities are in the product's unit (`product_qty`).
 */
import { z } from "zod";
import {
  datetime,
  dayOf,
  nonNegative,
  recordId,
  requiredMany2one,
} from "../extract/odoo-values.js";
import { type IssueLog, parseRecords } from "../extract/record-issues.js";
import type { CompanyScope } from "../extract/scope.js";
import type { OdooClient } from "../odoo/index.js";

export interface OpenPurchase {
  readonly productId: number;
  /** 0: an internal location under no warehouse. */
  readonly warehouseId: number;
  readonly quantity: number;
  /** Expected receipt day, `YYYY-MM-DD`. */
  readonly expectedOn: string;
}

const openMoveSchema = z.object({
  id: recordId,
  product_id: requiredMany2one,
  product_qty: nonNegative,
  date: datetime,
  location_dest_id: requiredMany2one,
});

/** The states of a move still to be received. */
const OPEN_STATES = ["waiting", "confirmed", "partially_available", "assigned"];

/**
 * Reads the open purchase receipts of `productIds`.
 * @returns by product id.
 */
export async function readOpenPurchases(
  odoo: OdooClient,
  scope: CompanyScope,
  productIds: readonly number[],
  log: IssueLog,
): Promise<Map<number, OpenPurchase[]>> {
  const byProduct = new Map<number, OpenPurchase[]>();
  if (productIds.length === 0) return byProduct;
  const records = await odoo.searchRead(
    "stock.move",
    [
      ["state", "in", OPEN_STATES],
      ["location_usage", "=", "supplier"],
      ["location_dest_usage", "=", "internal"],
      ["purchase_line_id", "!=", false],
      ["product_id", "in", [...productIds]],
    ],
    { fields: ["product_id", "product_qty", "date", "location_dest_id"], context: scope.context },
  );
  for (const move of parseRecords("stock.move", openMoveSchema, records, log)) {
    const warehouseId = scope.warehouseOfLocation.get(move.location_dest_id);
    // A destination outside the company's internal locations is another company's.
    if (warehouseId === undefined || move.product_qty === 0) continue;
    const list = byProduct.get(move.product_id) ?? [];
    list.push({
      productId: move.product_id,
      warehouseId,
      quantity: move.product_qty,
      expectedOn: dayOf(move.date),
    });
    byProduct.set(move.product_id, list);
  }
  return byProduct;
}
