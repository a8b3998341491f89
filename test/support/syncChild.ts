/**
 * One sync in its own process, for the test that kills a sync mid-write: connects to the fake
 * server named in `$SYNC_CHILD` (JSON: url, database, apiKey, startMs) and runs the scenario's sync.
 */
import { runSync } from "../../connector/sync/sync.js";
import { type ChildConnection, childSettings, connectChild } from "./childProcess.js";
import { SCENARIO_AS_OF } from "./syncScenario.js";

const settings = childSettings<ChildConnection & { startMs: number }>("SYNC_CHILD");
const odoo = await connectChild(settings);
await runSync(odoo, {
  mode: "full",
  stateDir: null,
  connection: { url: settings.url, database: settings.database },
  asOfDay: SCENARIO_AS_OF,
  clock: () => settings.startMs,
  batchSize: 2,
});
odoo.close();
