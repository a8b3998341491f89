/** The demand history a product carries (`demand_history`), described for the product form. */
import { parsePeriod, periodLabel } from "../../analytics/periods.js";
import type { DemandHistory } from "../../manifest/contract.js";

export interface DemandSummary {
  readonly period: DemandHistory["period"];
  readonly first: string;
  /** The last period's label, e.g. "2025-W52"; `undefined` when the start label is not a real period. */
  readonly last: string | undefined;
  readonly periods: number;
  readonly average: number;
  readonly peak: number;
  /** Periods without demand (zero, or net returns). */
  readonly idlePeriods: number;
}

export function summarizeDemand(history: DemandHistory): DemandSummary {
  const { period, start, values } = history;
  const total = values.reduce((sum, value) => sum + value, 0);
  return {
    period,
    first: start,
    last: lastPeriod(history),
    periods: values.length,
    average: values.length ? total / values.length : 0,
    peak: values.length ? Math.max(...values) : 0,
    idlePeriods: values.filter((value) => value <= 0).length,
  };
}

function lastPeriod({ period, start, values }: DemandHistory): string | undefined {
  if (values.length === 0) return undefined;
  try {
    const parsed = parsePeriod(start);
    if (parsed.kind !== period) return undefined;
    return periodLabel(parsed.ordinal + values.length - 1, period);
  } catch {
    // A label such as 2024-W54 fits the contract's pattern but names no week.
    return undefined;
  }
}
