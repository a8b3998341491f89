/**
 * `invseg watch`'s loop in its own process, for the tests that kill it or send it SIGTERM: connects
 * to the fake server named in `$WATCH_CHILD` (JSON: url, database, apiKey, stateDir, and optional
 * intervalSeconds) and runs until SIGTERM/SIGINT, logging JSON lines to stdout like the CLI.
 */
import { hostname } from "node:os";
import { jsonLines } from "../../connector/watch/log.js";
import { runWatch } from "../../connector/watch/watch.js";
import { processIdentity } from "../../connector/watch/watch-run.js";
import { type ChildConnection, childSettings, connectChild } from "../support/childProcess.js";

const settings = childSettings<ChildConnection & { stateDir: string; intervalSeconds?: number }>(
  "WATCH_CHILD",
);
const odoo = await connectChild(settings);
const controller = new AbortController();
for (const signal of ["SIGTERM", "SIGINT"] as const)
  process.on(signal, () => controller.abort(signal));
await runWatch(odoo, {
  intervalSeconds: settings.intervalSeconds ?? 0.2,
  stateDir: settings.stateDir,
  connection: { url: settings.url, database: settings.database },
  signal: controller.signal,
  log: jsonLines(process.stdout),
  identity: processIdentity(hostname()),
  fullRefresh: false,
});
odoo.close();
