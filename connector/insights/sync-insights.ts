/**
 * The insights phase of a sync (after the KPIs, before the run is closed): reads what the
 * snapshot lacks (`read-insights.ts`: with the reordering rules and pending suggestions as the run
 * left them), computes scorecards, recommendations and the cash projection, and writes them on
 * the run. Company-wide runs only:
 * a run limited to one warehouse sees part of the picture.
 */
import type { TierCode } from "../../manifest/contract.js";
import type { IssueLog } from "../extract/record-issues.js";
import type { CompanyScope } from "../extract/scope.js";
import type { SegmentationSettings } from "../extract/settings.js";
import type { Snapshot } from "../extract/snapshot.js";
import type { OdooClient } from "../odoo/index.js";
import type { SyncPlan } from "../sync/planning.js";
import type { BatchProgress } from "../writeback/write.js";
import { computeInsights } from "./compute-insights.js";
import { cashProjectionVals, recommendationVals, scorecardVals } from "./odoo-vals.js";
import { readOdooInsights } from "./read-insights.js";
import {
  recordCashProjection,
  recordScorecards,
  type SubmittedRecommendations,
  submitRecommendations,
} from "./write-insights.js";

/** What the phase wrote, for the sync summary. */
export interface InsightsSummary {
  readonly scorecards: number;
  /** The vendor ranked first, if any. */
  readonly topVendor: { readonly id: number; readonly name: string; readonly risk: number } | null;
  readonly recommendations: SubmittedRecommendations;
  /** Inventory value now and in the last projected week, under both scenarios. */
  readonly cash: {
    readonly now: number;
    readonly lastWeek: number;
    readonly current: number;
    readonly suggested: number;
  };
}

export interface InsightsContext {
  readonly scope: CompanyScope;
  readonly snapshot: Snapshot;
  readonly plan: SyncPlan;
  readonly settings: SegmentationSettings;
  readonly runId: number;
  /** The run's time stamp, `YYYY-MM-DD HH:MM:SS` UTC. */
  readonly runStamp: string;
  readonly log: IssueLog;
  readonly batchSize?: number | undefined;
  readonly onBatch?: BatchProgress;
}

export async function syncInsights(
  odoo: OdooClient,
  context: InsightsContext,
): Promise<InsightsSummary> {
  const { scope, snapshot, plan, settings, log } = context;
  const { input, productIdOf, vendorIds } = await readOdooInsights(odoo, {
    scope,
    snapshot,
    plan,
    holdingRate: settings.config.defaults.holdingRate,
    rulesWritten: true,
    log,
  });
  const insights = computeInsights(input);

  const batch = {
    ...(context.batchSize !== undefined && { batchSize: context.batchSize }),
    ...(context.onBatch && { onBatch: context.onBatch }),
  };
  const scorecards = await recordScorecards(
    odoo,
    scope,
    context.runId,
    insights.scorecards
      .filter((card) => vendorIds.has(Number(card.vendor)))
      .map((card) => scorecardVals(card, productIdOf)),
    batch,
  );
  const tierOf = new Map<string, TierCode>(
    input.items.map(({ plan: itemPlan }) => [itemPlan.sku, itemPlan.tier]),
  );
  const recommendations = await submitRecommendations(
    odoo,
    scope,
    context.runId,
    insights.recommendations.map((recommendation) =>
      recommendationVals(recommendation, {
        productIdOf,
        tierOf,
        vendorNames: input.vendorNames,
        tiers: settings.tiers,
        companyId: scope.companyId,
        runId: context.runId,
        runStamp: context.runStamp,
      }),
    ),
    batch,
  );
  await recordCashProjection(
    odoo,
    scope,
    context.runId,
    insights.cash.rows.map((row) => cashProjectionVals(row, settings.tiers)),
  );
  const top = insights.scorecards[0];
  const last = insights.cash.weeks;
  return {
    scorecards,
    topVendor: top
      ? {
          id: Number(top.vendor),
          name: input.vendorNames.get(top.vendor) ?? top.vendor,
          risk: top.risk.score,
        }
      : null,
    recommendations,
    cash: {
      now: insights.cash.totals.current[0] ?? 0,
      lastWeek: last,
      current: insights.cash.totals.current[last] ?? 0,
      suggested: insights.cash.totals.suggested[last] ?? 0,
    },
  };
}
