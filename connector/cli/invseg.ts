/**
 * The `invseg` command line. Each command lives in its own module under `commands/` and is
 * registered here; sources for `--source` register themselves in `sources.ts`.
 */
import { Command } from "commander";
import { registerBacktest } from "./commands/backtest.js";
import { registerDemo } from "./commands/demo.js";
import { registerDoctor } from "./commands/doctor.js";
import { registerPlan } from "./commands/plan.js";
import { registerReport } from "./commands/report.js";
import { registerSeedOdoo } from "./commands/seed-odoo.js";
import { registerSync } from "./commands/sync.js";
import { registerWatch } from "./commands/watch.js";
import { EXIT_USER_ERROR } from "./errors.js";

const program = new Command("invseg")
  .description("Inventory segmentation for Odoo: segment, plan, backtest and sync")
  .showHelpAfterError("(run with --help for usage)")
  // Usage mistakes exit 2, like bad input files.
  .exitOverride((error) => {
    process.exit(error.exitCode === 0 ? 0 : EXIT_USER_ERROR);
  });

for (const register of [registerPlan, registerBacktest, registerReport, registerDemo])
  register(program);
for (const register of [registerSync, registerDoctor, registerWatch]) register(program);
registerSeedOdoo(program);

await program.parseAsync(process.argv);
