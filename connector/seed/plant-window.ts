/**
 * Which demo plant `invseg seed-odoo` loads: a scale, a seed, and a two-year history that ends on
 * a given day (yesterday by default), so that a sync run today reads a full window of recent
 * history and the still-open purchase orders are open now.
 */
import { parsePeriod } from "../../analytics/periods.js";
import { generatePlant, isoDay, PLANT_SCALES, type Plant } from "../sources/demo/index.js";

export type SeedScale = keyof typeof PLANT_SCALES;
export const SEED_SCALES = Object.keys(PLANT_SCALES) as SeedScale[];

/** Months of history the seeder loads. */
export const SEED_HISTORY_MONTHS = 24;

const DAY_MS = 86_400_000;

export interface SeedPlantOptions {
  readonly scale: SeedScale;
  /** Plant seed (default 42). */
  readonly seed?: number;
  /** Last day of the history, `YYYY-MM-DD`. */
  readonly endDate: string;
}

/**
 * The day before `now`, in UTC: the default last day of the seeded history (today's events would
 * lie in the future for part of the day).
 */
export function defaultEndDate(now: Date = new Date()): string {
  return isoDay(Math.floor(now.getTime() / DAY_MS) - 1);
}

/**
 * Generates the demo plant of a scale whose 24-month history ends on `endDate`.
 * @throws {RangeError} on a malformed end date.
 * @example
 * const plant = seedPlant({ scale: "small", seed: 42, endDate: "2026-11-24" });
 * isoDay(plant.startDay); // "2024-11-25"
 */
export function seedPlant(options: SeedPlantOptions): Plant {
  const endDay = dayOf(options.endDate, "endDate");
  const next = new Date((endDay + 1) * DAY_MS);
  const startDay =
    Date.UTC(next.getUTCFullYear(), next.getUTCMonth() - SEED_HISTORY_MONTHS, next.getUTCDate()) /
    DAY_MS;
  const plant = generatePlant({
    seed: options.seed ?? 42,
    productCount: PLANT_SCALES[options.scale],
    months: SEED_HISTORY_MONTHS,
    startDate: isoDay(startDay),
  });
  if (plant.endDay !== endDay) {
    // Only possible when the start falls on a day that month lacks (29 February).
    throw new RangeError(
      `endDate ${options.endDate}: a ${SEED_HISTORY_MONTHS}-month history cannot end on it; pick the day before or after`,
    );
  }
  return plant;
}

/** A `YYYY-MM-DD` day as a day number. */
export function dayOf(date: string, name: string): number {
  let parsed: ReturnType<typeof parsePeriod> | undefined;
  try {
    parsed = parsePeriod(date);
  } catch {
    parsed = undefined;
  }
  if (parsed?.kind !== "day")
    throw new RangeError(`${name} must be a day (YYYY-MM-DD), got "${date}"`);
  return parsed.ordinal;
}

/**
 * A day as the datetime Odoo stores (UTC). Every back-dated event happens at noon UTC: the same
 * calendar day in any time zone from UTC−11 to UTC+11, and whole days between two events, so lead
 * times read from Odoo equal the plant's.
 */
export function odooNoon(day: number): string {
  return `${isoDay(day)} 12:00:00`;
}
