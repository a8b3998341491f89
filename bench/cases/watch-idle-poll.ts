/**
 * What an idle interval of watch mode costs a live Odoo 19 (a synced copy of seed_medium: about
 * 5,000 products, 300,000 moves; `createdb -T seed_medium watch_medium`, install the addon — its
 * `(write_date, id)` indexes — and `invseg sync` once). Set `ODOO_BENCH_URL`, `ODOO_BENCH_DB`,
 * `ODOO_BENCH_API_KEY` (or the `ODOO_*` settings); skipped without them. For the server's own time
 * per request, point `ODOO_BENCH_SERVER_LOG` at the server's log file: Odoo's request lines end
 * with the request's SQL query count, SQL time and other time in seconds.
 *
 * One measured run: `runWatch` starts (outside the timing), then polls every second with nothing
 * changing; the figures are per poll over 20 polls: RPC calls (one `watch_poll`, the heartbeat
 * riding on it once a minute), the client's wall time of a poll and the server's time (SQL +
 * Python, summed over the poll's requests, from the server's log).
 */
import { readFileSync } from "node:fs";
import { hostname } from "node:os";
import { connectOdoo, type OdooLogger, type RequestSummary } from "../../connector/odoo/index.js";
import type { WatchLog } from "../../connector/watch/log.js";
import { runWatch } from "../../connector/watch/watch.js";
import { type BenchCase, median } from "../case.js";
import { liveOdooConfig, liveOdooSkipReason } from "../live-odoo.js";

const POLLS = 20;

interface Request extends RequestSummary {
  readonly endedAt: number;
}

/** Odoo's request log lines in [from, to] (local ms): per request, SQL + other time in ms. */
function serverTimes(
  path: string,
  from: number,
  to: number,
): { at: number; ms: number; method: string }[] {
  const pattern =
    /^(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d),(\d{3}) .* "POST \/json\/2\/([\w.]+)\/(\w+) HTTP\/1\.1" \d+ - \d+ ([\d.]+) ([\d.]+)$/;
  return readFileSync(path, "utf8")
    .split("\n")
    .flatMap((line) => {
      const match = pattern.exec(line);
      if (!match) return [];
      const [, stamp = "", millis = "0", model = "", method = "", sql = "0", other = "0"] = match;
      // Odoo logs in the server's local time; this machine's test servers run in UTC.
      const at = Date.parse(`${stamp.replace(" ", "T")}Z`) + Number(millis);
      if (at < from || at > to) return [];
      return [{ at, ms: (Number(sql) + Number(other)) * 1000, method: `${model}.${method}` }];
    });
}

export const watchIdlePollCase: BenchCase = {
  name: "watch-idle-poll",
  title: `watch mode, idle: ${POLLS} polls 1 s apart against a live Odoo (a synced copy of seed_medium)`,
  skipReason: () => liveOdooSkipReason("a synced copy of seed_medium with the addon"),
  async measure(workDir) {
    const requests: Request[] = [];
    const logger: OdooLogger = {
      request: (summary) => void requests.push({ ...summary, endedAt: Date.now() }),
    };
    const odoo = await connectOdoo(liveOdooConfig(), { logger });
    const controller = new AbortController();
    const lines: { event: string }[] = [];
    const log: WatchLog = { write: (_level, event) => void lines.push({ event }) };
    const config = liveOdooConfig();
    const done = runWatch(odoo, {
      intervalSeconds: 1,
      stateDir: workDir,
      connection: { url: config.url, database: config.database },
      signal: controller.signal,
      log,
      identity: { host: hostname(), pid: process.pid, isAlive: () => false },
      fullRefresh: false,
    });
    while (!lines.some((line) => line.event === "started")) {
      if (lines.some((line) => line.event === "retry"))
        throw new Error("the watch could not start");
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    // Let the start's first polls (which may read the last sync's second again) pass.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    const from = Date.now();
    const first = requests.length;
    const polls = () =>
      requests
        .slice(first)
        .filter(
          (request) => request.model === "inventory.segment.run" && request.method === "watch_poll",
        );
    while (polls().length < POLLS) await new Promise((resolve) => setTimeout(resolve, 100));
    const to = Date.now();
    controller.abort("bench over");
    await done;
    odoo.close();
    // Each poll: the requests ending between its watch_poll and the next one.
    const window = requests.slice(first).filter((request) => request.endedAt <= to);
    const starts = polls().map((request) => request.endedAt);
    const perPoll = starts.map((start, index) => {
      const end = starts[index + 1] ?? to;
      const mine = window.filter(
        (request) => request.endedAt >= start - 1_000 && request.endedAt < end - 500,
      );
      return {
        calls: mine.length,
        wallMs: Math.max(...mine.filter((r) => r.method !== "write").map((r) => r.durationMs)),
      };
    });
    const figures: Record<string, number> = {
      callsPerPoll: window.length / starts.length,
      maxCallsPerPoll: Math.max(...perPoll.map((poll) => poll.calls)),
      pollWallMs: median(perPoll.map((poll) => poll.wallMs)),
    };
    const serverLog = process.env.ODOO_BENCH_SERVER_LOG;
    if (serverLog) {
      const times = serverTimes(serverLog, from - 500, to + 500);
      figures.serverMsPerPoll = times.reduce((sum, time) => sum + time.ms, 0) / starts.length;
      figures.serverMsPerRequest = median(times.map((time) => time.ms));
    }
    return figures;
  },
  metrics: {
    callsPerPoll: { label: "RPC calls per poll (mean)", unit: "", decimals: 2 },
    maxCallsPerPoll: { label: "RPC calls per poll (most)", unit: "", decimals: 0 },
    pollWallMs: { label: "client wall time of a poll", unit: "ms", decimals: 1 },
    serverMsPerPoll: { label: "server time per poll (SQL + Python)", unit: "ms", decimals: 1 },
    serverMsPerRequest: { label: "server time per request (median)", unit: "ms", decimals: 1 },
  },
  targets: [
    { metric: "maxCallsPerPoll", atMost: 5 },
    { metric: "serverMsPerPoll", atMost: 50 },
  ],
};
