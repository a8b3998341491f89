/**
 * The procurement and finance insights of a run, from an `InsightsInput`: supplier scorecards
 * ranked by risk, recommendations, and the 13-week cash projection summed per tier and place.
 * Everything here is arithmetic on the input: it reads nothing and writes nothing.
 */
import {
  PROJECTION_SCENARIOS,
  type ProjectionScenario,
  projectInventory,
  type Recommendation,
  type RecommendationItem,
  recommendActions,
  type SupplierScorecard,
  sumProjection,
  supplierScorecards,
  TIERS,
  type Tier,
} from "../../analytics/index.js";
import { shiftDay } from "../events/escalations.js";
import type { InsightsInput } from "./insights-input.js";

/** One cell of the cash projection. Money rounded to cents. */
export interface CashRow {
  readonly week: number;
  /** The day the value is projected for: the as-of day + 7 × week. */
  readonly date: string;
  readonly scenario: ProjectionScenario;
  readonly tier: Tier;
  readonly place: number;
  readonly inventoryValue: number;
  readonly receiptValue: number;
}

export interface CashProjection {
  readonly weeks: number;
  readonly dates: readonly string[];
  /** Every tier × place cell with stock or movement, for every week and scenario. */
  readonly rows: readonly CashRow[];
  /** Inventory value of all items per week, per scenario, rounded to cents. */
  readonly totals: Readonly<Record<ProjectionScenario, readonly number[]>>;
}

export interface Insights {
  readonly scorecards: readonly SupplierScorecard[];
  readonly recommendations: readonly Recommendation[];
  readonly cash: CashProjection;
}

export interface InsightOptions {
  /** Receipts in this many days before the as-of day are recent. Default 90. */
  readonly recentDays?: number;
  /** Weeks projected. Default 13. */
  readonly weeks?: number;
}

const cents = (value: number) => Math.round(value * 100) / 100;

export function computeInsights(input: InsightsInput, options: InsightOptions = {}): Insights {
  const scorecards = supplierScorecardsOf(input, options);
  const cardOf = new Map(scorecards.map((card) => [card.vendor, card]));
  const recommendationItems = input.items.map(
    ({ plan, master, vendor }): RecommendationItem => ({
      plan,
      onHand: master.onHand ?? 0,
      minOrderQty: master.minOrderQty ?? 0,
      orderMultiple: master.orderMultiple ?? 1,
      vendorCount: master.vendorCount,
      bomParentCount: master.bomParentCount ?? 0,
      measuredLeadTimes: master.leadTimeHistoryDays?.length ?? 0,
      vendor:
        vendor === null
          ? null
          : { key: vendor, name: input.vendorNames.get(vendor), scorecard: cardOf.get(vendor) },
    }),
  );
  const recommendations = recommendActions(recommendationItems, {
    holdingRate: input.holdingRate,
    periodDays: input.periodDays,
  });
  return { scorecards, recommendations, cash: cashProjection(input, options.weeks ?? 13) };
}

/** Scorecards of every vendor, with each item's tier from its plan. */
function supplierScorecardsOf(input: InsightsInput, options: InsightOptions): SupplierScorecard[] {
  return supplierScorecards(
    {
      offers: input.offers,
      receipts: input.receipts,
      tierOf: new Map(input.items.map(({ plan }) => [plan.sku, plan.tier])),
      purchaseValues: input.purchaseValues,
    },
    {
      asOfDay: input.asOfDay,
      ...(options.recentDays !== undefined && { recentDays: options.recentDays }),
    },
  );
}

/** Projects every position and sums them per tier and place. */
function cashProjection(input: InsightsInput, weeks: number): CashProjection {
  const projection = projectInventory(
    input.positions.map((position) => {
      const { plan, master } = input.items[position.item] as InsightsInput["items"][number];
      return {
        unitCost: plan.unitCost,
        onHand: position.onHand,
        weeklyDemand: position.weeklyDemand,
        leadTimeWeeks: plan.leadTimeDays / 7,
        minOrderQty: master.minOrderQty ?? 0,
        orderMultiple: master.orderMultiple ?? 0,
        openOrders: position.openOrders,
        currentRule: position.currentRule,
        suggestedRule: position.suggestedRule,
      };
    }),
    { weeks },
  );
  const places = [...new Set(input.positions.map((position) => position.place))].sort(
    (a, b) => a - b,
  );
  const placeIndex = new Map(places.map((place, index) => [place, index]));
  const groupOf = (index: number) => {
    const position = input.positions[index] as InsightsInput["positions"][number];
    const tier = (input.items[position.item] as InsightsInput["items"][number]).plan.tier;
    return TIERS.indexOf(tier) * places.length + (placeIndex.get(position.place) as number);
  };
  const sums = sumProjection(projection, groupOf, TIERS.length * places.length);
  const whole = sumProjection(projection, () => 0, 1);
  const width = weeks + 1;
  const dates = Array.from({ length: width }, (_, week) => shiftDay(input.asOfDay, 7 * week));
  const rows: CashRow[] = [];
  TIERS.forEach((tier, tierIndex) => {
    places.forEach((place, placeIndexValue) => {
      const group = tierIndex * places.length + placeIndexValue;
      const offset = group * width;
      let touched = false;
      for (const scenario of PROJECTION_SCENARIOS) {
        for (let week = 0; week < width; week++) {
          if (
            (sums[scenario].inventoryValue[offset + week] as number) !== 0 ||
            (sums[scenario].receiptValue[offset + week] as number) !== 0
          ) {
            touched = true;
          }
        }
      }
      if (!touched) return;
      for (const scenario of PROJECTION_SCENARIOS) {
        for (let week = 0; week < width; week++) {
          rows.push({
            week,
            date: dates[week] as string,
            scenario,
            tier,
            place,
            inventoryValue: cents(sums[scenario].inventoryValue[offset + week] as number),
            receiptValue: cents(sums[scenario].receiptValue[offset + week] as number),
          });
        }
      }
    });
  });
  const totals = Object.fromEntries(
    PROJECTION_SCENARIOS.map((scenario) => [
      scenario,
      Array.from(whole[scenario].inventoryValue, cents),
    ]),
  ) as Record<ProjectionScenario, number[]>;
  return { weeks, dates, rows, totals };
}
