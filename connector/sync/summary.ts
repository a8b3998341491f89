/** What a sync did (or, with `--dry-run`, would do), for the CLI's report and `--json`. */
import type { TierCode } from "../../manifest/contract.js";
import type { DemandReadMode } from "../extract/demand.js";
import type { SkippedProduct } from "../extract/products.js";
import type { RecordIssue } from "../extract/record-issues.js";
import type { InsightsSummary } from "../insights/sync-insights.js";

export interface TierCount {
  readonly tier: TierCode;
  readonly products: number;
  readonly inventoryValue: number;
}

export interface SyncSummary {
  readonly mode: "full" | "incremental";
  /** Why a requested incremental run read everything, when it did. */
  readonly fullBecause?: string;
  readonly dryRun: boolean;
  readonly run: { readonly id: number; readonly name: string } | null;
  /** The interrupted run this one completed, if any. */
  readonly resumed: { readonly id: number; readonly name: string } | null;
  /** Runs found dead and closed as failed. */
  readonly closedRuns: readonly string[];
  readonly companyId: number;
  readonly warehouse: string | null;
  readonly asOf: string;
  readonly window: { readonly from: string; readonly through: string; readonly period: string };
  readonly demandReadMode: DemandReadMode;
  readonly products: number;
  /** Products re-read by an incremental run. */
  readonly affected: number | null;
  readonly skipped: readonly SkippedProduct[];
  readonly issues: readonly RecordIssue[];
  readonly tiers: readonly TierCount[];
  readonly writes: {
    /** Product rows sent (changed ones only) and left alone (already up to date). */
    readonly products: number;
    readonly productsUnchanged: number;
    readonly lockedProducts: number;
    readonly events: number;
    readonly proposals: number;
    readonly proposalsUnchanged: number;
    readonly autoApplied: number;
    readonly kpiRows: number;
  };
  /** Scorecards, recommendations and cash projection written (company-wide runs, not dry). */
  readonly insights?: InsightsSummary | null;
  /** RPC requests sent, by model.method. */
  readonly requests: number;
  readonly seconds: number;
}
