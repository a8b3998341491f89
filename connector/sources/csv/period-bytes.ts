import type { PeriodKind } from "../../../analytics/periods.js";
import { MINUS, UPPER_W, ZERO } from "./ascii.js";

const DAY_MS = 86_400_000;
// 1970-01-05 was a Monday; week ordinals count whole weeks from it (as analytics/periods.ts does).
const EPOCH_MONDAY_DAY = 4;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * The ordinal on a `kind` grid of a period label read straight from bytes: a day `2024-03-18`
 * (placed in its ISO week or month), an ISO week `2024-W12` or a month `2024-03`. The same
 * ordinals as `parsePeriod` + `toPeriodOrdinal` in analytics/periods.ts, without a string per row.
 * @returns the ordinal, or NaN when the label is malformed, names no real day or week, or cannot sit
 *   on the grid (a month on a week grid, a week on a month grid). The caller then asks
 *   analytics/periods.ts for the precise reason.
 */
export function periodOrdinalFromBytes(
  bytes: Uint8Array,
  start: number,
  end: number,
  kind: PeriodKind,
): number {
  const length = end - start;
  if (length < 7 || bytes[start + 4] !== MINUS) return Number.NaN;
  const year = digits(bytes, start, 4);
  if (length === 10) {
    if (bytes[start + 7] !== MINUS) return Number.NaN;
    const month = digits(bytes, start + 5, 2);
    const day = digits(bytes, start + 8, 2);
    if (!(month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month))) {
      return Number.NaN;
    }
    if (kind === "month") return (year - 1970) * 12 + month - 1;
    return Math.floor((Date.UTC(year, month - 1, day) / DAY_MS - EPOCH_MONDAY_DAY) / 7);
  }
  if (length === 8) {
    if (kind !== "week" || bytes[start + 5] !== UPPER_W) return Number.NaN;
    const week = digits(bytes, start + 6, 2);
    const weekOne = isoWeekOneOrdinal(year);
    if (!(week >= 1 && week <= isoWeekOneOrdinal(year + 1) - weekOne)) return Number.NaN;
    return weekOne + week - 1;
  }
  if (length === 7) {
    const month = digits(bytes, start + 5, 2);
    if (kind !== "month" || !(month >= 1 && month <= 12)) return Number.NaN;
    return (year - 1970) * 12 + month - 1;
  }
  return Number.NaN;
}

/** A fixed-width run of ASCII digits as a number; NaN when any byte is not a digit. */
function digits(bytes: Uint8Array, start: number, count: number): number {
  let value = 0;
  for (let i = start; i < start + count; i++) {
    const digit = (bytes[i] as number) - ZERO;
    if (digit < 0 || digit > 9) return Number.NaN;
    value = value * 10 + digit;
  }
  return value;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2 && ((year % 4 === 0 && year % 100 !== 0) || year % 400 === 0)) return 29;
  return DAYS_IN_MONTH[month - 1] as number;
}

/** Week ordinal of ISO week 1 of `year`: the week holding 4 January (ISO 8601-1 §5.2.4). */
function isoWeekOneOrdinal(year: number): number {
  return Math.floor((Date.UTC(year, 0, 4) / DAY_MS - EPOCH_MONDAY_DAY) / 7);
}
