/**
 * `npm run bench`: runs every case several times, each run in a fresh child process so that peak
 * RSS belongs to that case alone, and prints the medians next to the targets.
 *
 * Options: `--runs N` (default 5), `--only NAME[,NAME]`.
 * The machine is shared and noisy: read medians, and compare approaches as ratios within one run.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import {
  type BenchCase,
  median,
  PEAK_RSS_METRIC,
  PEAK_RSS_TARGET_MB,
  type Target,
} from "./case.js";
import { BENCH_CASES } from "./cases/index.js";

const { values } = parseArgs({
  options: { runs: { type: "string", default: "5" }, only: { type: "string" } },
});
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1)
  throw new Error(`--runs must be a whole number ≥ 1, got ${values.runs}`);
const only = values.only?.split(",");
const cases = BENCH_CASES.filter(
  (benchCase) => only === undefined || only.includes(benchCase.name),
);
const childPath = new URL("./child.ts", import.meta.url).pathname;

process.stdout.write(
  `invseg benchmarks: median of ${runs} runs, each in a fresh process (Node ${process.version}, ${process.arch})\n\n`,
);
for (const benchCase of cases) {
  const skip = benchCase.skipReason?.();
  if (skip !== undefined) {
    process.stdout.write(`${benchCase.title}\n  skipped: ${skip}\n\n`);
    continue;
  }
  const workDir = mkdtempSync(join(tmpdir(), `invseg-bench-${benchCase.name}-`));
  try {
    await benchCase.prepare?.(workDir);
    const samples: Array<Record<string, number>> = [];
    for (let run = 0; run < runs; run++) samples.push(measureInChild(benchCase, workDir));
    process.stdout.write(`${report(benchCase, samples)}\n\n`);
  } catch (error) {
    // One broken case must not hide the figures of the others.
    process.stdout.write(`${benchCase.title}\n  FAILED: ${(error as Error).message}\n\n`);
    process.exitCode = 1;
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

function measureInChild(benchCase: BenchCase, workDir: string): Record<string, number> {
  const result = spawnSync(
    process.execPath,
    ["--expose-gc", "--import", "tsx", childPath, benchCase.name, workDir],
    { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"], maxBuffer: 1 << 24 },
  );
  if (result.status !== 0) throw new Error(`${benchCase.name}: child exited with ${result.status}`);
  const lastLine = result.stdout.trimEnd().split("\n").at(-1) ?? "";
  return JSON.parse(lastLine) as Record<string, number>;
}

function report(benchCase: BenchCase, samples: ReadonlyArray<Record<string, number>>): string {
  const metrics = {
    ...benchCase.metrics,
    [PEAK_RSS_METRIC]: { label: "peak RSS", unit: "MB", decimals: 0 },
  };
  const targets: Target[] = [
    ...benchCase.targets,
    { metric: PEAK_RSS_METRIC, atMost: PEAK_RSS_TARGET_MB },
  ];
  const lines = [benchCase.title];
  for (const [metric, format] of Object.entries(metrics)) {
    const values = samples.map((sample) => sample[metric]).filter((value) => value !== undefined);
    if (values.length === 0) continue;
    const middle = median(values);
    const show = (value: number) =>
      format.decimals === 0
        ? Math.round(value).toLocaleString("en-US")
        : value.toFixed(format.decimals);
    const figure = `${show(middle)} ${format.unit}`;
    const spread = `(runs: ${values.map(show).join(", ")})`;
    const target = targets.find((candidate) => candidate.metric === metric);
    let verdict = "";
    if (target?.atMost !== undefined) {
      verdict = `target ≤ ${show(target.atMost)} ${format.unit}  ${middle <= target.atMost ? "✓ met" : "✗ MISSED"}`;
    } else if (target?.atLeast !== undefined) {
      verdict = `target ≥ ${show(target.atLeast)} ${format.unit}  ${middle >= target.atLeast ? "✓ met" : "✗ MISSED"}`;
    }
    lines.push(
      `  ${format.label.padEnd(22)} ${figure.padStart(16)}   ${verdict.padEnd(34)} ${spread}`,
    );
  }
  return lines.join("\n");
}
