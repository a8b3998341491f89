import type { BenchCase } from "../case.js";
import { backtestCase } from "./backtest.js";
import { csvIngestCase } from "./csv-ingest.js";
import { demoPlantCase } from "./demo-plant.js";
import { planCase } from "./plan.js";
import { syncDemandReadCase, syncFullCase, syncIncrementalCase } from "./sync.js";
import { watchIdlePollCase } from "./watch-idle-poll.js";

/** Every benchmark, in the order `npm run bench` runs them. Add new cases here. */
export const BENCH_CASES: readonly BenchCase[] = [
  planCase,
  backtestCase,
  csvIngestCase,
  demoPlantCase,
  syncFullCase,
  syncIncrementalCase,
  syncDemandReadCase,
  watchIdlePollCase,
];
