/**
 * One sync in its own process, for the test that kills a sync mid-write: connects to the fake
 * server named in `$SYNC_CHILD` (JSON: url, database, apiKey, startMs) and runs the scenario's sync.
 */
import { connectOdoo } from "../../connector/odoo/index.js";
import { runSync } from "../../connector/sync/sync.js";
import { SCENARIO_AS_OF } from "./syncScenario.js";

const settings = JSON.parse(process.env.SYNC_CHILD ?? "{}") as {
  url: string;
  database: string;
  apiKey: string;
  startMs: number;
};
const odoo = await connectOdoo({
  url: settings.url,
  database: settings.database,
  apiKey: settings.apiKey,
  transport: "json2",
  timeoutMs: 30_000,
  maxRetries: 0,
  concurrency: 4,
  insecureTls: false,
});
await runSync(odoo, {
  mode: "full",
  stateDir: null,
  connection: { url: settings.url, database: settings.database },
  asOfDay: SCENARIO_AS_OF,
  clock: () => settings.startMs,
  batchSize: 2,
});
odoo.close();
