/**
 * The suggestions waiting for a planner, so that a run sends only proposals that change something
 * (an identical pending proposal is left alone).
 */
import { z } from "zod";
import type { contract } from "../../manifest/contract.js";
import type { Domain, OdooClient } from "../odoo/index.js";
import { finite, recordId, requiredMany2one } from "./odoo-values.js";
import { type IssueLog, parseRecords } from "./record-issues.js";
import type { CompanyScope } from "./scope.js";

const SUGGESTION = "inventory.segment.suggestion" satisfies keyof typeof contract.models;

export interface PendingSuggestion {
  readonly id: number;
  readonly productId: number;
  readonly locationId: number;
  readonly suggestedMin: number;
  readonly suggestedMax: number;
}

const pendingSchema = z.object({
  id: recordId,
  product_id: requiredMany2one,
  location_id: requiredMany2one,
  suggested_min: finite,
  suggested_max: finite,
});

/** Pending suggestions of the company (of `productIds` only, when given), keyed `productId:locationId`. */
export async function readPendingSuggestions(
  odoo: OdooClient,
  scope: CompanyScope,
  log: IssueLog,
  productIds?: ReadonlySet<number>,
): Promise<Map<string, PendingSuggestion>> {
  const pending = new Map<string, PendingSuggestion>();
  if (productIds?.size === 0) return pending;
  const domain: Domain = [
    ["state", "=", "pending"],
    ...(productIds ? ([["product_id", "in", [...productIds]]] as const) : []),
  ];
  const records = await odoo.searchRead(SUGGESTION, domain, {
    fields: ["product_id", "location_id", "suggested_min", "suggested_max"],
    context: scope.context,
  });
  for (const record of parseRecords(SUGGESTION, pendingSchema, records, log)) {
    pending.set(suggestionKey(record.product_id, record.location_id), {
      id: record.id,
      productId: record.product_id,
      locationId: record.location_id,
      suggestedMin: record.suggested_min,
      suggestedMax: record.suggested_max,
    });
  }
  return pending;
}

export function suggestionKey(productId: number, locationId: number): string {
  return `${productId}:${locationId}`;
}
