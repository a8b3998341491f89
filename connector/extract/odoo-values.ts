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

/** An x2many: the ids. */
export const idList = z.array(recordId);

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

/** A datetime that must be set, `'YYYY-MM-DD HH:MM:SS'` (UTC). */
export const datetime = z.string().regex(DATETIME, "must be a datetime YYYY-MM-DD HH:MM:SS");

/** A datetime, or `null` when empty. */
export const optionalDatetime = z
  .union([z.literal(false), datetime])
  .transform((value) => (value === false ? null : value));

/** A date, or `null` when empty. */
export const optionalDate = z
  .union([z.literal(false), z.string().regex(DATE, "must be a date YYYY-MM-DD")])
  .transform((value) => (value === false ? null : value));

/** A selection value from `values`, or `null` when empty. */
export function optionalSelection<const T extends readonly [string, ...string[]]>(values: T) {
  return z
    .union([z.literal(false), z.enum(values)])
    .transform((value) => (value === false ? null : value));
}

/** The calendar day of an Odoo datetime (UTC). */
export function dayOf(datetimeText: string): string {
  return datetimeText.slice(0, 10);
}
