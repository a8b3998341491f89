/**
 * The `csv` source: a planner's own exports (`demand.csv`, `items.csv`, formats in DESIGN.md
 * "File formats") read into the same planning input as the `odoo` and `demo` sources.
 */
import type { PeriodKind } from "../../../analytics/periods.js";
import type { PlanningInput } from "../planning-input.js";
import { readDemand } from "./demand.js";
import { readItems } from "./items.js";

export { type ReadDemandOptions, readDemand } from "./demand.js";
export { type CsvErrorCode, CsvInputError } from "./errors.js";
export { readItems } from "./items.js";

/** Options of {@link loadCsvInput}. */
export interface CsvSourceOptions {
  readonly demandPath: string;
  readonly itemsPath: string;
  readonly period?: PeriodKind;
  /** Widen the history with zero demand up to this period label. */
  readonly through?: string;
  readonly onProgress?: (fraction: number) => void;
}

/**
 * Reads both files: items first (they fix the row order), then demand.
 * @throws {CsvInputError} on any bad input, naming file, line and column.
 */
export function loadCsvInput(options: CsvSourceOptions): PlanningInput {
  const items = readItems(options.itemsPath);
  const demand = readDemand(
    options.demandPath,
    items.map((item) => item.sku),
    {
      ...(options.period !== undefined && { period: options.period }),
      ...(options.through !== undefined && { through: options.through }),
      ...(options.onProgress !== undefined && { onProgress: options.onProgress }),
    },
  );
  return { demand, items };
}
