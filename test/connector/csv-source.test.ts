import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import {
  CsvInputError,
  loadCsvInput,
  readDemand,
  readItems,
} from "../../connector/sources/csv/index.js";

// The AUTO data set lives beside the repository and may not be copied into it.
const autoData = fileURLToPath(new URL("../../../shared/data/auto/", import.meta.url));
const directory = mkdtempSync(join(tmpdir(), "invseg-csv-source-"));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

let fileCounter = 0;
function file(content: string): string {
  const path = join(directory, `f${fileCounter++}.csv`);
  writeFileSync(path, content);
  return path;
}

/** The thrown CsvInputError, so a test can check its code and location together. */
function errorOf(run: () => unknown): CsvInputError {
  try {
    run();
  } catch (error) {
    if (error instanceof CsvInputError) return error;
    throw error;
  }
  throw new Error("expected a CsvInputError");
}

/** The error's code and location, and a message that starts with the file's name. */
function expectLocated(
  run: () => unknown,
  expected: {
    file: string;
    code: string;
    line: number | undefined;
    column: number | undefined;
    message: RegExp;
  },
): void {
  const error = errorOf(run);
  expect({ code: error.code, line: error.line, column: error.column }).toEqual({
    code: expected.code,
    line: expected.line,
    column: expected.column,
  });
  expect(error.message.startsWith(expected.file)).toBe(true);
  expect(error.message).toMatch(expected.message);
}

describe("readItems", () => {
  it("reads every optional column, in any order, ignoring unknown ones", () => {
    const path = file(
      "Criticality,order_multiple,min_order_qty,lead_time_sd_days,lead_time_weeks,holding_rate,order_cost,UNIT_COST,sku,notes\n" +
        "Critical,10,100,2.5,3,0.2,40,12.5,A,x\n" +
        ",,,,,,,0.75,B,\n",
    );
    expect(readItems(path)).toEqual([
      {
        sku: "A",
        unitCost: 12.5,
        orderCost: 40,
        holdingRate: 0.2,
        leadTimeDays: 21,
        leadTimeSdDays: 2.5,
        minOrderQty: 100,
        orderMultiple: 10,
        lockedTier: "critical",
      },
      { sku: "B", unitCost: 0.75 },
    ]);
  });

  it("takes holding cost per year and lead time in days", () => {
    const path = file("sku,unit_cost,holding_cost_per_year,lead_time_days\nA,10,3,12\n");
    expect(readItems(path)).toEqual([
      { sku: "A", unitCost: 10, holdingCostPerYear: 3, leadTimeDays: 12 },
    ]);
  });

  it("accepts agreeing lead_time_days and lead_time_weeks, refuses disagreeing ones", () => {
    const ok = file("sku,unit_cost,lead_time_days,lead_time_weeks\nA,1,14,2\n");
    expect(readItems(ok)[0]?.leadTimeDays).toBe(14);
    const error = errorOf(() =>
      readItems(file("sku,unit_cost,lead_time_days,lead_time_weeks\nA,1,14,3\n")),
    );
    expect(error).toMatchObject({
      code: "bad_value",
      line: 2,
      column: 4,
      columnName: "lead_time_weeks",
    });
  });

  it.each([
    [
      "sku,cost\nA,1\n",
      "missing_column",
      1,
      undefined,
      /missing column "unit_cost" \(the header has: sku, cost\)/,
    ],
    [
      "sku,unit_cost\nA,abc\n",
      "not_a_number",
      2,
      2,
      /line 2, column 2 \(unit_cost\): "abc" is not a number/,
    ],
    ["sku,unit_cost\nA,\n", "not_a_number", 2, 2, /is empty; a number is required/],
    ["sku,unit_cost\nA\n", "missing_field", 2, 2, /the row ends before this column/],
    ["sku,unit_cost\nA,-1\n", "out_of_range", 2, 2, /-1 is out of range: must be at least 0/],
    ["sku,unit_cost,holding_rate\nA,1,25\n", "out_of_range", 2, 3, /0\.25 means 25 %/],
    ["sku,unit_cost,order_multiple\nA,1,0\n", "out_of_range", 2, 3, /must be above 0/],
    ["sku,unit_cost,criticality\nA,1,vital\n", "bad_value", 2, 3, /"vital" is not a tier/],
    [
      "sku,unit_cost\nA,1\n\nB,2\nA,3\n",
      "duplicate_sku",
      5,
      1,
      /duplicate SKU "A" \(first on line 2\)/,
    ],
    [" ,1\n", "missing_column", 1, undefined, /missing column "sku"/],
    ["sku,unit_cost\n,1\n", "bad_value", 2, 1, /the SKU is empty/],
    ["sku,unit_cost,sku\nA,1,A\n", "duplicate_column", 1, 3, /column "sku" appears twice/],
    ["", "empty_file", undefined, undefined, /the file is empty/],
    ["sku,unit_cost\r\n", "empty_file", undefined, undefined, /a header but no items/],
  ])("refuses %j with %s at line %s, column %s", (content, code, line, column, message) => {
    const path = file(content);
    expectLocated(() => readItems(path, "items.csv"), {
      file: "items.csv",
      code,
      line,
      column,
      message,
    });
  });
});

describe("readDemand", () => {
  const skus = ["A", "B", "C"];

  it("lays rows on one consecutive grid aligned with the items; gaps and absent SKUs are zero", () => {
    const path = file("period,quantity,sku\n2024-01,5,B\n2024-04,2,B\n2024-02,-1,A\n");
    const demand = readDemand(path, skus);
    expect(demand.period).toBe("month");
    expect(demand.periodLabels).toEqual(["2024-01", "2024-02", "2024-03", "2024-04"]);
    expect(demand.skus).toEqual(skus);
    expect(Array.from(demand.quantities)).toEqual([0, -1, 0, 0, 5, 0, 0, 2, 0, 0, 0, 0]);
  });

  it("sums days into ISO weeks, and sums rows repeated for one SKU and period", () => {
    // 2024-03-18 (Mon) and 2024-03-24 (Sun) are both in 2024-W12; 2024-03-25 starts W13.
    const path = file(
      "sku,period,quantity\nA,2024-03-18,1\nA,2024-03-24,2\nA,2024-W12,4\nA,2024-03-25,8\nA,2024-03-25,16\n",
    );
    const demand = readDemand(path, ["A"]);
    expect(demand.period).toBe("week");
    expect(demand.periodLabels).toEqual(["2024-W12", "2024-W13"]);
    expect(Array.from(demand.quantities)).toEqual([7, 24]);
  });

  it("sums days into months when asked, and widens the grid up to `through`", () => {
    const path = file("sku,period,quantity\nA,2024-01-31,1\nA,2024-02-01,2\n");
    const demand = readDemand(path, ["A"], { period: "month", through: "2024-04" });
    expect(demand.periodLabels).toEqual(["2024-01", "2024-02", "2024-03", "2024-04"]);
    expect(Array.from(demand.quantities)).toEqual([1, 2, 0, 0]);
  });

  it("reads files in any row order into the same matrix", () => {
    let rows = "";
    for (let week = 1; week <= 52; week++) {
      for (const sku of skus)
        rows += `${sku},2023-W${String(week).padStart(2, "0")},${week * 10 + sku.charCodeAt(0)}\n`;
    }
    const lines = rows.trimEnd().split("\n");
    const sorted = readDemand(file(`sku,period,quantity\n${lines.join("\n")}`), skus);
    const reversed = readDemand(
      file(`sku,period,quantity\n${[...lines].reverse().join("\n")}`),
      skus,
    );
    expect(reversed.periodLabels).toEqual(sorted.periodLabels);
    expect(reversed.quantities).toEqual(sorted.quantities);
    expect(sorted.periodLabels).toHaveLength(52);
    expect(sorted.quantities[52 + 51]).toBe(520 + 66);
  });

  it.each([
    ["sku,qty\nA,2024-01,1\n", "missing_column", 1, undefined, /missing column "period"/],
    [
      "sku,period,quantity\nA,2024-01,x1\n",
      "not_a_number",
      2,
      3,
      /column 3 \(quantity\): "x1" is not a number/,
    ],
    ["sku,period,quantity\nA,2024-01,1\nZ,2024-02,1\n", "unknown_sku", 3, 1, /unknown SKU "Z"/],
    ["sku,period,quantity\nA,2024-1,1\n", "bad_period", 2, 2, /invalid period "2024-1"/],
    ["sku,period,quantity\nA,2024-01,1\nA,2024-02-30,1\n", "bad_period", 3, 2, /no such day/],
    [
      "sku,period,quantity\nA,2024-W02,1\nA,2024-02,1\n",
      "bad_period",
      3,
      2,
      /a month cannot be placed on a week grid/,
    ],
    ["sku,period,quantity\nA,2024-01,1\nA,2204-01,1\n", "out_of_range", 3, 2, /a typo in the year/],
    ["sku,period,quantity\nA,2024-01\n", "missing_field", 2, 3, /row ends before this column/],
    ["", "empty_file", undefined, undefined, /the file is empty/],
    ["sku,period,quantity\n", "empty_file", undefined, undefined, /a header but no rows/],
  ])("refuses %j with %s at line %s, column %s", (content, code, line, column, message) => {
    const path = file(content);
    const read = () => readDemand(path, skus, { file: "demand.csv" });
    expectLocated(read, { file: "demand.csv", code, line, column, message });
  });
});

describe("loadCsvInput", () => {
  it("reads the AUTO data set: 3,000 SKUs on 24 months, rows in item order", () => {
    const { demand, items } = loadCsvInput({
      demandPath: join(autoData, "demand.csv"),
      itemsPath: join(autoData, "items.csv"),
    });
    expect(items).toHaveLength(3000);
    expect(demand.skus).toEqual(items.map((item) => item.sku));
    expect(demand.periodLabels[0]).toBe("2000-01");
    expect(demand.periodLabels).toHaveLength(24);
    // First rows of demand.csv: AUTO-0001 2000-01..04 = 2, 1, 4, 1; items.csv: 379.6716.
    expect(Array.from(demand.quantities.subarray(0, 4))).toEqual([2, 1, 4, 1]);
    expect(items[0]).toEqual({ sku: "AUTO-0001", unitCost: 379.6716 });
  });
});
