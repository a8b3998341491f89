import { Command } from "commander";

const program = new Command("invseg")
  .description("Inventory segmentation for Odoo: segment, plan, backtest and sync")
  .showHelpAfterError();

await program.parseAsync(process.argv);
