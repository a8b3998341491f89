/** What went wrong in an input file; callers branch on it (the CLI maps every code to exit 2). */
export type CsvErrorCode =
  | "file_not_found"
  | "unreadable_file"
  | "empty_file"
  | "missing_column"
  | "duplicate_column"
  | "missing_field"
  | "bad_quote"
  | "not_a_number"
  | "out_of_range"
  | "bad_period"
  | "bad_value"
  | "unknown_sku"
  | "duplicate_sku";

/** Where in a file a problem sits. `line` and `column` are 1-based; `column` counts fields. */
export interface CsvLocation {
  readonly file: string;
  readonly line?: number;
  readonly column?: number;
  readonly columnName?: string;
}

/**
 * Bad input in a CSV file. The message names the file, line and column so that a planner can fix
 * the export without reading code, e.g. `demand.csv line 12, column 3 (quantity): "12,5" is not a number`.
 */
export class CsvInputError extends Error {
  override readonly name = "CsvInputError";
  readonly file: string;
  readonly line: number | undefined;
  readonly column: number | undefined;
  readonly columnName: string | undefined;

  constructor(
    readonly code: CsvErrorCode,
    location: CsvLocation,
    problem: string,
  ) {
    super(`${describeLocation(location)}: ${problem}`);
    this.file = location.file;
    this.line = location.line;
    this.column = location.column;
    this.columnName = location.columnName;
  }
}

function describeLocation({ file, line, column, columnName }: CsvLocation): string {
  let where = file;
  if (line !== undefined) where += ` line ${line}`;
  if (column !== undefined) {
    where += `, column ${column}`;
    if (columnName !== undefined) where += ` (${columnName})`;
  }
  return where;
}
