/**
 * The report's content from each kind of source. The csv and demo sources plan their planning
 * input; the odoo source reads a live Odoo read-only, the same way a sync does (snapshot, company
 * and warehouse plans, open purchases, rules and pending suggestions), so that the report of a
 * database shows what its next sync would store. All three backtest the plan on the history they
 * hold back, and compute scorecards, recommendations and the cash projection alike.
 */
import {
  type AnalyticsConfig,
  type BacktestReport,
  backtestPortfolio,
  type DemandMatrix,
  type ItemMaster,
  type PeriodKind,
  PlanInputError,
  type PortfolioPlan,
  parsePeriod,
  periodLabel,
  planPortfolio,
  toPeriodOrdinal,
} from "../../analytics/index.js";
import { extractSnapshot, readExtractContext } from "../extract/extract.js";
import { asOfDayAfter, utcDay } from "../extract/history-window.js";
import { IssueLog } from "../extract/record-issues.js";
import { companyContext } from "../extract/scope.js";
import { readSettings } from "../extract/settings.js";
import { computeInsights } from "../insights/compute-insights.js";
import { planningInsightsInput } from "../insights/planning-input-insights.js";
import { readOdooInsights } from "../insights/read-insights.js";
import type { OdooClient } from "../odoo/index.js";
import type { Plant } from "../sources/demo/index.js";
import type { PlanningInput } from "../sources/planning-input.js";
import { planSnapshot } from "../sync/planning.js";
import { type ReportData, reportData, type SourceKind } from "./report-data.js";

/** Share of the history the backtest trains on when no `--train-until` is given. */
const TRAIN_SHARE = 0.75;
/** A backtest needs this many periods of history at least. */
const MIN_BACKTEST_PERIODS = 8;

export interface ReportOptions {
  readonly title?: string;
  /** When the report is made (shown in its header). */
  readonly generatedAt: string;
  /** The last period to plan on (default: the last of the history). */
  readonly asOf?: string | undefined;
  /** The backtest's last training period (default: three quarters into the history). */
  readonly trainUntil?: string | undefined;
  /** Recommendations listed. Default 25. */
  readonly top?: number | undefined;
  /** Share of the work done, 0–1, at each stage. */
  readonly onProgress?: (fraction: number) => void;
}

export interface PlanningSource {
  readonly kind: Exclude<SourceKind, "odoo">;
  readonly description: string;
  readonly input: PlanningInput;
  readonly config: AnalyticsConfig;
  /** The demo plant, for its vendors, receipts and open purchases. */
  readonly plant?: Plant | undefined;
}

/** A plan and backtest already computed (as `invseg demo` has them), to report without redoing them. */
export interface PlannedSource {
  readonly plan: PortfolioPlan;
  readonly backtest: BacktestReport | null;
}

/** The report of a csv export or the demo plant. */
export function planningReport(
  source: PlanningSource,
  options: ReportOptions,
  planned?: PlannedSource,
): ReportData {
  const { input, config } = source;
  options.onProgress?.(0.1);
  const plan =
    planned?.plan ??
    planPortfolio(input.demand, input.items, config, {
      ...(options.asOf !== undefined && { asOf: options.asOf }),
    });
  const notes: string[] = [];
  options.onProgress?.(0.4);
  const backtest = planned
    ? planned.backtest
    : replay(input.demand, input.items, config, options.trainUntil, notes);
  const insightsInput = planningInsightsInput(input, plan, {
    asOfDay: asOfDayAfter(plan.asOf, plan.period),
    holdingRate: config.defaults.holdingRate,
    plant: source.plant,
  });
  options.onProgress?.(0.9);
  const insights = computeInsights(insightsInput);
  if (!source.plant) {
    notes.push(
      "Supplier scorecards and dual sourcing need vendors, their offers and receipts: the csv files have none (use the odoo or demo source).",
    );
    if (input.items.every((item) => item.onHand === undefined)) {
      notes.push(
        "items.csv has no on_hand column: stock on hand, excess, disposal and the cash projection start from empty stock.",
      );
    }
  }
  return reportData({
    title: options.title ?? "Inventory segmentation report",
    source: { kind: source.kind, description: source.description },
    generatedAt: options.generatedAt,
    currency: null,
    items: input.items,
    plan,
    backtest,
    insightsInput,
    insights,
    rulesNote:
      "This source holds no reordering rules in force, so today's rules reorder nothing (stock runs down with demand, purchases on order still arrive) and the suggestions are the plan's min/max for every item.",
    notes,
    ...(options.top !== undefined && { topRecommendations: options.top }),
  });
}

export interface OdooReportOptions extends ReportOptions {
  readonly companyId?: number | undefined;
  /** The day to plan for (default: today, UTC; `asOf` wins). */
  readonly asOfDay?: string | undefined;
  readonly connectionLabel: string;
}

/** The report of a live Odoo (nothing is written). */
export async function odooReport(
  odoo: OdooClient,
  options: OdooReportOptions,
): Promise<ReportData> {
  const log = new IssueLog();
  const settings = await readSettings(
    odoo,
    options.companyId === undefined ? {} : companyContext(options.companyId),
  );
  const period = settings.config.period;
  const asOfDay =
    options.asOf !== undefined
      ? asOfDayAfter(options.asOf, period)
      : (options.asOfDay ?? utcDay(Date.now()));
  options.onProgress?.(0);
  const context = await readExtractContext(odoo, { settings, asOfDay, log });
  const { snapshot } = await extractSnapshot(odoo, { settings, asOfDay, log }, context);
  options.onProgress?.(0.4);
  const plan = planSnapshot(snapshot, { config: settings.config });
  const { input: company, plan: companyPlan } = plan.company;
  const notes: string[] = [];
  options.onProgress?.(0.6);
  const trainUntil =
    options.trainUntil === undefined ? undefined : onGrid(options.trainUntil, period);
  const backtest = replay(company.demand, company.items, settings.config, trainUntil, notes);
  options.onProgress?.(0.9);
  const { input: insightsInput } = await readOdooInsights(odoo, {
    scope: context.scope,
    snapshot,
    plan,
    holdingRate: settings.config.defaults.holdingRate,
    // Nothing is written: the rules are the ones the snapshot just read.
    rulesWritten: false,
    log,
  });
  const insights = computeInsights(insightsInput);
  const [company_] = await odoo.read("res.company", [context.scope.companyId], {
    fields: ["name", "currency_id"],
    context: context.scope.context,
  });
  const currency = Array.isArray(company_?.currency_id) ? String(company_.currency_id[1]) : null;
  if (log.issues.length > 0) {
    notes.push(
      `${log.issues.length} records could not be used and were left out (see invseg sync --dry-run --json).`,
    );
  }
  return reportData({
    title: options.title ?? `Inventory segmentation report — ${String(company_?.name ?? "")}`,
    source: { kind: "odoo", description: `Odoo ${options.connectionLabel}` },
    generatedAt: options.generatedAt,
    currency,
    items: company.items,
    plan: companyPlan,
    backtest,
    insightsInput,
    insights,
    rulesNote:
      "Today's rules are the reordering rules in force in Odoo (products without one are not reordered); the suggestions are the pending ones.",
    notes,
    ...(options.top !== undefined && { topRecommendations: options.top }),
  });
}

/** A period option as a label of the analysis grid (a day given to a weekly plan, …). */
function onGrid(label: string, period: PeriodKind): string {
  return periodLabel(toPeriodOrdinal(parsePeriod(label), label, period), period);
}

/** The backtest of the plan, or null (and a note saying why) when the history is too short. */
function replay(
  demand: DemandMatrix,
  items: readonly ItemMaster[],
  config: AnalyticsConfig,
  trainUntil: string | undefined,
  notes: string[],
): BacktestReport | null {
  const periods = demand.periodLabels.length;
  if (trainUntil === undefined && periods < MIN_BACKTEST_PERIODS) {
    notes.push(
      `The backtest needs ${MIN_BACKTEST_PERIODS} periods of history; this source has ${periods}.`,
    );
    return null;
  }
  const until =
    trainUntil ?? (demand.periodLabels[Math.floor(periods * TRAIN_SHARE) - 1] as string);
  try {
    return backtestPortfolio(demand, items, config, {
      trainUntil: until,
      // As the demo: both policies promise the same service, so the stock they hold compares.
      segmentedGoal: "baseline",
      // Replay the lead times the receipts show where there are any.
      leadTime: items.some((item) => (item.leadTimeHistoryDays?.length ?? 0) > 0)
        ? "historical"
        : "fixed",
    });
  } catch (error) {
    if (!(error instanceof PlanInputError)) throw error;
    notes.push(`No backtest: ${error.message}`);
    return null;
  }
}
