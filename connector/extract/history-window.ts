/**
 * The stretch of history a run reads: whole analysis periods, ending with the last complete one
 * before the as-of day, so that a half-finished week never reads as a week of low demand.
 */
import {
  type PeriodKind,
  parsePeriod,
  periodLabel,
  periodOfDay,
  toPeriodOrdinal,
} from "../../analytics/index.js";

const DAY_MS = 86_400_000;
/** 1970-01-05, the Monday week ordinals count from (see `analytics/periods.ts`). */
const EPOCH_MONDAY_DAY = 4;
const DAYS_PER_MONTH = 30.4375;

export interface HistoryWindow {
  readonly period: PeriodKind;
  /** The day the run plans for (today, UTC, unless set). */
  readonly asOfDay: string;
  /** First and last day read, inclusive. */
  readonly fromDay: string;
  readonly throughDay: string;
  /** First and last analysis period, as labels (`2024-W01` / `2024-01`). */
  readonly firstPeriod: string;
  readonly lastPeriod: string;
  /** `fromDay` at 00:00:00 and the day after `throughDay` at 00:00:00: a domain's `>=` / `<` bounds. */
  readonly fromDatetime: string;
  readonly untilDatetime: string;
}

/**
 * @param asOfDay `YYYY-MM-DD`.
 * @param historyMonths how far back to read (Odoo setting `history_months`, default 24).
 * @example
 * historyWindow("2025-01-15", "week", 24).lastPeriod; // "2025-W02"
 */
export function historyWindow(
  asOfDay: string,
  period: PeriodKind,
  historyMonths: number,
): HistoryWindow {
  const asOf = dayNumber(asOfDay);
  const lastPeriod = periodOfDay(asOf, period) - 1;
  const periods =
    period === "month"
      ? Math.max(1, Math.round(historyMonths))
      : Math.max(1, Math.round((historyMonths * DAYS_PER_MONTH) / 7));
  const firstPeriod = lastPeriod - periods + 1;
  const fromDay = periodStartDay(firstPeriod, period);
  const untilDay = periodStartDay(lastPeriod + 1, period);
  return {
    period,
    asOfDay,
    fromDay: dayText(fromDay),
    throughDay: dayText(untilDay - 1),
    firstPeriod: periodLabel(firstPeriod, period),
    lastPeriod: periodLabel(lastPeriod, period),
    fromDatetime: `${dayText(fromDay)} 00:00:00`,
    untilDatetime: `${dayText(untilDay)} 00:00:00`,
  };
}

/**
 * The as-of day that makes `label` the last period of the window: the first day after it.
 * @param label a day, week or month label (`2025-03-14`, `2025-W11`, `2025-03`).
 * @throws {PeriodLabelError} on an unreadable label.
 */
export function asOfDayAfter(label: string, period: PeriodKind): string {
  const parsed = parsePeriod(label);
  const ordinal = toPeriodOrdinal(parsed, label, period);
  return dayText(periodStartDay(ordinal + 1, period));
}

/** Today in UTC as `YYYY-MM-DD`. */
export function utcDay(now: number): string {
  return new Date(now).toISOString().slice(0, 10);
}

function periodStartDay(ordinal: number, period: PeriodKind): number {
  if (period === "week") return EPOCH_MONDAY_DAY + ordinal * 7;
  return Date.UTC(1970 + Math.floor(ordinal / 12), ((ordinal % 12) + 12) % 12, 1) / DAY_MS;
}

function dayNumber(day: string): number {
  const ms = Date.parse(`${day}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(ms)) {
    throw new RangeError(`as-of day must be YYYY-MM-DD, got "${day}"`);
  }
  return ms / DAY_MS;
}

function dayText(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}
