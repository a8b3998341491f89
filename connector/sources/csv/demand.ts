import {
  type PeriodKind,
  PeriodLabelError,
  parsePeriod,
  periodLabel,
  toPeriodOrdinal,
} from "../../../analytics/periods.js";
import type { DemandMatrix } from "../../../analytics/types.js";
import { DemandGrid, MAX_PERIOD_SPAN } from "./demand-grid.js";
import { CsvInputError } from "./errors.js";
import { fieldError, requiredNumber } from "./fields.js";
import { readHeader } from "./header.js";
import { periodOrdinalFromBytes } from "./period-bytes.js";
import { CsvRecordReader } from "./record-reader.js";

const PROGRESS_EVERY_ROWS = 1 << 16;

/** Options of {@link readDemand}. */
export interface ReadDemandOptions {
  /**
   * The analysis period. Default: the kind of the first row's label, with days going to weeks
   * (DESIGN.md: week by default).
   */
  readonly period?: PeriodKind;
  /** How to name the file in error messages. Default: the path. */
  readonly file?: string;
  /** Widen the grid with zero demand up to this period label (e.g. the planning date). */
  readonly through?: string;
  /** Called now and then with the share of the file read, 0–1. */
  readonly onProgress?: (fraction: number) => void;
}

/**
 * Reads `demand.csv` (`sku,period,quantity`) into a demand matrix whose rows follow `skus`.
 *
 * - `period` is a day `2024-03-18`, an ISO week `2024-W12` or a month `2024-03`; days are summed
 *   into their week or month. One file may mix days with the grid's own kind.
 * - Periods without a row count as zero demand; SKUs without a row get a row of zeros.
 * - Several rows for the same SKU and period **add up** (an export with one line per order or move
 *   is read as intended; a day-level file bucketed into weeks needs this anyway).
 * - Negative quantities are net returns and are kept as they are; the analytics decide their effect.
 *
 * @param skus the item master's SKUs, in the order the matrix rows must follow.
 * @throws {CsvInputError} naming the file, line and column: `empty_file`, `missing_column`,
 *   `missing_field`, `not_a_number`, `bad_period`, `out_of_range` (a history over
 *   {@link MAX_PERIOD_SPAN} periods) or `unknown_sku`.
 */
export function readDemand(
  path: string,
  skus: readonly string[],
  options: ReadDemandOptions = {},
): DemandMatrix {
  const reader = new CsvRecordReader(path, options.file ?? path);
  try {
    const columns = readHeader(reader, ["sku", "period", "quantity"], []);
    const itemOfSku = new Map<string, number>();
    for (let item = 0; item < skus.length; item++) itemOfSku.set(skus[item] as string, item);
    const grid = new DemandGrid(skus.length);
    const lastSku = new SkuCache();
    let period = options.period;
    let rows = 0;
    while (reader.next()) {
      if (period === undefined) period = periodOfFirstLabel(reader, columns.period);
      const item = lastSku.lookup(reader, columns.sku, itemOfSku);
      const ordinal = readPeriodOrdinal(reader, columns.period, period, grid);
      const quantity = requiredNumber(reader, columns.quantity, "quantity");
      grid.add(item, ordinal, quantity);
      if (++rows % PROGRESS_EVERY_ROWS === 0 && options.onProgress) {
        options.onProgress(reader.bytesConsumed / Math.max(1, reader.sizeBytes));
      }
    }
    if (period === undefined) {
      throw new CsvInputError(
        "empty_file",
        { file: reader.file },
        "the file has a header but no rows",
      );
    }
    const through =
      options.through === undefined ? undefined : throughOrdinal(options.through, period);
    const { first, periodCount, quantities } = grid.toRows(through);
    const periodLabels = Array.from({ length: periodCount }, (_, t) =>
      periodLabel(first + t, period),
    );
    return { period, periodLabels, skus, quantities };
  } finally {
    reader.close();
  }
}

/** Remembers the previous row's SKU bytes: exports are usually sorted by SKU, so most rows hit. */
class SkuCache {
  private bytes = Buffer.alloc(64);
  private length = -1;
  private item = -1;

  lookup(reader: CsvRecordReader, field: number, itemOfSku: ReadonlyMap<string, number>): number {
    const source = reader.bytes;
    const start = reader.fieldStart(field);
    const length = reader.fieldEnd(field) - start;
    if (length === this.length && field < reader.fieldCount) {
      let same = true;
      for (let i = 0; i < length; i++) {
        if (source[start + i] !== this.bytes[i]) {
          same = false;
          break;
        }
      }
      if (same) return this.item;
    }
    const sku = reader.text(field).trim();
    const item = itemOfSku.get(sku);
    if (item === undefined) {
      const problem =
        sku === "" ? "the SKU is empty" : `unknown SKU "${sku}": it is not in the items file`;
      throw fieldError(reader, field, "sku", sku === "" ? "bad_value" : "unknown_sku", problem);
    }
    if (length > this.bytes.length) this.bytes = Buffer.alloc(length * 2);
    source.copy(this.bytes, 0, start, start + length);
    this.length = length;
    this.item = item;
    return item;
  }
}

function readPeriodOrdinal(
  reader: CsvRecordReader,
  field: number,
  period: PeriodKind,
  grid: DemandGrid,
): number {
  if (field >= reader.fieldCount) {
    throw fieldError(reader, field, "period", "missing_field", "the row ends before this column");
  }
  const bytes = reader.bytes;
  const ordinal = periodOrdinalFromBytes(
    bytes,
    reader.fieldStart(field),
    reader.fieldEnd(field),
    period,
  );
  if (Number.isNaN(ordinal)) {
    const label = reader.text(field);
    throw fieldError(reader, field, "period", "bad_period", periodProblem(label, period));
  }
  if (!grid.accepts(ordinal)) {
    const range = grid.range as { first: number; last: number };
    throw fieldError(
      reader,
      field,
      "period",
      "out_of_range",
      `${reader.text(field)} is too far from ${periodLabel(range.first, period)}–${periodLabel(range.last, period)}: ` +
        `a history may span at most ${MAX_PERIOD_SPAN} ${period}s (a typo in the year?)`,
    );
  }
  return ordinal;
}

/** The precise reason a label was refused, from analytics/periods.ts. */
function periodProblem(label: string, period: PeriodKind): string {
  try {
    toPeriodOrdinal(parsePeriod(label), label, period);
  } catch (error) {
    if (error instanceof PeriodLabelError) return error.message;
    throw error;
  }
  return `invalid period "${label}"`;
}

function periodOfFirstLabel(reader: CsvRecordReader, field: number): PeriodKind {
  const label = reader.text(field).trim();
  try {
    const { kind } = parsePeriod(label);
    return kind === "month" ? "month" : "week";
  } catch (error) {
    if (!(error instanceof PeriodLabelError)) throw error;
    throw fieldError(reader, field, "period", "bad_period", error.message);
  }
}

function throughOrdinal(label: string, period: PeriodKind): number {
  return toPeriodOrdinal(parsePeriod(label), label, period);
}
