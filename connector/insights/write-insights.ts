/**
 * Writing a run's insights through the addon's idempotent methods, so that a run cut off midway
 * and re-run leaves the same records: scorecards upserted per run and vendor, recommendations
 * submitted by key (then the open ones the run no longer confirms closed), and the projection's
 * rows replaced for the run.
 */
import { z } from "zod";
import type { CompanyScope } from "../extract/scope.js";
import type { OdooClient, OdooValue } from "../odoo/index.js";
import { type BatchOptions, callMethod, inBatches } from "../writeback/write.js";
import type { CashProjectionVals, RecommendationVals, ScorecardVals } from "./odoo-vals.js";

const ids = z.array(z.number().int());

/** Records the run's scorecards; returns how many. */
export async function recordScorecards(
  odoo: OdooClient,
  scope: CompanyScope,
  runId: number,
  cards: readonly ScorecardVals[],
  options: BatchOptions = {},
): Promise<number> {
  let recorded = 0;
  await inBatches(cards, options.batchSize ?? 200, options, async (batch) => {
    const result = ids.length(batch.length).parse(
      await callMethod(odoo, scope, "inventory.segment.vendor.scorecard.record_scorecards", {
        run_id: runId,
        vals_list: batch as unknown as OdooValue,
      }),
    );
    recorded += result.length;
  });
  return recorded;
}

export interface SubmittedRecommendations {
  /** Open after the call (new or refreshed). */
  readonly open: number;
  /** Left alone because a buyer's decision on them stands. */
  readonly decided: number;
  /** Open ones of earlier runs that no longer apply. */
  readonly resolved: number;
}

/**
 * Submits every recommendation of the run, then closes the open ones it did not confirm. Only a
 * run that submits all of them may close the rest: call it once per run with the whole list.
 */
export async function submitRecommendations(
  odoo: OdooClient,
  scope: CompanyScope,
  runId: number,
  recommendations: readonly RecommendationVals[],
  options: BatchOptions = {},
): Promise<SubmittedRecommendations> {
  let open = 0;
  let decided = 0;
  await inBatches(recommendations, options.batchSize ?? 200, options, async (batch) => {
    const result = z
      .array(z.union([z.number().int(), z.literal(false)]))
      .length(batch.length)
      .parse(
        await callMethod(odoo, scope, "inventory.segment.recommendation.submit_recommendations", {
          vals_list: batch as unknown as OdooValue,
        }),
      );
    for (const id of result) {
      if (id === false) decided++;
      else open++;
    }
  });
  const resolved = z
    .number()
    .int()
    .parse(
      await callMethod(odoo, scope, "inventory.segment.recommendation.close_resolved", {
        run_id: runId,
      }),
    );
  return { open, decided, resolved };
}

/** Replaces the run's projection rows; returns how many. */
export async function recordCashProjection(
  odoo: OdooClient,
  scope: CompanyScope,
  runId: number,
  rows: readonly CashProjectionVals[],
): Promise<number> {
  return z
    .number()
    .int()
    .parse(
      await callMethod(odoo, scope, "inventory.segment.cash.projection.record_cash_projection", {
        run_id: runId,
        rows: rows as unknown as OdooValue,
      }),
    );
}
