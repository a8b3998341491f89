/**
 * What the insights need from Odoo besides a run's snapshot and plan, read without writing
 * anything: purchases on order, the last 12 months' purchase value per vendor, the vendors' names,
 * the pending suggestions as they are now, and the reordering rules: the snapshot's, or read again
 * after a sync's writes (auto-applied suggestions change them). Shared by the sync's insights phase
 * and `invseg report --source odoo`.
 */

import { shiftDay } from "../events/escalations.js";
import { readPendingSuggestions } from "../extract/pending-suggestions.js";
import type { IssueLog } from "../extract/record-issues.js";
import type { CompanyScope } from "../extract/scope.js";
import type { Snapshot } from "../extract/snapshot.js";
import { readOrderpoints } from "../extract/stock.js";
import type { OdooClient } from "../odoo/index.js";
import type { SyncPlan } from "../sync/planning.js";
import { type OdooInsights, odooInsightsInput } from "./odoo-input.js";
import { readOpenPurchases } from "./open-purchases.js";
import { readVendorNames } from "./partners.js";
import { readPurchaseValues } from "./purchase-values.js";

export interface InsightReadContext {
  readonly scope: CompanyScope;
  readonly snapshot: Snapshot;
  readonly plan: SyncPlan;
  readonly holdingRate: number;
  /** The run wrote reordering rules after the snapshot was read: read them again. */
  readonly rulesWritten: boolean;
  readonly log: IssueLog;
}

/** The insights input, and the vendors that exist (a scorecard needs its partner). */
export async function readOdooInsights(
  odoo: OdooClient,
  context: InsightReadContext,
): Promise<OdooInsights & { readonly vendorIds: ReadonlySet<number> }> {
  const { scope, snapshot, plan, log } = context;
  const productIds = plan.company.input.productIds;
  const yearAgo = `${shiftDay(snapshot.window.asOfDay, -365)} 00:00:00`;
  const [openPurchases, purchaseValues, orderpoints, pending] = await Promise.all([
    readOpenPurchases(odoo, scope, productIds, log),
    readPurchaseValues(odoo, scope, yearAgo, log),
    context.rulesWritten
      ? readOrderpoints(odoo, scope, productIds, log)
      : new Map(productIds.map((id) => [id, snapshot.products.get(id)?.orderpoints ?? []])),
    readPendingSuggestions(odoo, scope, log),
  ]);
  const vendorIds = new Set<number>(purchaseValues.keys());
  for (const lines of snapshot.vendorLines.values())
    for (const line of lines) vendorIds.add(line.vendorId);
  for (const data of snapshot.products.values())
    for (const receipt of data.receipts) vendorIds.add(receipt.vendorId);
  const vendorNames = await readVendorNames(
    odoo,
    scope,
    [...vendorIds].sort((a, b) => a - b),
    log,
  );
  const insights = odooInsightsInput(snapshot, plan, context.holdingRate, {
    openPurchases,
    purchaseValues,
    vendorNames,
    orderpoints,
    pending,
  });
  return { ...insights, vendorIds: new Set(vendorNames.keys()) };
}
