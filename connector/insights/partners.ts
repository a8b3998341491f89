/** Vendor names for the reasons and the report: the partner's name, and its reference if any. */
import { z } from "zod";
import { optionalText, recordId } from "../extract/odoo-values.js";
import { type IssueLog, parseRecords } from "../extract/record-issues.js";
import type { CompanyScope } from "../extract/scope.js";
import type { OdooClient } from "../odoo/index.js";

export interface VendorName {
  readonly name: string;
  readonly ref: string | null;
}

const partnerSchema = z.object({ id: recordId, name: z.string(), ref: optionalText });

export async function readVendorNames(
  odoo: OdooClient,
  scope: CompanyScope,
  vendorIds: readonly number[],
  log: IssueLog,
): Promise<Map<number, VendorName>> {
  if (vendorIds.length === 0) return new Map();
  const records = await odoo.read("res.partner", [...vendorIds], {
    fields: ["name", "ref"],
    context: { ...scope.context, active_test: false },
  });
  return new Map(
    parseRecords("res.partner", partnerSchema, records, log).map((partner) => [
      partner.id,
      { name: partner.name, ref: partner.ref },
    ]),
  );
}
