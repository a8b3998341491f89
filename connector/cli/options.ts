import { type Command, InvalidArgumentError, Option } from "commander";
import { SEGMENTED_GOALS } from "../../analytics/index.js";
import type { PeriodKind } from "../../analytics/periods.js";

/** The options shared by every command that reads planning input. */
export interface InputOptions {
  readonly source: string;
  readonly demand?: string;
  readonly items?: string;
  readonly period?: PeriodKind;
  readonly config?: string;
  readonly seed?: number;
  readonly products?: number;
  readonly odooConfig?: string;
}

/** Adds `--source`, the csv files, `--period`, `--config` and the demo plant's knobs. */
export function addInputOptions(command: Command, sourceNames: readonly string[]): Command {
  return command
    .addOption(
      new Option("--source <name>", "where the data comes from")
        .choices(sourceNames)
        .default("csv"),
    )
    .option("--demand <file>", "demand.csv: sku,period,quantity (csv source)")
    .option("--items <file>", "items.csv: sku,unit_cost,… (csv source)")
    .addOption(
      new Option(
        "--period <kind>",
        "analysis period (default: the demand file's own, days → week)",
      ).choices(["week", "month"]),
    )
    .option(
      "--config <file>",
      "analytics configuration (JSON); defaults apply to what it leaves out",
    )
    .option("--seed <n>", "demo plant seed (demo source)", integer("--seed"))
    .option("--products <n>", "demo plant size (demo source)", integer("--products"))
    .option(
      "--odoo-config <file>",
      "Odoo connection settings, JSON (odoo source; the ODOO_* environment wins over it)",
    );
}

/** `--config`: the Odoo connection file of the commands that talk to Odoo. */
export function odooConfigOption(): Option {
  return new Option(
    "--config <file>",
    "Odoo connection settings (JSON); the ODOO_* environment wins over it",
  );
}

/** `--analytics-config`: the analytics knobs of the commands that plan from Odoo. */
export function analyticsConfigOption(): Option {
  return new Option(
    "--analytics-config <file>",
    "analytics knobs Odoo does not hold (JSON, as for plan --config)",
  );
}

/** `--segmented-goal`: what the backtest compares the two policies at (`backtest`, `demo`). */
export function segmentedGoalOption(): Option {
  return new Option(
    "--segmented-goal <goal>",
    "baseline: promise the fill rate the uniform policy is expected to give, at least inventory; " +
      "matched: serve what the uniform policy served over the replay (an ex-post comparison); " +
      "configured: the configuration's tier targets and allocator goal",
  )
    .choices([...SEGMENTED_GOALS])
    .default("baseline");
}

/** A commander parser for a whole number. */
export function integer(name: string): (value: string) => number {
  return (value) => {
    const parsed = Number(value);
    if (!Number.isInteger(parsed))
      throw new InvalidArgumentError(`${name} needs a whole number, got "${value}"`);
    return parsed;
  };
}

/** A commander parser for a number ≥ 0. */
export function nonNegative(name: string): (value: string) => number {
  return (value) => {
    const parsed = Number(value);
    if (value.trim() === "" || !Number.isFinite(parsed) || parsed < 0) {
      throw new InvalidArgumentError(`${name} needs a number ≥ 0, got "${value}"`);
    }
    return parsed;
  };
}
