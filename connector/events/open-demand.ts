/**
 * Demand waiting for stock: outgoing moves (to customers or production) confirmed but not done,
 * less what is already reserved for them, per product and warehouse, in the product's unit. It
 * tells a stockout (an empty shelf someone is waiting at) from stock that is merely zero.
 */
import { z } from "zod";
import { finite, requiredMany2one } from "../extract/odoo-values.js";
import type { ProductFacts } from "../extract/products.js";
import type { IssueLog } from "../extract/record-issues.js";
import type { CompanyScope } from "../extract/scope.js";
import type { ProductData, Snapshot } from "../extract/snapshot.js";
import { UnitMismatchError, type UnitTable } from "../extract/units.js";
import type { Domain, OdooClient } from "../odoo/index.js";
import type { StockPositionFacts } from "./detect.js";

const groupSchema = z.object({
  product_id: requiredMany2one,
  location_id: requiredMany2one,
  product_uom: requiredMany2one,
  "product_uom_qty:sum": finite,
  "quantity:sum": finite,
});

/** Open demand by product id, then warehouse id (0: internal locations under no warehouse). */
export type OpenDemand = Map<number, Map<number, number>>;

/**
 * @param products the products to read, with their units.
 * @param dueBefore only moves scheduled before this datetime (`YYYY-MM-DD HH:MM:SS`), e.g. overdue ones.
 */
export async function readOpenDemand(
  odoo: OdooClient,
  scope: CompanyScope,
  units: UnitTable,
  products: readonly ProductFacts[],
  log: IssueLog,
  dueBefore?: string,
): Promise<OpenDemand> {
  const open: OpenDemand = new Map();
  if (products.length === 0) return open;
  const unitOf = new Map(products.map((product) => [product.id, product.uomId]));
  const domain: Domain = [
    ["state", "in", ["confirmed", "partially_available", "waiting", "assigned"]],
    ["location_usage", "=", "internal"],
    ["location_dest_usage", "in", ["customer", "production"]],
    ["product_id", "in", [...unitOf.keys()]],
    ...(dueBefore === undefined ? [] : [["date", "<", dueBefore] as const]),
  ];
  const groups = await odoo.formattedReadGroup(
    "stock.move",
    domain,
    ["product_id", "location_id", "product_uom"],
    ["product_uom_qty:sum", "quantity:sum"],
    { context: scope.context },
  );
  for (const group of groups) {
    const parsed = groupSchema.safeParse(group);
    if (!parsed.success) {
      log.add(
        "stock.move",
        0,
        `unreadable open-demand group ${JSON.stringify(group).slice(0, 200)}`,
      );
      continue;
    }
    const row = parsed.data;
    const waiting = row["product_uom_qty:sum"] - row["quantity:sum"];
    const unit = unitOf.get(row.product_id);
    if (waiting <= 0 || unit === undefined) continue;
    let quantity: number;
    try {
      quantity = units.convert(waiting, row.product_uom, unit);
    } catch (error) {
      if (!(error instanceof UnitMismatchError)) throw error;
      log.add(
        "stock.move",
        0,
        `open demand of product ${row.product_id} in a unit of another kind`,
      );
      continue;
    }
    const warehouse = scope.warehouseOfLocation.get(row.location_id) ?? 0;
    const byWarehouse = open.get(row.product_id) ?? new Map<number, number>();
    byWarehouse.set(warehouse, (byWarehouse.get(warehouse) ?? 0) + quantity);
    open.set(row.product_id, byWarehouse);
  }
  return open;
}

/**
 * The positions a stockout can be among: each of `products` without stock in some warehouse, at
 * every warehouse where demand waits for it (open demand is read for those products only).
 */
export async function stockoutCandidates(
  odoo: OdooClient,
  scope: CompanyScope,
  snapshot: Snapshot,
  products: Iterable<ProductData>,
  log: IssueLog,
): Promise<StockPositionFacts[]> {
  const onHandAt = (data: ProductData, warehouseId: number) =>
    data.onHand.find(([id]) => id === warehouseId)?.[1] ?? 0;
  const bare = [...products].filter((data) =>
    snapshot.warehouses.some((warehouse) => onHandAt(data, warehouse.id) <= 0),
  );
  const open = await readOpenDemand(
    odoo,
    scope,
    snapshot.units,
    bare.map((data) => data.facts),
    log,
  );
  return bare.flatMap((data) =>
    [...(open.get(data.facts.id) ?? [])].map(([warehouseId, openDemand]) => ({
      productId: data.facts.id,
      warehouseId,
      onHand: onHandAt(data, warehouseId),
      openDemand,
    })),
  );
}
