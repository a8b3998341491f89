import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import { COMMA, CR, LF, QUOTE, SPACE, TAB } from "./ascii.js";
import { CsvInputError } from "./errors.js";
import { parseDecimal } from "./numbers.js";

const CHUNK_BYTES = 1 << 20;

/**
 * Reads RFC 4180 CSV records from a file, one at a time, without building a string or an object
 * per row: the current record is a set of byte ranges into a reused buffer, and callers decode only
 * the fields they need (numbers straight from the bytes). Handles a UTF-8 BOM, CRLF or LF line
 * ends, quoted fields with `""` escapes and line breaks, and blank lines (skipped). Unquoted fields
 * are trimmed of spaces and tabs, which exports often leave after commas.
 */
export class CsvRecordReader {
  /** 1-based line on which the current record starts. */
  line = 0;
  /** Number of fields in the current record. */
  fieldCount = 0;
  /** Bytes consumed so far, for progress. */
  bytesConsumed = 0;
  /** File size in bytes, for progress. */
  readonly sizeBytes: number;

  private buffer: Buffer = Buffer.allocUnsafe(CHUNK_BYTES);
  private position = 0;
  private limit = 0;
  private atEnd = false;
  private nextLine = 1;
  private starts = new Int32Array(16);
  private ends = new Int32Array(16);
  /** 1 where a quoted field holds `""` escapes that `text` must undo. */
  private escaped = new Uint8Array(16);
  private readonly fd: number;

  /**
   * @param path file to read.
   * @param file how to name the file in error messages (usually the path as the user typed it).
   */
  constructor(
    path: string,
    readonly file: string,
  ) {
    try {
      this.fd = openSync(path, "r");
    } catch (error) {
      throw unreadable(file, error);
    }
    try {
      this.sizeBytes = fstatSync(this.fd).size;
      this.fill();
    } catch (error) {
      closeSync(this.fd);
      throw unreadable(file, error);
    }
    // A UTF-8 byte order mark, as Excel writes, is not part of the first header name.
    if (this.buffer[0] === 0xef && this.buffer[1] === 0xbb && this.buffer[2] === 0xbf) {
      this.position = 3;
    }
  }

  /**
   * Advances to the next non-blank record.
   * @returns false at the end of the file.
   * @throws {CsvInputError} `bad_quote` on an unterminated quote or text after a closing quote.
   */
  next(): boolean {
    for (;;) {
      if (this.position >= this.limit && this.atEnd) return false;
      let end = this.scan(this.position);
      while (end < 0) {
        this.refill();
        end = this.scan(this.position);
      }
      this.bytesConsumed += end - this.position;
      this.position = end;
      if (!this.isBlank()) return true;
    }
  }

  /** The field's text (empty for a field the record does not have). */
  text(field: number): string {
    if (field >= this.fieldCount) return "";
    const start = this.starts[field] as number;
    const end = this.ends[field] as number;
    const value = this.buffer.toString("utf8", start, end);
    return this.escaped[field] === 1 ? value.replaceAll('""', '"') : value;
  }

  /** True when the field is absent or empty. */
  isEmpty(field: number): boolean {
    return field >= this.fieldCount || this.starts[field] === this.ends[field];
  }

  /** The field as a decimal number, or NaN when it is not one (or empty). */
  number(field: number): number {
    if (field >= this.fieldCount) return Number.NaN;
    return parseDecimal(this.buffer, this.starts[field] as number, this.ends[field] as number);
  }

  /** The raw bytes of a field: [start, end) in `bytes`, valid until the next call to `next`. */
  get bytes(): Buffer {
    return this.buffer;
  }
  fieldStart(field: number): number {
    return this.starts[field] as number;
  }
  fieldEnd(field: number): number {
    return this.ends[field] as number;
  }

  close(): void {
    closeSync(this.fd);
  }

  /**
   * Splits the record starting at `from` into fields.
   * @returns the offset just past its line end, or -1 when the buffer holds only part of it.
   */
  private scan(from: number): number {
    const buffer = this.buffer;
    const limit = this.limit;
    let lineBreaks = 0;
    let field = 0;
    let i = from;
    for (;;) {
      if (field === this.starts.length) this.growFields();
      let start: number;
      let end: number;
      let byte = i < limit ? (buffer[i] as number) : -1;
      while (byte === SPACE || byte === TAB) byte = ++i < limit ? (buffer[i] as number) : -1;
      if (byte === QUOTE) {
        let hasEscapes = 0;
        start = ++i;
        for (;;) {
          if (i >= limit) {
            if (this.atEnd) throw this.quoteError(field, "a quoted field is never closed");
            return -1;
          }
          const inner = buffer[i] as number;
          if (inner === QUOTE) {
            if (i + 1 >= limit && !this.atEnd) return -1;
            if (buffer[i + 1] === QUOTE) {
              hasEscapes = 1;
              i += 2;
              continue;
            }
            break;
          }
          if (inner === LF) lineBreaks++;
          i++;
        }
        end = i++;
        byte = i < limit ? (buffer[i] as number) : -1;
        while (byte === SPACE || byte === TAB) byte = ++i < limit ? (buffer[i] as number) : -1;
        if (byte !== COMMA && byte !== LF && byte !== CR && byte !== -1) {
          throw this.quoteError(field, "unexpected text after a closing quote");
        }
        this.escaped[field] = hasEscapes;
      } else {
        start = i;
        while (byte !== COMMA && byte !== LF && byte !== CR && byte !== -1) {
          byte = ++i < limit ? (buffer[i] as number) : -1;
        }
        end = i;
        while (end > start && (buffer[end - 1] === SPACE || buffer[end - 1] === TAB)) end--;
        this.escaped[field] = 0;
      }
      this.starts[field] = start;
      this.ends[field] = end;
      field++;
      if (byte === COMMA) {
        i++;
        continue;
      }
      if (byte === -1 && !this.atEnd) return -1;
      if (byte === CR) {
        // CRLF needs the next byte to tell CRLF from a lone CR.
        if (i + 1 >= limit && !this.atEnd) return -1;
        i += buffer[i + 1] === LF ? 2 : 1;
      } else if (byte === LF) {
        i++;
      }
      this.fieldCount = field;
      this.line = this.nextLine;
      this.nextLine += 1 + lineBreaks;
      return i;
    }
  }

  private isBlank(): boolean {
    return this.fieldCount === 1 && this.starts[0] === this.ends[0] && this.escaped[0] === 0;
  }

  /** Moves the unread tail to the front and reads more; grows the buffer for very long records. */
  private refill(): void {
    const unread = this.limit - this.position;
    if (this.position === 0 && this.limit === this.buffer.length) {
      const larger = Buffer.allocUnsafe(this.buffer.length * 2);
      this.buffer.copy(larger, 0, 0, this.limit);
      this.buffer = larger;
    } else {
      this.buffer.copyWithin(0, this.position, this.limit);
      this.position = 0;
      this.limit = unread;
    }
    this.fill();
  }

  private fill(): void {
    while (this.limit < this.buffer.length) {
      const count = readSync(
        this.fd,
        this.buffer,
        this.limit,
        this.buffer.length - this.limit,
        null,
      );
      if (count === 0) {
        this.atEnd = true;
        return;
      }
      this.limit += count;
    }
  }

  private growFields(): void {
    const size = this.starts.length * 2;
    const starts = new Int32Array(size);
    const ends = new Int32Array(size);
    const escaped = new Uint8Array(size);
    starts.set(this.starts);
    ends.set(this.ends);
    escaped.set(this.escaped);
    this.starts = starts;
    this.ends = ends;
    this.escaped = escaped;
  }

  private quoteError(field: number, problem: string): CsvInputError {
    return new CsvInputError(
      "bad_quote",
      { file: this.file, line: this.nextLine, column: field + 1 },
      problem,
    );
  }
}

function unreadable(file: string, error: unknown): CsvInputError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "ENOENT") return new CsvInputError("file_not_found", { file }, "no such file");
  const reason = code === "EISDIR" ? "is a directory, not a file" : (error as Error).message;
  return new CsvInputError("unreadable_file", { file }, reason);
}
