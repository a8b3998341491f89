import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parsePeriod, toPeriodOrdinal } from "../../analytics/periods.js";
import { createRandom } from "../../analytics/random.js";
import { CsvInputError } from "../../connector/sources/csv/errors.js";
import { parseDecimal } from "../../connector/sources/csv/numbers.js";
import { periodOrdinalFromBytes } from "../../connector/sources/csv/period-bytes.js";
import { CsvRecordReader } from "../../connector/sources/csv/record-reader.js";

const directory = mkdtempSync(join(tmpdir(), "invseg-csv-reader-"));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

function records(content: string | Buffer): string[][] {
  const path = join(directory, "file.csv");
  writeFileSync(path, content);
  const reader = new CsvRecordReader(path, "file.csv");
  const rows: string[][] = [];
  try {
    while (reader.next()) {
      const row: string[] = [];
      for (let field = 0; field < reader.fieldCount; field++) row.push(reader.text(field));
      rows.push(row);
    }
  } finally {
    reader.close();
  }
  return rows;
}

describe("CsvRecordReader", () => {
  it("reads LF and CRLF line ends, with or without a final line end", () => {
    expect(records("a,b\n1,2\n3,4")).toEqual([
      ["a", "b"],
      ["1", "2"],
      ["3", "4"],
    ]);
    expect(records("a,b\r\n1,2\r\n")).toEqual([
      ["a", "b"],
      ["1", "2"],
    ]);
  });

  it("drops a UTF-8 byte order mark and skips blank lines", () => {
    const bom = Buffer.from([0xef, 0xbb, 0xbf]);
    expect(records(Buffer.concat([bom, Buffer.from("sku,x\r\n\r\nA,1\n\n")]))).toEqual([
      ["sku", "x"],
      ["A", "1"],
    ]);
  });

  it("reads quoted fields with commas, escaped quotes and line breaks", () => {
    expect(records('sku,name\n"A,1","say ""hi""\nthere"\nB,""\n')).toEqual([
      ["sku", "name"],
      ["A,1", 'say "hi"\nthere'],
      ["B", ""],
    ]);
  });

  it("counts lines inside quoted fields when reporting the line of the next record", () => {
    const path = join(directory, "lines.csv");
    writeFileSync(path, 'a,b\n"x\ny",1\nz,2\n');
    const reader = new CsvRecordReader(path, "lines.csv");
    const lines: number[] = [];
    while (reader.next()) lines.push(reader.line);
    reader.close();
    expect(lines).toEqual([1, 2, 4]);
  });

  it("trims spaces around unquoted fields but keeps them inside quotes", () => {
    expect(records('a , b\n 1 ,"  2 "\n')).toEqual([
      ["a", "b"],
      ["1", "  2 "],
    ]);
  });

  it("reads records that straddle its read buffer, and records longer than it", () => {
    const rows = 120_000;
    let content = "sku,period,quantity\n";
    for (let i = 0; i < rows; i++) content += `SKU-${i},2024-W01,${i}\r\n`;
    const long = "x".repeat(3 << 20);
    content += `"${long}",2024-W02,1\n`;
    const read = records(content);
    expect(read).toHaveLength(rows + 2);
    for (let i = 0; i < rows; i++) {
      const row = read[i + 1] as string[];
      if (row[0] !== `SKU-${i}` || row[2] !== String(i))
        throw new Error(`row ${i} misread: ${row}`);
    }
    expect(read[rows + 1]?.[0]).toHaveLength(long.length);
  });

  it("names the line and column of an unterminated quote", () => {
    expect(() => records('a,b\n1,"open\n2,3\n')).toThrowError(
      expect.objectContaining({ code: "bad_quote", line: 2, column: 2 }),
    );
    expect(() => records('a,b\n1,"x"y\n')).toThrowError(/file\.csv line 2, column 2/);
  });

  it("reports a missing file with a typed error", () => {
    expect(() => new CsvRecordReader(join(directory, "nope.csv"), "nope.csv")).toThrowError(
      new CsvInputError("file_not_found", { file: "nope.csv" }, "no such file"),
    );
    expect(() => new CsvRecordReader(directory, "dir")).toThrowError(
      expect.objectContaining({ code: "unreadable_file" }),
    );
  });
});

describe("parseDecimal", () => {
  const parse = (text: string) => parseDecimal(Buffer.from(text), 0, Buffer.byteLength(text));

  it("reads the decimal forms exports use, exactly as Number() does", () => {
    const random = createRandom(7);
    const samples = ["0", "-0", "12", "+3", "-12.50", ".25", "5.", "1e3", "2.5E-4", "0.1", "0.3"];
    for (let i = 0; i < 2000; i++) {
      const value = (random.next() - 0.5) * 10 ** random.int(12);
      samples.push(value.toFixed(random.int(8)), String(value), value.toExponential(random.int(6)));
    }
    samples.push(
      "123456789012345678901234567890",
      "1.00000000000000011102230246251565404236316680908203125",
    );
    for (const sample of samples) expect(parse(sample)).toBe(Number(sample));
  });

  it("refuses what is not a plain decimal", () => {
    for (const text of [
      "",
      "-",
      ".",
      "1,5",
      "1.2.3",
      "12abc",
      "e5",
      "1e",
      "NaN",
      "Infinity",
      "1e999",
      "$5",
    ]) {
      expect(parse(text), text).toBeNaN();
    }
  });
});

describe("periodOrdinalFromBytes", () => {
  const ordinal = (label: string, kind: "week" | "month") =>
    periodOrdinalFromBytes(Buffer.from(label), 0, label.length, kind);

  it("agrees with analytics/periods.ts on every day of 1999–2031, on both grids", () => {
    for (let day = Date.UTC(1999, 0, 1); day <= Date.UTC(2031, 11, 31); day += 86_400_000) {
      const label = new Date(day).toISOString().slice(0, 10);
      for (const kind of ["week", "month"] as const) {
        const expected = toPeriodOrdinal(parsePeriod(label), label, kind);
        if (ordinal(label, kind) !== expected) throw new Error(`${label} on a ${kind} grid`);
      }
    }
  });

  it("agrees on weeks and months, and refuses what periods.ts refuses", () => {
    for (const label of ["2020-W53", "2021-W01", "2026-W53", "2024-W12", "2024-01", "2024-12"]) {
      const parsed = parsePeriod(label);
      expect(ordinal(label, parsed.kind === "week" ? "week" : "month")).toBe(parsed.ordinal);
    }
    const refused = [
      "2021-W53",
      "2024-W00",
      "2024-13",
      "2023-02-29",
      "2024-3-1",
      "2024/03",
      "24-03",
    ];
    for (const label of [...refused, "2024-W5a", "2024-02-30"]) {
      expect(ordinal(label, "week"), label).toBeNaN();
    }
    expect(ordinal("2024-03", "week")).toBeNaN();
    expect(ordinal("2024-W10", "month")).toBeNaN();
  });
});
