const INSTANT_PATTERN =
  /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-]00:?00)?)?$/;

/**
 * Milliseconds since 1970-01-01 UTC of `YYYY-MM-DD` or `YYYY-MM-DD HH:MM[:SS]` (Odoo's datetime
 * format, UTC), or undefined when the text is no such instant (including 2024-02-30 or 25:00).
 */
export function parseInstant(text: string): number | undefined {
  const match = INSTANT_PATTERN.exec(text);
  if (!match) return undefined;
  const [year, month, day, hour, minute, second] = match
    .slice(1, 7)
    .map((part) => (part === undefined ? 0 : Number(part))) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  const ms = Date.UTC(year, month - 1, day, hour, minute, second);
  const date = new Date(ms);
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return ms;
}
