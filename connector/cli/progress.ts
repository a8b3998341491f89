/** Shows how far a long step is, on a terminal only. */
export interface Progress {
  /** @param fraction share done, 0–1. */
  update(fraction: number): void;
  /** Clears the line; call when the step ends (also on failure). */
  done(): void;
}

const REDRAW_MS = 100;
/** Steps shorter than this never show a bar: no flicker on small files. */
const SHOW_AFTER_MS = 500;
const BAR_WIDTH = 24;

/**
 * A one-line progress bar on stderr when stderr is a terminal, and nothing otherwise (pipes, CI and
 * log files stay clean). Appears after half a second and redraws at most ten times a second, so
 * short steps stay quiet and hot loops pay nothing.
 */
export function createProgress(
  label: string,
  stream: NodeJS.WriteStream = process.stderr,
): Progress {
  if (!stream.isTTY) return { update: () => {}, done: () => {} };
  let lastDraw = Date.now() + SHOW_AFTER_MS - REDRAW_MS;
  let drawn = false;
  return {
    update(fraction) {
      const now = Date.now();
      if (now - lastDraw < REDRAW_MS) return;
      lastDraw = now;
      const share = Math.min(1, Math.max(0, fraction));
      const filled = Math.round(share * BAR_WIDTH);
      const bar = "█".repeat(filled) + "░".repeat(BAR_WIDTH - filled);
      stream.write(`\r${label} ${bar} ${Math.round(share * 100)}%`);
      drawn = true;
    },
    done() {
      if (drawn) stream.write("\r\x1b[K");
      drawn = false;
    },
  };
}
