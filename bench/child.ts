/**
 * Runs one measured run of one case in this process and prints its figures as JSON on the last
 * line of stdout, with the process's peak RSS (`process.resourceUsage().maxRSS`, in KiB).
 * Usage: node --expose-gc --import tsx bench/child.ts CASE WORKDIR
 */
import { PEAK_RSS_METRIC } from "./case.js";
import { BENCH_CASES } from "./cases/index.js";

const [name, workDir] = process.argv.slice(2);
const benchCase = BENCH_CASES.find((candidate) => candidate.name === name);
if (benchCase === undefined || workDir === undefined) {
  process.stderr.write(
    `usage: child.ts CASE WORKDIR (cases: ${BENCH_CASES.map((c) => c.name).join(", ")})\n`,
  );
  process.exit(2);
}
const figures = await benchCase.measure(workDir);
const peakRssMb = process.resourceUsage().maxRSS / 1024;
process.stdout.write(`\n${JSON.stringify({ ...figures, [PEAK_RSS_METRIC]: peakRssMb })}\n`);
