/**
 * BoM fan-out (`mrp.bom.line`, when mrp is installed): for each component, the templates of the
 * active bills of materials that use it. Kits count too: delivering a kit consumes its components.
 */
import { z } from "zod";
import { type Domain, isOdooError, type OdooClient } from "../odoo/index.js";
import { recordId, requiredMany2one } from "./odoo-values.js";
import { type IssueLog, parseRecords } from "./record-issues.js";
import type { CompanyScope } from "./scope.js";

/** One component used by one parent template's BoM. */
export type BomUse = readonly [componentId: number, parentTemplateId: number];

export interface BomRead {
  /** False when mrp is not installed (then there are no uses). */
  readonly installed: boolean;
  /** Component → parent template pairs, each pair once, sorted. */
  readonly uses: BomUse[];
  /** Active BoMs and BoM lines (of any BoM) when read: a deletion changes them. */
  readonly bomCount?: number;
  readonly lineCount?: number;
}

const bomSchema = z.object({ id: recordId, product_tmpl_id: requiredMany2one });
const bomLineSchema = z.object({
  id: recordId,
  bom_id: requiredMany2one,
  product_id: requiredMany2one,
});

/**
 * True when the BoMs may have changed since `previous` was read: a BoM or line written since
 * `sinceDomain`, or a different number of them (a deletion).
 */
export async function bomsChanged(
  odoo: OdooClient,
  scope: CompanyScope,
  previous: BomRead,
  sinceDomain: Domain,
): Promise<boolean> {
  if (!previous.installed || previous.bomCount === undefined || previous.lineCount === undefined) {
    return true;
  }
  const all = { context: { ...scope.context, active_test: false } };
  const [boms, lines, changedBoms, changedLines] = await Promise.all([
    odoo.searchCount("mrp.bom", [], { context: scope.context }),
    odoo.searchCount("mrp.bom.line", [], { context: scope.context }),
    odoo.searchCount("mrp.bom", sinceDomain, all),
    odoo.searchCount("mrp.bom.line", sinceDomain, all),
  ]);
  return (
    boms !== previous.bomCount ||
    lines !== previous.lineCount ||
    changedBoms > 0 ||
    changedLines > 0
  );
}

export async function readBomUses(
  odoo: OdooClient,
  scope: CompanyScope,
  log: IssueLog,
): Promise<BomRead> {
  let bomRecords: Awaited<ReturnType<OdooClient["searchRead"]>>;
  try {
    bomRecords = await odoo.searchRead("mrp.bom", [], {
      fields: ["product_tmpl_id"],
      context: scope.context,
    });
  } catch (error) {
    if (isOdooError(error) && error.code === "not_found") return { installed: false, uses: [] };
    throw error;
  }
  const parentOf = new Map(
    parseRecords("mrp.bom", bomSchema, bomRecords, log).map((bom) => [bom.id, bom.product_tmpl_id]),
  );
  const counts = {
    bomCount: bomRecords.length,
    lineCount: await odoo.searchCount("mrp.bom.line", [], { context: scope.context }),
  };
  if (parentOf.size === 0) return { installed: true, uses: [], ...counts };
  const lines = parseRecords(
    "mrp.bom.line",
    bomLineSchema,
    await odoo.searchRead("mrp.bom.line", [["bom_id", "in", [...parentOf.keys()]]], {
      fields: ["bom_id", "product_id"],
      context: scope.context,
    }),
    log,
  );
  const seen = new Set<string>();
  const uses: BomUse[] = [];
  for (const line of lines) {
    const parent = parentOf.get(line.bom_id);
    if (parent === undefined) continue;
    const key = `${line.product_id}:${parent}`;
    if (seen.has(key)) continue;
    seen.add(key);
    uses.push([line.product_id, parent]);
  }
  uses.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  return { installed: true, uses, ...counts };
}
