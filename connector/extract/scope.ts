/**
 * What a run covers: one company (every read and write carries its `allowed_company_ids`, so
 * another company's moves never leak into its demand), its warehouses, and which warehouse each
 * internal location belongs to.
 */
import { z } from "zod";
import type { OdooClient, OdooContext } from "../odoo/index.js";
import { many2one, recordId, requiredMany2one } from "./odoo-values.js";
import { type IssueLog, parseRecords } from "./record-issues.js";

export interface WarehouseFacts {
  readonly id: number;
  readonly code: string;
  readonly name: string;
  /** The warehouse's stock location (`lot_stock_id`): where suggestions and orderpoints live. */
  readonly stockLocationId: number;
}

export interface CompanyScope {
  readonly companyId: number;
  /** Context for every call: the company, UTC days, the language left to the user's. */
  readonly context: OdooContext;
  readonly warehouses: readonly WarehouseFacts[];
  /** Internal location id → its warehouse id (0 when under no warehouse). */
  readonly warehouseOfLocation: ReadonlyMap<number, number>;
}

/** The context that scopes calls to one company and makes `date:day` groups UTC days. */
export function companyContext(companyId: number): OdooContext {
  return { allowed_company_ids: [companyId], tz: "UTC" };
}

const warehouseSchema = z.object({
  id: recordId,
  code: z.string().min(1),
  name: z.string(),
  lot_stock_id: requiredMany2one,
});

const locationSchema = z.object({ id: recordId, warehouse_id: many2one });

/** Reads the company's warehouses and internal locations (archived locations too: old moves use them). */
export async function readCompanyScope(
  odoo: OdooClient,
  companyId: number,
  log: IssueLog,
): Promise<CompanyScope> {
  const context = companyContext(companyId);
  const [warehouseRecords, locationRecords] = await Promise.all([
    odoo.searchRead("stock.warehouse", [["company_id", "=", companyId]], {
      fields: ["code", "name", "lot_stock_id"],
      context,
    }),
    odoo.searchRead(
      "stock.location",
      [
        ["usage", "=", "internal"],
        ["company_id", "=", companyId],
      ],
      { fields: ["warehouse_id"], context: { ...context, active_test: false } },
    ),
  ]);
  const warehouses = parseRecords("stock.warehouse", warehouseSchema, warehouseRecords, log).map(
    (warehouse) => ({
      id: warehouse.id,
      code: warehouse.code,
      name: warehouse.name,
      stockLocationId: warehouse.lot_stock_id,
    }),
  );
  const warehouseOfLocation = new Map(
    parseRecords("stock.location", locationSchema, locationRecords, log).map((location) => [
      location.id,
      location.warehouse_id ?? 0,
    ]),
  );
  return { companyId, context, warehouses, warehouseOfLocation };
}
