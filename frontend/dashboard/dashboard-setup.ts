/**
 * What the dashboard reads once when it opens, in parallel and before its widgets: the tiers'
 * names (segments are renamable and translated) and the warehouses of the active companies.
 */
import { _t } from "../odoo/l10n.js";
import type { OrmService } from "../odoo/services.js";
import { isTier, TIERS, type Tier, type TierNames } from "../tiers.js";

export interface SegmentRow {
  readonly id: number;
  readonly code: string;
  readonly name: string;
  readonly company_id: readonly [number, string] | false;
}

export interface WarehouseRow {
  readonly id: number;
  readonly name: string;
  readonly company_id: readonly [number, string];
}

export function loadSegments(orm: OrmService): Promise<SegmentRow[]> {
  return orm.searchRead<SegmentRow>("inventory.segment", [], ["code", "name", "company_id"], {
    order: "sequence, id",
  });
}

export function loadWarehouses(
  orm: OrmService,
  companyIds: readonly number[],
): Promise<WarehouseRow[]> {
  return orm.searchRead<WarehouseRow>(
    "stock.warehouse",
    [["company_id", "in", [...companyIds]]],
    ["name", "company_id"],
    { order: "sequence, id" },
  );
}

/**
 * The name of each tier in a company: the company's own segment wins over a shared one, as in
 * the addon's `_tiers_in_force`.
 */
export function tierNamesFor(segments: readonly SegmentRow[], companyId: number): TierNames {
  const fallback: Record<Tier, string> = {
    critical: _t("Critical"),
    essential: _t("Essential"),
    standard: _t("Standard"),
    obsolete: _t("Obsolete"),
  };
  const names = { ...fallback };
  for (const tier of TIERS) {
    const own = segments.find(
      (s) => s.code === tier && s.company_id && s.company_id[0] === companyId,
    );
    const shared = segments.find((s) => s.code === tier && s.company_id === false);
    const segment = own ?? shared;
    if (segment && isTier(segment.code)) names[tier] = segment.name;
  }
  return names;
}
