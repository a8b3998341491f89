/** The names event messages give vendors: Odoo's display name (with the reference, as buyers see it). */
import type { CompanyScope } from "../extract/scope.js";
import type { OdooClient } from "../odoo/index.js";

export async function readVendorNames(
  odoo: OdooClient,
  scope: CompanyScope,
  vendorIds: Iterable<number>,
): Promise<Map<number, string>> {
  const ids = [...new Set(vendorIds)].sort((a, b) => a - b);
  if (ids.length === 0) return new Map();
  const records = await odoo.read("res.partner", ids, {
    fields: ["display_name"],
    context: { ...scope.context, active_test: false },
  });
  return new Map(
    records.flatMap((record) =>
      typeof record.display_name === "string" ? [[record.id, record.display_name] as const] : [],
    ),
  );
}
