/**
 * zod readers for values as Odoo sends them: `false` for an empty field of any type, a many2one as
 * `[id, displayName]`, datetimes as `'YYYY-MM-DD HH:MM:SS'` in UTC, dates as `'YYYY-MM-DD'`.
 * Each reader turns Odoo's `false` into `null`, so the records the extractors build say "empty"
 * one way only.
 */
import { z } from "zod";

/** A record id: a whole number ≥ 1. */
export const recordId = z.number().int().positive();

/** A many2one: its id, or `null` when empty. The display name is dropped (not needed). */
export const many2one = z
  .union([z.literal(false), z.tuple([recordId, z.string()])])
  .transform((value) => (value === false ? null : value[0]));

/** A many2one that must be set. */
export const requiredMany2one = z
  .tuple([recordId, z.string()], { error: "must be set" })
  .transform((value) => value[0]);

/** A finite number (Odoo floats and integers; an empty float reads as 0, never `false`). */
export const finite = z.number().finite();

/** A non-negative number. */
export const nonNegative = z.number().finite().min(0);

/** Text, or `null` when empty. */
export const optionalText = z
  .union([z.literal(false), z.string()])
  .transform((value) => (value === false || value.trim() === "" ? null : value));

const DATETIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_LENGTH = 10;

/** A datetime that must be set, `'YYYY-MM-DD HH:MM:SS'` (UTC), on the calendar. */
export const datetime = z
  .string()
  .refine(
    (text) => DATETIME.test(text) && onCalendar(text),
    "must be a datetime YYYY-MM-DD HH:MM:SS",
  );

/** A datetime, or `null` when empty. */
export const optionalDatetime = z
  .union([z.literal(false), datetime])
  .transform((value) => (value === false ? null : value));

/** A date, or `null` when empty. */
export const optionalDate = z
  .union([
    z.literal(false),
    z.string().refine((text) => DATE.test(text) && onCalendar(text), "must be a date YYYY-MM-DD"),
  ])
  .transform((value) => (value === false ? null : value));

/** A selection value from `values`, or `null` when empty. */
export function optionalSelection<const T extends readonly [string, ...string[]]>(values: T) {
  return z
    .union([z.literal(false), z.enum(values)])
    .transform((value) => (value === false ? null : value));
}

/** The instant of an Odoo datetime (UTC), in milliseconds since the epoch. */
export function datetimeMs(datetimeText: string): number {
  return Date.parse(`${datetimeText.replace(" ", "T")}Z`);
}

/** The calendar day of an Odoo datetime (UTC). */
export function dayOf(datetimeText: string): string {
  return datetimeText.slice(0, 10);
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Whether a well-formed date or datetime names a real day and time: a 30 February or an hour 24
 * would otherwise roll over silently (JavaScript's Date does) or stop a plan later, far from the
 * record that carried it. Plain arithmetic: it runs once per move read.
 */
function onCalendar(text: string): boolean {
  const year = Number(text.slice(0, 4));
  const month = Number(text.slice(5, 7));
  const day = Number(text.slice(8, 10));
  const leap = month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = (DAYS_IN_MONTH[month - 1] ?? 0) + (leap ? 1 : 0);
  if (day < 1 || day > days) return false;
  if (text.length === DATE_LENGTH) return true;
  return (
    Number(text.slice(11, 13)) <= 23 &&
    Number(text.slice(14, 16)) <= 59 &&
    Number(text.slice(17, 19)) <= 59
  );
}
