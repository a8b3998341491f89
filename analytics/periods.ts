/**
 * Period labels and period arithmetic: days (`2024-03-18`), ISO weeks (`2024-W12`) and months
 * (`2024-03`). Every period maps to an integer ordinal so that series can be laid on one grid and
 * missing periods filled with zero demand.
 *
 * ISO 8601 weeks start on Monday; week 1 is the week holding the year's first Thursday
 * (equivalently, 4 January). Source: ISO 8601-1:2019 §5.2.4.
 */

/** The analysis period that demand is aggregated to. */
export type PeriodKind = "week" | "month";

/** What a label in an input file can be. */
export type LabelKind = "day" | PeriodKind;

const DAY_MS = 86_400_000;
// 1970-01-05 was a Monday: week ordinals count whole weeks from it.
const EPOCH_MONDAY_DAY = 4;

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const WEEK_PATTERN = /^(\d{4})-W(\d{2})$/;
const MONTH_PATTERN = /^(\d{4})-(\d{2})$/;

/** Thrown when a period label cannot be read; the message quotes the label. */
export class PeriodLabelError extends Error {
  override readonly name = "PeriodLabelError";
  constructor(
    readonly label: string,
    reason: string,
  ) {
    super(`invalid period "${label}": ${reason}`);
  }
}

/** A label read into its kind and the ordinal of its period. */
export interface ParsedPeriod {
  readonly kind: LabelKind;
  /** Days since 1970-01-01 for days, weeks since 1970-01-05 for weeks, months since 1970-01. */
  readonly ordinal: number;
}

/**
 * Reads a period label of any supported kind.
 * @param label `2024-03-18`, `2024-W12` or `2024-03`.
 * @returns its kind and ordinal.
 * @throws {PeriodLabelError} when the label matches no format or names a day/week that does not exist.
 * @example
 * parsePeriod("2024-03"); // { kind: "month", ordinal: 650 }
 */
export function parsePeriod(label: string): ParsedPeriod {
  let match = DAY_PATTERN.exec(label);
  if (match) return { kind: "day", ordinal: dayOrdinal(label, match) };
  match = WEEK_PATTERN.exec(label);
  if (match)
    return { kind: "week", ordinal: weekOrdinal(label, Number(match[1]), Number(match[2])) };
  match = MONTH_PATTERN.exec(label);
  if (match) {
    const month = Number(match[2]);
    if (month < 1 || month > 12) throw new PeriodLabelError(label, "month must be 01-12");
    return { kind: "month", ordinal: (Number(match[1]) - 1970) * 12 + month - 1 };
  }
  throw new PeriodLabelError(label, "expected YYYY-MM-DD, YYYY-Www or YYYY-MM");
}

/**
 * The ordinal, in `kind` periods, of the period holding a day.
 * @param dayOrdinalValue days since 1970-01-01 (UTC).
 * @example
 * periodOfDay(parsePeriod("2024-03-18").ordinal, "week") === parsePeriod("2024-W12").ordinal; // true
 */
export function periodOfDay(dayOrdinalValue: number, kind: PeriodKind): number {
  if (kind === "week") return Math.floor((dayOrdinalValue - EPOCH_MONDAY_DAY) / 7);
  const date = new Date(dayOrdinalValue * DAY_MS);
  return (date.getUTCFullYear() - 1970) * 12 + date.getUTCMonth();
}

/**
 * Converts a parsed label to the ordinal of the `kind` period holding it.
 * @throws {PeriodLabelError} when a coarser label is asked for a finer grid (a month on a week grid),
 *   or a week on a month grid (an ISO week can straddle two months).
 */
export function toPeriodOrdinal(parsed: ParsedPeriod, label: string, kind: PeriodKind): number {
  if (parsed.kind === kind) return parsed.ordinal;
  if (parsed.kind === "day") return periodOfDay(parsed.ordinal, kind);
  throw new PeriodLabelError(label, `a ${parsed.kind} cannot be placed on a ${kind} grid`);
}

/**
 * Formats a period ordinal as its label.
 * @example
 * periodLabel(650, "month"); // "2024-03"
 * periodLabel(parsePeriod("2020-W53").ordinal, "week"); // "2020-W53"
 */
export function periodLabel(ordinal: number, kind: PeriodKind): string {
  if (kind === "month") {
    const year = 1970 + Math.floor(ordinal / 12);
    const month = ordinal - (year - 1970) * 12 + 1;
    return `${year}-${pad2(month)}`;
  }
  // The ISO year of a week is the calendar year of its Thursday.
  const thursdayDay = EPOCH_MONDAY_DAY + ordinal * 7 + 3;
  const year = new Date(thursdayDay * DAY_MS).getUTCFullYear();
  const week = ordinal - isoWeekOneOrdinal(year) + 1;
  return `${year}-W${pad2(week)}`;
}

/** Days since 1970-01-01 of a `YYYY-MM-DD` label. */
function dayOrdinal(label: string, match: RegExpExecArray): number {
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  const ms = Date.UTC(year, month - 1, day);
  const date = new Date(ms);
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    throw new PeriodLabelError(label, "no such day");
  }
  return ms / DAY_MS;
}

function weekOrdinal(label: string, year: number, week: number): number {
  const weeksInYear = isoWeekOneOrdinal(year + 1) - isoWeekOneOrdinal(year);
  if (week < 1 || week > weeksInYear) {
    throw new PeriodLabelError(label, `ISO year ${year} has weeks 01-${weeksInYear}`);
  }
  return isoWeekOneOrdinal(year) + week - 1;
}

/** Week ordinal of ISO week 1 of `year`: the week holding 4 January. */
function isoWeekOneOrdinal(year: number): number {
  return Math.floor((Date.UTC(year, 0, 4) / DAY_MS - EPOCH_MONDAY_DAY) / 7);
}

function pad2(value: number): string {
  return value < 10 ? `0${value}` : String(value);
}
