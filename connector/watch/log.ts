/**
 * Watch mode's log: one JSON object per line (`time`, `level`, `event` and the figures), for
 * journald or any log shipper. Lines carry counts, ids, names of runs and error messages — never
 * the connection's credentials (the client's errors are already redacted).
 */

export type LogLevel = "info" | "warn" | "error";

export interface WatchLog {
  write(level: LogLevel, event: string, fields?: Readonly<Record<string, unknown>>): void;
}

/** A log writing JSON lines to `out` (stderr by default), stamped by `now`. */
export function jsonLines(
  out: { write(text: string): unknown } = process.stderr,
  now: () => number = Date.now,
): WatchLog {
  return {
    write(level, event, fields = {}) {
      out.write(
        `${JSON.stringify({ time: new Date(now()).toISOString(), level, event, ...fields })}\n`,
      );
    },
  };
}

/** The message of an error, for a log line. */
export function errorText(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
