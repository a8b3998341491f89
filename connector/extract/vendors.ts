/**
 * Vendor lines (`product.supplierinfo`): who can supply a product, the promised lead time (`delay`,
 * days), the minimum quantity and the unit it is bought in. A line names a template (all its
 * variants) or one variant.
 */
import { z } from "zod";
import type { OdooClient } from "../odoo/index.js";
import { many2one, nonNegative, optionalDate, recordId, requiredMany2one } from "./odoo-values.js";
import { type IssueLog, parseRecords } from "./record-issues.js";
import type { CompanyScope } from "./scope.js";

export interface VendorLine {
  readonly id: number;
  readonly vendorId: number;
  readonly templateId: number;
  /** Set when the line is for one variant only. */
  readonly productId: number | null;
  readonly delayDays: number;
  readonly minQty: number;
  readonly unitId: number | null;
  readonly sequence: number;
  /** Validity, `YYYY-MM-DD` or null for open-ended. */
  readonly dateStart: string | null;
  readonly dateEnd: string | null;
}

const supplierInfoSchema = z.object({
  id: recordId,
  partner_id: requiredMany2one,
  product_tmpl_id: requiredMany2one,
  product_id: many2one,
  delay: z.number().int().min(0),
  min_qty: nonNegative,
  product_uom_id: many2one,
  sequence: z.number().int(),
  date_start: optionalDate,
  date_end: optionalDate,
});

/** Reads the vendor lines of `templateIds`, by template id. */
export async function readVendorLines(
  odoo: OdooClient,
  scope: CompanyScope,
  templateIds: readonly number[],
  log: IssueLog,
): Promise<Map<number, VendorLine[]>> {
  const byTemplate = new Map<number, VendorLine[]>();
  if (templateIds.length === 0) return byTemplate;
  const records = await odoo.searchRead(
    "product.supplierinfo",
    [["product_tmpl_id", "in", [...templateIds]]],
    {
      fields: [
        "partner_id",
        "product_tmpl_id",
        "product_id",
        "delay",
        "min_qty",
        "product_uom_id",
        "sequence",
        "date_start",
        "date_end",
      ],
      context: scope.context,
    },
  );
  for (const line of parseRecords("product.supplierinfo", supplierInfoSchema, records, log)) {
    const list = byTemplate.get(line.product_tmpl_id) ?? [];
    list.push({
      id: line.id,
      vendorId: line.partner_id,
      templateId: line.product_tmpl_id,
      productId: line.product_id,
      delayDays: line.delay,
      minQty: line.min_qty,
      unitId: line.product_uom_id,
      sequence: line.sequence,
      dateStart: line.date_start,
      dateEnd: line.date_end,
    });
    byTemplate.set(line.product_tmpl_id, list);
  }
  return byTemplate;
}

/**
 * The lines that apply to a variant on a day, in Odoo's order of preference: by `sequence`, then
 * id (`product.product._select_seller` takes the first vendor in this order).
 */
export function applicableVendorLines(
  lines: readonly VendorLine[],
  productId: number,
  day: string,
): VendorLine[] {
  return lines
    .filter(
      (line) =>
        (line.productId === null || line.productId === productId) &&
        (line.dateStart === null || line.dateStart <= day) &&
        (line.dateEnd === null || line.dateEnd >= day),
    )
    .sort((a, b) => a.sequence - b.sequence || a.id - b.id);
}
