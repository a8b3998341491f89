/**
 * A benchmark case: how to prepare its input once, and how to measure one run of it in a fresh
 * process. Cases are listed in `cases/index.ts`; the Odoo sync cases plug in the same way.
 */

/** A figure a case must reach, printed next to the measured median. */
export interface Target {
  readonly metric: string;
  readonly atMost?: number;
  readonly atLeast?: number;
}

/** How to print a metric. */
export interface MetricFormat {
  readonly label: string;
  readonly unit: string;
  /** Decimals to print. */
  readonly decimals: number;
}

export interface BenchCase {
  /** Short id, for `--only`. */
  readonly name: string;
  /** What is measured, on which data. */
  readonly title: string;
  /** Why the case cannot run here (e.g. no live Odoo), or undefined when it can. */
  skipReason?(): string | undefined;
  /** Runs once, in the runner, before the measured runs: writes input files into `workDir`. */
  prepare?(workDir: string): Promise<void> | void;
  /** One measured run, in its own child process; returns its figures by metric name. */
  measure(workDir: string): Promise<Record<string, number>>;
  readonly metrics: Readonly<Record<string, MetricFormat>>;
  readonly targets: readonly Target[];
}

/** Peak resident memory of the child process, added to every case by the runner. */
export const PEAK_RSS_METRIC = "peakRssMb";
/** The memory ceiling for every case. */
export const PEAK_RSS_TARGET_MB = 1536;

/** Seconds taken by `work`, with a garbage collection first when `--expose-gc` is on. */
export async function timeSeconds(work: () => unknown): Promise<number> {
  (globalThis as { gc?: () => void }).gc?.();
  const started = performance.now();
  await work();
  return (performance.now() - started) / 1000;
}

/** The middle value (the mean of the two middle ones for an even count); NaN for none. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}
