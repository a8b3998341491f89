import type { InsightsSummary } from "./sync-insights.js";

const money = (value: number) => Math.round(value).toLocaleString("en-US");

/**
 * The insights phase in one sentence for `invseg sync`:
 * "Scorecards for 20 vendors (highest risk: Sprocket Ltd, 91.5/100); recommendations: 42 open,
 *  3 kept as decided, 1 no longer applies; inventory 3,372,519 now → 2,901,112 in 13 weeks under
 *  today's rules, 3,104,877 with the suggestions accepted."
 */
export function formatInsights(insights: InsightsSummary): string {
  const { recommendations: r, cash, topVendor } = insights;
  return (
    `Scorecards for ${insights.scorecards} vendors` +
    (topVendor ? ` (highest risk: ${topVendor.name}, ${topVendor.risk}/100)` : "") +
    `; recommendations: ${r.open} open, ${r.decided} kept as decided, ${r.resolved} no longer apply; ` +
    `inventory ${money(cash.now)} now → ${money(cash.current)} in ${cash.lastWeek} weeks under today's rules, ` +
    `${money(cash.suggested)} with the suggestions accepted.`
  );
}
