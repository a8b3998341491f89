/**
 * Everything the HTML report shows, as plain data: built from a plan, its backtest and the
 * insights (scorecards, recommendations, cash projection) of any source, so that the report of a
 * csv export, the demo plant and a live Odoo are the same document. Money is in the currency of
 * the unit costs; on-hand figures use the same formulas as the run KPIs in Odoo (stock valued at
 * unit cost, excess above the policy's max, carrying cost at the configured rate).
 */
import {
  ABC_CLASSES,
  type AbcClass,
  type BacktestFigures,
  type BacktestReport,
  type ItemMaster,
  type PortfolioPlan,
  RECOMMENDATION_RULES,
  type Recommendation,
  type RecommendationRule,
  type RiskFactor,
  TIERS,
  type Tier,
  XYZ_CLASSES,
  type XyzClass,
} from "../../analytics/index.js";
import type { Insights } from "../insights/compute-insights.js";
import type { InsightsInput } from "../insights/insights-input.js";

export type SourceKind = "csv" | "demo" | "odoo";

export interface MatrixCell {
  readonly abc: AbcClass;
  readonly xyz: XyzClass;
  readonly items: number;
  readonly consumptionValue: number;
  readonly inventoryValue: number;
}

export interface ScatterPoint {
  readonly sku: string;
  readonly tier: Tier;
  /** Annual consumption value (x, log scale) and demand CV (y). */
  readonly value: number;
  readonly cv: number;
}

export interface TierRow {
  readonly tier: Tier;
  readonly items: number;
  readonly serviceTarget: number;
  readonly serviceMeasure: string;
  readonly expectedFillRate: number | null;
  /** The policy's expected average stock value and its annual holding cost. */
  readonly plannedInventoryValue: number;
  readonly annualHoldingCost: number;
  /** Stock on hand now: value, value above the max, carrying cost a year. */
  readonly onHandValue: number;
  readonly excessValue: number;
  readonly carryingCost: number;
}

export interface CurveSeries {
  readonly tier: Tier;
  readonly measure: string;
  readonly points: readonly { readonly target: number; readonly value: number }[];
}

export interface BacktestSide {
  readonly targetFillRate: number | null;
  readonly fillRate: number | null;
  readonly averageInventoryValue: number;
  readonly stockoutPeriods: number;
  readonly orders: number;
}

export interface BacktestRow {
  readonly tier: Tier | "total";
  readonly items: number;
  readonly segmented: BacktestSide;
  readonly uniform: BacktestSide;
}

export interface BacktestSection {
  readonly trainUntil: string;
  readonly testPeriods: number;
  readonly leadTime: string;
  readonly baselineServiceTarget: number;
  /** The fill rate the segmented policy was asked for (the uniform rule's expected one), or null. */
  readonly portfolioGoal: number | null;
  readonly rows: readonly BacktestRow[];
}

export interface VendorRow {
  readonly rank: number;
  readonly vendor: string;
  readonly name: string;
  readonly risk: number;
  readonly parts: Readonly<Record<RiskFactor, number>>;
  readonly receipts: number;
  readonly onTimeRate: number | null;
  readonly leadTimeDays: number | null;
  readonly leadTimeSdDays: number | null;
  readonly recentLeadTimeDays: number | null;
  readonly earlierLeadTimeDays: number | null;
  readonly driftRatio: number | null;
  readonly promisedDays: number | null;
  readonly gapDays: number | null;
  readonly critical: number;
  readonly essential: number;
  readonly singleSourced: number;
  readonly purchaseValue: number;
  readonly reason: string;
}

export interface RecommendationRow {
  readonly priority: string;
  readonly rule: RecommendationRule;
  readonly sku: string;
  readonly vendor: string | null;
  readonly audience: string;
  readonly value: number;
  readonly reason: string;
}

export interface CashSection {
  readonly dates: readonly string[];
  readonly current: readonly number[];
  readonly suggested: readonly number[];
  /** What "today's rules" means for this source. */
  readonly rulesNote: string;
}

export interface ReportData {
  readonly title: string;
  readonly source: { readonly kind: SourceKind; readonly description: string };
  readonly generatedAt: string;
  /** The last period planned on, and the day the plan and projection start. */
  readonly asOf: string;
  readonly asOfDay: string;
  readonly period: string;
  readonly currency: string | null;
  readonly holdingRate: number;
  readonly headline: {
    readonly items: number;
    readonly onHandValue: number;
    readonly excessValue: number;
    readonly carryingCost: number;
    readonly plannedInventoryValue: number;
    readonly vendors: number;
    readonly recommendations: number;
  };
  readonly matrix: readonly MatrixCell[];
  readonly scatter: readonly ScatterPoint[];
  /** Items left off the scatter: no consumption value or no CV (a log axis has no zero). */
  readonly scatterLeftOut: number;
  readonly tiers: readonly TierRow[];
  readonly curves: readonly CurveSeries[];
  readonly backtest: BacktestSection | null;
  readonly vendors: readonly VendorRow[];
  readonly recommendations: readonly RecommendationRow[];
  readonly recommendationCounts: Readonly<Record<RecommendationRule, number>>;
  readonly cash: CashSection;
  /** What this source cannot show, in a sentence each. */
  readonly notes: readonly string[];
}

export interface ReportParts {
  readonly title: string;
  readonly source: { readonly kind: SourceKind; readonly description: string };
  readonly generatedAt: string;
  readonly currency: string | null;
  /** The planned items' masters, aligned with `plan.items` (stock on hand, order terms). */
  readonly items: readonly ItemMaster[];
  readonly plan: PortfolioPlan;
  readonly backtest: BacktestReport | null;
  readonly insightsInput: InsightsInput;
  readonly insights: Insights;
  readonly rulesNote: string;
  readonly notes: readonly string[];
  /** Recommendations listed (default 25). */
  readonly topRecommendations?: number;
}

const nullable = (value: number) => (Number.isFinite(value) ? value : null);

export function reportData(parts: ReportParts): ReportData {
  const { plan, insights, insightsInput } = parts;
  const rate = insightsInput.holdingRate;
  const stockOf = (row: number) => Math.max(0, parts.items[row]?.onHand ?? 0);
  const tierRows = plan.tiers.map((summary): TierRow => {
    let onHandValue = 0;
    let excessValue = 0;
    plan.items.forEach((item, row) => {
      if (item.tier !== summary.tier) return;
      onHandValue += stockOf(row) * item.unitCost;
      excessValue += Math.max(0, stockOf(row) - item.maxStock) * item.unitCost;
    });
    return {
      tier: summary.tier,
      items: summary.items,
      serviceTarget: summary.serviceTarget,
      serviceMeasure: summary.serviceMeasure,
      expectedFillRate: nullable(summary.expectedFillRate),
      plannedInventoryValue: summary.expectedInventoryValue,
      annualHoldingCost: summary.annualHoldingCost,
      onHandValue,
      excessValue,
      carryingCost: onHandValue * rate,
    };
  });
  const sum = (pick: (row: TierRow) => number) => tierRows.reduce((s, row) => s + pick(row), 0);
  const scatter: ScatterPoint[] = [];
  for (const item of plan.items) {
    if (item.annualConsumptionValue > 0 && item.demandCv !== null) {
      scatter.push({
        sku: item.sku,
        tier: item.tier,
        value: item.annualConsumptionValue,
        cv: item.demandCv,
      });
    }
  }
  const counts = Object.fromEntries(RECOMMENDATION_RULES.map((rule) => [rule, 0])) as Record<
    RecommendationRule,
    number
  >;
  for (const recommendation of insights.recommendations) counts[recommendation.rule]++;
  const nameOf = (vendor: string) => insightsInput.vendorNames.get(vendor) ?? vendor;
  return {
    title: parts.title,
    source: parts.source,
    generatedAt: parts.generatedAt,
    asOf: plan.asOf,
    asOfDay: insightsInput.asOfDay,
    period: plan.period,
    currency: parts.currency,
    holdingRate: rate,
    headline: {
      items: plan.items.length,
      onHandValue: sum((row) => row.onHandValue),
      excessValue: sum((row) => row.excessValue),
      carryingCost: sum((row) => row.carryingCost),
      plannedInventoryValue: sum((row) => row.plannedInventoryValue),
      vendors: insights.scorecards.length,
      recommendations: insights.recommendations.length,
    },
    matrix: matrixCells(plan, stockOf),
    scatter,
    scatterLeftOut: plan.items.length - scatter.length,
    tiers: tierRows,
    curves: plan.costServiceCurves.map((curve) => ({
      tier: curve.tier,
      measure: curve.serviceMeasure,
      points: curve.points
        .filter((point) => Number.isFinite(point.expectedInventoryValue))
        .map((point) => ({ target: point.serviceTarget, value: point.expectedInventoryValue })),
    })),
    backtest: parts.backtest ? backtestSection(parts.backtest) : null,
    vendors: insights.scorecards.map((card): VendorRow => {
      const p = card.performance;
      return {
        rank: card.rank,
        vendor: card.vendor,
        name: nameOf(card.vendor),
        risk: card.risk.score,
        parts: Object.fromEntries(
          card.risk.parts.map((part) => [part.factor, part.points]),
        ) as Record<RiskFactor, number>,
        receipts: p.receipts,
        onTimeRate: p.onTimeRate,
        leadTimeDays: p.leadTimeMeanDays,
        leadTimeSdDays: p.leadTimeSdDays,
        recentLeadTimeDays: p.recentMeanDays,
        earlierLeadTimeDays: p.historyMeanDays,
        driftRatio: p.driftRatio,
        promisedDays: p.promisedDelayDays,
        gapDays: p.delayGapDays,
        critical: card.exposure.criticalCount,
        essential: card.exposure.essentialCount,
        singleSourced: card.exposure.singleSourcedSkus.length,
        purchaseValue: card.purchaseValue,
        reason: card.risk.reason,
      };
    }),
    recommendations: topOfEachRule(insights.recommendations, parts.topRecommendations ?? 25).map(
      (recommendation) => ({
        priority: recommendation.priority,
        rule: recommendation.rule,
        sku: recommendation.sku,
        vendor: recommendation.vendor === null ? null : nameOf(recommendation.vendor),
        audience: recommendation.audience,
        value: recommendation.value,
        reason: recommendation.reason,
      }),
    ),
    recommendationCounts: counts,
    cash: {
      dates: insights.cash.dates,
      current: insights.cash.totals.current,
      suggested: insights.cash.totals.suggested,
      rulesNote: parts.rulesNote,
    },
    notes: parts.notes,
  };
}

/**
 * The `count` most urgent recommendations, taken in turns from each rule so that one rule with
 * many findings (design reviews of a lumpy portfolio) does not hide the others; listed in the
 * overall order (priority, then money at stake).
 */
function topOfEachRule(
  recommendations: readonly Recommendation[],
  count: number,
): Recommendation[] {
  const byRule = new Map<RecommendationRule, Recommendation[]>();
  for (const recommendation of recommendations) {
    const list = byRule.get(recommendation.rule) ?? [];
    list.push(recommendation);
    byRule.set(recommendation.rule, list);
  }
  const chosen = new Set<Recommendation>();
  for (let turn = 0; chosen.size < Math.min(count, recommendations.length); turn++) {
    for (const list of byRule.values()) {
      const next = list[turn];
      if (next !== undefined && chosen.size < count) chosen.add(next);
    }
  }
  return recommendations.filter((recommendation) => chosen.has(recommendation));
}

function matrixCells(plan: PortfolioPlan, stockOf: (row: number) => number): MatrixCell[] {
  const cells = new Map<string, { items: number; consumption: number; inventory: number }>();
  plan.items.forEach((item, row) => {
    const key = `${item.abc}${item.xyz}`;
    const cell = cells.get(key) ?? { items: 0, consumption: 0, inventory: 0 };
    cell.items++;
    cell.consumption += item.annualConsumptionValue;
    cell.inventory += stockOf(row) * item.unitCost;
    cells.set(key, cell);
  });
  return ABC_CLASSES.flatMap((abc) =>
    XYZ_CLASSES.map((xyz) => {
      const cell = cells.get(`${abc}${xyz}`);
      return {
        abc,
        xyz,
        items: cell?.items ?? 0,
        consumptionValue: cell?.consumption ?? 0,
        inventoryValue: cell?.inventory ?? 0,
      };
    }),
  );
}

function backtestSection(report: BacktestReport): BacktestSection {
  const side = (figures: BacktestFigures): BacktestSide => ({
    targetFillRate: nullable(figures.targetFillRate),
    fillRate: nullable(figures.fillRate),
    averageInventoryValue: figures.averageInventoryValue,
    stockoutPeriods: figures.stockoutPeriods,
    orders: figures.orders,
  });
  const rows: BacktestRow[] = TIERS.map((tier, index) => {
    const segmented = report.segmented.tiers[index] as BacktestFigures;
    const uniform = report.baseline.tiers[index] as BacktestFigures;
    return { tier, items: segmented.items, segmented: side(segmented), uniform: side(uniform) };
  });
  rows.push({
    tier: "total",
    items: report.segmented.total.items,
    segmented: side(report.segmented.total),
    uniform: side(report.baseline.total),
  });
  return {
    trainUntil: report.trainUntil,
    testPeriods: report.testPeriods.length,
    leadTime: report.leadTime,
    baselineServiceTarget: report.baselineServiceTarget,
    portfolioGoal: report.portfolioGoal,
    rows,
  };
}
