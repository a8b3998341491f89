import { CsvInputError } from "./errors.js";
import type { CsvRecordReader } from "./record-reader.js";

/** Field index of each known column in a file; -1 for an optional column the file lacks. */
export type ColumnIndex<Name extends string> = Record<Name, number>;

/**
 * Reads the header record and finds the columns by name, in any order; names are matched without
 * regard to case or surrounding spaces, and unknown columns are ignored.
 * @throws {CsvInputError} `empty_file` when there is no header, `missing_column` when a required
 *   column is absent, `duplicate_column` when a known column appears twice.
 */
export function readHeader<Required extends string, Optional extends string>(
  reader: CsvRecordReader,
  required: readonly Required[],
  optional: readonly Optional[],
): ColumnIndex<Required | Optional> {
  if (!reader.next())
    throw new CsvInputError("empty_file", { file: reader.file }, "the file is empty");
  const names: string[] = [];
  for (let field = 0; field < reader.fieldCount; field++) {
    names.push(reader.text(field).trim().toLowerCase());
  }
  const columns = {} as ColumnIndex<Required | Optional>;
  for (const name of [...required, ...optional]) {
    const field = names.indexOf(name);
    if (field >= 0 && names.indexOf(name, field + 1) >= 0) {
      throw new CsvInputError(
        "duplicate_column",
        { file: reader.file, line: reader.line, column: names.indexOf(name, field + 1) + 1 },
        `column "${name}" appears twice in the header`,
      );
    }
    columns[name] = field;
  }
  for (const name of required) {
    if (columns[name] < 0) {
      throw new CsvInputError(
        "missing_column",
        { file: reader.file, line: reader.line },
        `missing column "${name}" (the header has: ${names.join(", ")})`,
      );
    }
  }
  return columns;
}
