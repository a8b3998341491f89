/**
 * When the watch's scheduled full refresh runs: every day at the Odoo setting
 * `full_refresh_time` (HH:MM, UTC, default 02:00).
 */

/** Thrown when the setting cannot be read as a time of day. */
export class RefreshTimeError extends Error {
  override readonly name = "RefreshTimeError";
}

/**
 * The first moment strictly after `afterMs` at `time` UTC.
 * @example
 * nextRefreshAt(Date.parse("2026-11-25T06:00:00Z"), "02:00"); // 2026-11-26T02:00:00Z
 */
export function nextRefreshAt(afterMs: number, time: string): number {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(time);
  if (!match)
    throw new RefreshTimeError(
      `the full refresh time must read HH:MM (Odoo setting "Nightly Full Refresh"), got "${time}"`,
    );
  const day = new Date(afterMs);
  const at = Date.UTC(
    day.getUTCFullYear(),
    day.getUTCMonth(),
    day.getUTCDate(),
    Number(match[1]),
    Number(match[2]),
  );
  return at > afterMs ? at : at + 86_400_000;
}
