/**
 * Stock on hand (`stock.quant` in the company's internal locations, summed by Odoo per product and
 * location) and the current reordering rules (`stock.warehouse.orderpoint`). Quants are always in
 * the product's unit.
 */
import { z } from "zod";
import type { OdooClient } from "../odoo/index.js";
import { finite, many2one, nonNegative, recordId, requiredMany2one } from "./odoo-values.js";
import { type IssueLog, parseRecords } from "./record-issues.js";
import type { CompanyScope } from "./scope.js";

/** On hand of one product at one warehouse (0: internal locations under no warehouse). */
export type OnHandEntry = readonly [warehouseId: number, quantity: number];

export interface OrderpointFacts {
  readonly id: number;
  readonly productId: number;
  readonly locationId: number;
  readonly warehouseId: number;
  readonly minQty: number;
  readonly maxQty: number;
  /** The unit orders are rounded to (`replenishment_uom_id`), or null. */
  readonly replenishmentUnitId: number | null;
}

const quantGroupSchema = z.object({
  product_id: requiredMany2one,
  location_id: requiredMany2one,
  "quantity:sum": finite,
});

/** Reads on hand of `productIds` by warehouse. */
export async function readOnHand(
  odoo: OdooClient,
  scope: CompanyScope,
  productIds: readonly number[],
  log: IssueLog,
): Promise<Map<number, OnHandEntry[]>> {
  const onHand = new Map<number, Map<number, number>>();
  const locations = [...scope.warehouseOfLocation.keys()];
  if (productIds.length === 0 || locations.length === 0) return new Map();
  const groups = await odoo.formattedReadGroup(
    "stock.quant",
    [
      ["product_id", "in", [...productIds]],
      ["location_id", "in", locations],
    ],
    ["product_id", "location_id"],
    ["quantity:sum"],
    { context: scope.context },
  );
  for (const group of groups) {
    const parsed = quantGroupSchema.safeParse(group);
    if (!parsed.success) {
      log.add("stock.quant", 0, `unreadable group ${JSON.stringify(group).slice(0, 200)}`);
      continue;
    }
    const { product_id: productId, location_id: locationId } = parsed.data;
    const warehouseId = scope.warehouseOfLocation.get(locationId) ?? 0;
    const byWarehouse = onHand.get(productId) ?? new Map<number, number>();
    byWarehouse.set(warehouseId, (byWarehouse.get(warehouseId) ?? 0) + parsed.data["quantity:sum"]);
    onHand.set(productId, byWarehouse);
  }
  return new Map(
    [...onHand].map(([productId, byWarehouse]) => [
      productId,
      [...byWarehouse].sort((a, b) => a[0] - b[0]),
    ]),
  );
}

const orderpointSchema = z
  .object({
    id: recordId,
    product_id: requiredMany2one,
    location_id: requiredMany2one,
    warehouse_id: many2one,
    product_min_qty: nonNegative,
    product_max_qty: nonNegative,
    replenishment_uom_id: many2one,
  })
  .refine((rule) => rule.product_min_qty <= rule.product_max_qty, {
    message: "product_min_qty is above product_max_qty",
  });

/** Reads the active reordering rules of `productIds`, by product id. */
export async function readOrderpoints(
  odoo: OdooClient,
  scope: CompanyScope,
  productIds: readonly number[],
  log: IssueLog,
): Promise<Map<number, OrderpointFacts[]>> {
  const byProduct = new Map<number, OrderpointFacts[]>();
  if (productIds.length === 0) return byProduct;
  const records = await odoo.searchRead(
    "stock.warehouse.orderpoint",
    [["product_id", "in", [...productIds]]],
    {
      fields: [
        "product_id",
        "location_id",
        "warehouse_id",
        "product_min_qty",
        "product_max_qty",
        "replenishment_uom_id",
      ],
      context: scope.context,
    },
  );
  for (const rule of parseRecords("stock.warehouse.orderpoint", orderpointSchema, records, log)) {
    const list = byProduct.get(rule.product_id) ?? [];
    list.push({
      id: rule.id,
      productId: rule.product_id,
      locationId: rule.location_id,
      warehouseId: rule.warehouse_id ?? scope.warehouseOfLocation.get(rule.location_id) ?? 0,
      minQty: rule.product_min_qty,
      maxQty: rule.product_max_qty,
      replenishmentUnitId: rule.replenishment_uom_id,
    });
    byProduct.set(rule.product_id, list);
  }
  return byProduct;
}
