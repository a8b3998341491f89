import { type CsvErrorCode, CsvInputError } from "./errors.js";
import type { CsvRecordReader } from "./record-reader.js";

/** Lower and upper bounds a numeric column accepts, and how to say so. */
export interface NumberRule {
  readonly min: number;
  /** True when the value must be strictly above `min`. */
  readonly exclusiveMin?: boolean;
  readonly max?: number;
  /** Appended to an out-of-range message, e.g. a unit hint. */
  readonly hint?: string;
}

/** Raises an error located at the reader's current record and the given field. */
export function fieldError(
  reader: CsvRecordReader,
  field: number,
  columnName: string,
  code: CsvErrorCode,
  problem: string,
): CsvInputError {
  return new CsvInputError(
    code,
    { file: reader.file, line: reader.line, column: field + 1, columnName },
    problem,
  );
}

/**
 * The value of a numeric field that must be present.
 * @throws {CsvInputError} `missing_field`, `not_a_number` or `out_of_range`.
 */
export function requiredNumber(
  reader: CsvRecordReader,
  field: number,
  columnName: string,
  rule?: NumberRule,
): number {
  if (field >= reader.fieldCount) {
    throw fieldError(reader, field, columnName, "missing_field", "the row ends before this column");
  }
  const value = reader.number(field);
  if (Number.isNaN(value)) {
    const text = reader.text(field);
    const problem = text === "" ? "is empty; a number is required" : `"${text}" is not a number`;
    throw fieldError(reader, field, columnName, "not_a_number", problem);
  }
  if (rule) checkRange(reader, field, columnName, value, rule);
  return value;
}

/**
 * The value of an optional numeric column, or undefined when the column is absent or the field empty.
 * @throws {CsvInputError} `not_a_number` or `out_of_range`.
 */
export function optionalNumber(
  reader: CsvRecordReader,
  field: number,
  columnName: string,
  rule: NumberRule,
): number | undefined {
  if (field < 0 || reader.isEmpty(field)) return undefined;
  return requiredNumber(reader, field, columnName, rule);
}

function checkRange(
  reader: CsvRecordReader,
  field: number,
  columnName: string,
  value: number,
  rule: NumberRule,
): void {
  const tooLow = rule.exclusiveMin ? value <= rule.min : value < rule.min;
  const tooHigh = rule.max !== undefined && value > rule.max;
  if (!tooLow && !tooHigh) return;
  let expected = rule.exclusiveMin ? `above ${rule.min}` : `at least ${rule.min}`;
  if (rule.max !== undefined) expected += ` and at most ${rule.max}`;
  const hint = rule.hint ? ` (${rule.hint})` : "";
  throw fieldError(
    reader,
    field,
    columnName,
    "out_of_range",
    `${reader.text(field)} is out of range: must be ${expected}${hint}`,
  );
}
