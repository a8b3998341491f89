/**
 * Every done stock movement of a span, per product, warehouse and UTC day, sorted into what the
 * service measure needs (`analytics/feedback/achieved-service.ts`):
 * - **demand**: out of a warehouse's internal locations to a customer or to production (DESIGN.md
 *   "Demand");
 * - **inflow**: into them from anywhere outside the warehouse: vendors, production output,
 *   customer returns, inventory counts up, transfers from another warehouse;
 * - **other outflow**: out of them to anywhere else: scrap and counts down, returns to vendors,
 *   transfers to another warehouse.
 * Moves between two locations of one warehouse change nothing. Quantities are the done `quantity`
 * in the product's unit. Odoo aggregates per product, unit and pair of locations, with the dates
 * and quantities as arrays (as the demand read does).
 */
import { z } from "zod";
import { moveArraysGroupSchema } from "../extract/demand.js";
import { dayOf, recordId } from "../extract/odoo-values.js";
import type { ProductFacts } from "../extract/products.js";
import type { IssueLog } from "../extract/record-issues.js";
import type { CompanyScope } from "../extract/scope.js";
import { UnitMismatchError, type UnitTable } from "../extract/units.js";
import type { OdooClient } from "../odoo/index.js";

export type FlowKind = "demand" | "inflow" | "otherOutflow";

/** Per product id, then warehouse id: per day (`YYYY-MM-DD`), the three flows. */
export type StockFlows = Map<number, Map<number, Map<string, Record<FlowKind, number>>>>;

const locationSchema = z.object({ id: recordId, usage: z.string() });

const DEMAND_USAGES = new Set(["customer", "production"]);
const PRODUCTS_PER_CALL = 500;

/**
 * Reads the flows of `products` from `since` (a UTC datetime) to now.
 */
export async function readStockFlows(
  odoo: OdooClient,
  scope: CompanyScope,
  units: UnitTable,
  products: readonly ProductFacts[],
  since: string,
  log: IssueLog,
): Promise<StockFlows> {
  const unitOf = new Map(products.map((product) => [product.id, product.uomId]));
  const ids = [...unitOf.keys()];
  const chunks: number[][] = [];
  for (let start = 0; start < ids.length; start += PRODUCTS_PER_CALL)
    chunks.push(ids.slice(start, start + PRODUCTS_PER_CALL));
  const groups = (
    await Promise.all(
      chunks.map((chunk) =>
        odoo.formattedReadGroup(
          "stock.move",
          [
            ["state", "=", "done"],
            ["date", ">=", since],
            ["product_id", "in", chunk],
            "|",
            ["location_usage", "=", "internal"],
            ["location_dest_usage", "=", "internal"],
          ],
          ["product_id", "product_uom", "location_id", "location_dest_id"],
          ["quantity:array_agg", "date:array_agg"],
          { context: scope.context },
        ),
      ),
    )
  ).flat();
  const rows = groups.flatMap((group) => {
    const parsed = moveArraysGroupSchema.safeParse(group);
    if (parsed.success) return [parsed.data];
    log.add("stock.move", 0, `unreadable flow group ${JSON.stringify(group).slice(0, 200)}`);
    return [];
  });
  const usageOf = await readUsages(
    odoo,
    scope,
    rows.flatMap((row) => [row.location_id, row.location_dest_id]),
  );
  const flows: StockFlows = new Map();
  const add = (
    productId: number,
    warehouse: number,
    day: string,
    kind: FlowKind,
    quantity: number,
  ) => {
    const byWarehouse = flows.get(productId) ?? new Map();
    flows.set(productId, byWarehouse);
    const byDay = byWarehouse.get(warehouse) ?? new Map<string, Record<FlowKind, number>>();
    byWarehouse.set(warehouse, byDay);
    const cell = byDay.get(day) ?? { demand: 0, inflow: 0, otherOutflow: 0 };
    cell[kind] += quantity;
    byDay.set(day, cell);
  };
  for (const row of rows) {
    const from = scope.warehouseOfLocation.get(row.location_id);
    const to = scope.warehouseOfLocation.get(row.location_dest_id);
    if (from !== undefined && to !== undefined && from === to) continue;
    let factor: number;
    try {
      factor = units.convert(1, row.product_uom, unitOf.get(row.product_id) ?? row.product_uom);
    } catch (error) {
      if (!(error instanceof UnitMismatchError)) throw error;
      log.add(
        "product.product",
        row.product_id,
        `stock moves in a unit of another kind: ${error.message}`,
      );
      continue;
    }
    const toDemand = DEMAND_USAGES.has(usageOf.get(row.location_dest_id) ?? "");
    const dates = row["date:array_agg"];
    row["quantity:array_agg"].forEach((quantity, index) => {
      const day = dayOf(dates[index] as string);
      const converted = quantity * factor;
      if (from !== undefined)
        add(row.product_id, from, day, toDemand ? "demand" : "otherOutflow", converted);
      if (to !== undefined) add(row.product_id, to, day, "inflow", converted);
    });
  }
  return flows;
}

async function readUsages(
  odoo: OdooClient,
  scope: CompanyScope,
  locationIds: readonly number[],
): Promise<Map<number, string>> {
  const ids = [...new Set(locationIds)].filter((id) => !scope.warehouseOfLocation.has(id));
  if (ids.length === 0) return new Map();
  const records = await odoo.read("stock.location", ids, {
    fields: ["usage"],
    context: { ...scope.context, active_test: false },
  });
  return new Map(
    records.flatMap((record) => {
      const parsed = locationSchema.safeParse(record);
      return parsed.success ? [[parsed.data.id, parsed.data.usage] as const] : [];
    }),
  );
}
