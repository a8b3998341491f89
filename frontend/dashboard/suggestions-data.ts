/**
 * The pending reorder-rule suggestions, most critical tier first: one page and the total count
 * from a single `web_search_read`, and the planner's decision on one of them.
 */

import type { Domain } from "../odoo/domain.js";
import type { NotificationType, OrmService } from "../odoo/services.js";
import { companyDomain, type DashboardScope } from "./scope.js";

/** Rows shown on the dashboard; the rest are one click away in the suggestions list. */
export const SUGGESTION_PAGE = 8;

interface NamedRecord {
  readonly id: number;
  readonly display_name: string;
}

export interface SuggestionRow {
  readonly id: number;
  readonly product_id: NamedRecord;
  readonly warehouse_id: NamedRecord | false;
  readonly segment_id: NamedRecord | false;
  readonly segment_code: string | false;
  readonly uom_id: NamedRecord | false;
  readonly currency_id: { readonly id: number } | false;
  readonly current_min: number;
  readonly current_max: number;
  readonly suggested_min: number;
  readonly suggested_max: number;
  readonly value_delta: number;
  readonly reason: string | false;
}

const named = { fields: { display_name: {} } };

export const SUGGESTION_SPECIFICATION = {
  product_id: named,
  warehouse_id: named,
  segment_id: named,
  segment_code: {},
  uom_id: named,
  currency_id: { fields: {} },
  current_min: {},
  current_max: {},
  suggested_min: {},
  suggested_max: {},
  value_delta: {},
  reason: {},
} as const;

export interface PendingSuggestions {
  readonly rows: readonly SuggestionRow[];
  /** All pending suggestions of the scope, shown or not. */
  readonly total: number;
}

/** The scope's pending suggestions (of one warehouse, or of all). */
export function pendingDomain(scope: DashboardScope): Domain<"inventory.segment.suggestion"> {
  return [
    ["state", "=", "pending"],
    ...companyDomain(scope),
    ...(scope.warehouseId === false ? [] : [["warehouse_id", "=", scope.warehouseId] as const]),
  ];
}

export async function loadPendingSuggestions(
  orm: OrmService,
  scope: DashboardScope,
): Promise<PendingSuggestions> {
  const { length, records } = await orm.webSearchRead<SuggestionRow>(
    "inventory.segment.suggestion",
    pendingDomain(scope),
    // The tiers' order (critical first), then the newest.
    {
      specification: SUGGESTION_SPECIFICATION,
      limit: SUGGESTION_PAGE,
      order: "segment_id, id desc",
    },
  );
  return { rows: records, total: length };
}

export type Decision = "accept" | "reject";

/** What Odoo answers to a decision: a `display_notification` client action. */
interface DecisionResult {
  readonly params?: { readonly message?: string; readonly type?: NotificationType };
}

/**
 * Accepts (writes the reordering rule) or rejects one suggestion through the addon's
 * `action_accept` / `action_reject`, which check the Planner group on the server.
 *
 * @returns the server's confirmation, to show as it is
 */
export async function decide(
  orm: OrmService,
  suggestionId: number,
  decision: Decision,
): Promise<{ message: string; type: NotificationType }> {
  const method = decision === "accept" ? "action_accept" : "action_reject";
  const result = await orm.call<DecisionResult | false>("inventory.segment.suggestion", method, [
    [suggestionId],
  ]);
  const params = result ? result.params : undefined;
  return {
    message: params?.message ?? "",
    type: params?.type ?? (decision === "accept" ? "success" : "info"),
  };
}
