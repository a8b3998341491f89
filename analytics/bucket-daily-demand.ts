import { type PeriodKind, parsePeriod, periodLabel, toPeriodOrdinal } from "./periods.js";
import type { DemandMatrix } from "./types.js";

/** One day's demand of one item, net of returns that day (negative for a net return). */
export interface DailyDemand {
  readonly sku: string;
  /** `YYYY-MM-DD`; a week or month label of the grid's own kind is accepted too. */
  readonly day: string;
  readonly quantity: number;
}

/** Options of {@link bucketDailyDemand}. */
export interface BucketOptions {
  /** The analysis period to aggregate to. */
  readonly period: PeriodKind;
  /** The items, in the row order of the result (`result.skus` equals it). */
  readonly skus: readonly string[];
  /**
   * First and last period of the grid, as a day or a label of `period`. Default: the earliest and
   * latest record. Records outside the window are left out (it is the history window).
   */
  readonly from?: string;
  readonly through?: string;
}

/** What was wrong with a demand record; `index` is its position in the input. */
export type DemandInputCode =
  | "unknown-sku"
  | "duplicate-sku"
  | "bad-quantity"
  | "bad-period"
  | "empty-window";

/** Thrown by {@link bucketDailyDemand}; callers map `index` to their own line numbers. */
export class DemandInputError extends Error {
  override readonly name = "DemandInputError";
  constructor(
    readonly code: DemandInputCode,
    /** Position of the offending record, or -1 when the options are at fault. */
    readonly index: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Aggregates daily demand into weeks (ISO 8601, Monday to Sunday) or calendar months on one grid for
 * all items. Quantities of the same item and period add up, so returns net out within the period.
 * Missing periods hold zero. A period whose net is negative stays negative here; the statistics treat
 * it as a zero-demand period (see `demandStatistics`).
 * @param records daily demand in any order; not modified.
 * @param options the period kind, the item list and an optional window.
 * @returns a {@link DemandMatrix} with one row per entry of `options.skus`.
 * @throws {DemandInputError} on an unknown or duplicate SKU, a non-finite quantity, an unreadable day, or a window
 *   whose `from` lies after `through`.
 * @example
 * const matrix = bucketDailyDemand(
 *   [
 *     { sku: "BOLT", day: "2024-03-18", quantity: 5 },
 *     { sku: "BOLT", day: "2024-03-24", quantity: -1 },
 *     { sku: "BOLT", day: "2024-04-02", quantity: 2 },
 *   ],
 *   { period: "week", skus: ["BOLT"] },
 * );
 * matrix.periodLabels; // ["2024-W12", "2024-W13", "2024-W14"]
 * Array.from(matrix.quantities); // [4, 0, 2]
 */
export function bucketDailyDemand(
  records: Iterable<DailyDemand>,
  options: BucketOptions,
): DemandMatrix {
  const { period, skus } = options;
  const rowOf = new Map<string, number>();
  for (const [row, sku] of skus.entries()) {
    if (rowOf.has(sku)) {
      throw new DemandInputError("duplicate-sku", -1, `SKU "${sku}" is listed twice in the items`);
    }
    rowOf.set(sku, row);
  }
  const ordinalOf = new Map<string, number>();
  const placeLabel = (label: string, index: number): number => {
    let ordinal = ordinalOf.get(label);
    if (ordinal === undefined) {
      try {
        ordinal = toPeriodOrdinal(parsePeriod(label), label, period);
      } catch (error) {
        throw new DemandInputError("bad-period", index, (error as Error).message);
      }
      ordinalOf.set(label, ordinal);
    }
    return ordinal;
  };

  // One pass to collect rows, ordinals and quantities; a second to lay them on the grid once its
  // extent is known.
  const rows: number[] = [];
  const ordinals: number[] = [];
  const quantities: number[] = [];
  let earliest = Number.POSITIVE_INFINITY;
  let latest = Number.NEGATIVE_INFINITY;
  let index = 0;
  for (const record of records) {
    const row = rowOf.get(record.sku);
    if (row === undefined) {
      throw new DemandInputError(
        "unknown-sku",
        index,
        `record ${index}: unknown SKU "${record.sku}"`,
      );
    }
    if (!Number.isFinite(record.quantity)) {
      throw new DemandInputError(
        "bad-quantity",
        index,
        `record ${index}: quantity of "${record.sku}" on ${record.day} is not a finite number`,
      );
    }
    const ordinal = placeLabel(record.day, index);
    if (ordinal < earliest) earliest = ordinal;
    if (ordinal > latest) latest = ordinal;
    rows.push(row);
    ordinals.push(ordinal);
    quantities.push(record.quantity);
    index++;
  }

  const first = options.from === undefined ? earliest : placeLabel(options.from, -1);
  const last = options.through === undefined ? latest : placeLabel(options.through, -1);
  if (rows.length === 0 && (options.from === undefined || options.through === undefined)) {
    return { period, periodLabels: [], skus: [...skus], quantities: new Float64Array(0) };
  }
  if (first > last) {
    throw new DemandInputError("empty-window", -1, "the demand window ends before it starts");
  }
  const periodCount = Math.max(0, last - first + 1);
  const grid = new Float64Array(skus.length * periodCount);
  for (let k = 0; k < rows.length; k++) {
    const column = (ordinals[k] as number) - first;
    if (column < 0 || column >= periodCount) continue;
    const cell = (rows[k] as number) * periodCount + column;
    grid[cell] = (grid[cell] as number) + (quantities[k] as number);
  }
  const periodLabels: string[] = [];
  for (let ordinal = first; ordinal <= last; ordinal++)
    periodLabels.push(periodLabel(ordinal, period));
  return { period, periodLabels, skus: [...skus], quantities: grid };
}
