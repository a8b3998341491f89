import type { AnalyticsConfig } from "../../analytics/config.js";
import {
  type PeriodKind,
  parsePeriod,
  periodLabel,
  toPeriodOrdinal,
} from "../../analytics/periods.js";
import type { PlanningInput } from "../sources/planning-input.js";
import { loadConfigFile } from "./config-file.js";
import type { InputOptions } from "./options.js";
import { createProgress } from "./progress.js";
import { loadInput } from "./sources.js";

/** What plan, backtest and report start from: the input and the configuration that fits it. */
export interface PlanningRun {
  readonly input: PlanningInput;
  readonly config: AnalyticsConfig;
}

/**
 * Reads the configuration, then the input, and makes them agree on the analysis period:
 * `--period`, else the configuration file's `period`, else the demand file's own. Without a
 * configuration file, a source that holds its own configuration (Odoo's settings) supplies it.
 * @param through widen the history with zero demand up to this period label.
 */
export async function readPlanningRun(
  options: InputOptions,
  through?: string,
): Promise<PlanningRun> {
  const { config, periodFromFile } = await loadConfigFile(options.config);
  const period = options.period ?? (periodFromFile ? config.period : undefined);
  const input = await loadInput(
    { ...options, ...(period !== undefined && { period }) },
    createProgress("reading"),
    through,
  );
  const base = options.config === undefined && input.config ? input.config : config;
  return { input, config: { ...base, period: input.demand.period } };
}

/**
 * A period option (`--as-of`, `--train-until`) as a label of the analysis grid, so that a planner
 * may give a day (`2024-06-30`) to a weekly or monthly plan.
 * @throws {PeriodLabelError} on a malformed label or one that cannot sit on the grid.
 */
export function periodOnGrid(label: string, period: PeriodKind): string {
  return periodLabel(toPeriodOrdinal(parsePeriod(label), label, period), period);
}
