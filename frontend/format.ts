/**
 * Numbers, money and dates as the dashboard shows them. Amounts and quantities go through Odoo's
 * own formatters (the user's language, thousands separator and currency position); relative dates
 * through `Intl.RelativeTimeFormat` in the user's language.
 */
import { formatCurrency } from "@web/core/currency";
import { formatFloat, formatInteger, formatPercentage } from "@web/views/fields/formatters";

/** A compact amount for cards and cells: "€ 1.25M". */
export function formatMoney(amount: number, currencyId: number | undefined): string {
  return formatCurrency(amount, currencyId, { humanReadable: true });
}

/** A count of items: "5,012", or "12k" when `compact`. */
export function formatCount(count: number, compact = false): string {
  return formatInteger(count, { humanReadable: compact });
}

/** A fraction as a percentage with one decimal: 0.973 → "97.3%". */
export function formatShare(fraction: number): string {
  return formatPercentage(fraction, { digits: [16, 1] });
}

/** A stock quantity without trailing zeros: 12 → "12", 12.5 → "12.5". */
export function formatQuantity(quantity: number): string {
  return formatFloat(quantity, { digits: [16, 2], trailingZeros: false });
}

/** A plain decimal for chart tooltips (CV, ratios): 0.8123 → "0.81". */
export function formatDecimal(value: number): string {
  return formatFloat(value, { digits: [16, 2] });
}

/**
 * Odoo sends datetimes as UTC strings without a zone ("2026-11-25 05:45:10").
 *
 * @returns the instant, or `undefined` for `false` or a malformed value
 */
export function parseServerDatetime(value: string | false): Date | undefined {
  if (!value) return undefined;
  const match = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(value);
  if (!match) return undefined;
  const [, year, month, day, hour, minute, second] = match.map(Number) as number[];
  return new Date(
    Date.UTC(year ?? 0, (month ?? 1) - 1, day ?? 1, hour ?? 0, minute ?? 0, second ?? 0),
  );
}

const RELATIVE_UNITS: readonly [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * 86_400],
  ["month", 30 * 86_400],
  ["week", 7 * 86_400],
  ["day", 86_400],
  ["hour", 3_600],
  ["minute", 60],
];

/**
 * "3 hours ago", "yesterday", "just now" in the user's language (an Odoo code such as "fr_BE" or
 * a BCP 47 tag).
 */
export function formatRelativeTime(instant: Date, now: Date, language: string): string {
  const locale = language.replace("_", "-");
  const seconds = Math.round((instant.getTime() - now.getTime()) / 1000);
  const format = new Intl.RelativeTimeFormat(locale, { numeric: "auto" });
  for (const [unit, length] of RELATIVE_UNITS) {
    if (Math.abs(seconds) >= length) return format.format(Math.trunc(seconds / length), unit);
  }
  return format.format(0, "second");
}
