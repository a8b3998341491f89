import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCli, removeCli, runCli } from "./run-cli.js";

const directory = mkdtempSync(join(tmpdir(), "invseg-cli-errors-"));
beforeAll(buildCli, 60_000);
afterAll(() => {
  rmSync(directory, { recursive: true, force: true });
  removeCli();
});

const ITEMS = "sku,unit_cost\nA,10\nB,2.5\n";
const DEMAND = "sku,period,quantity\nA,2024-01,5\nA,2024-02,3\nB,2024-01,1\n";

function write(name: string, content: string): string {
  writeFileSync(join(directory, name), content);
  return name;
}

/** Runs a plan that must fail: exit 2, one clear line, no stack, no output and no temp file left. */
function expectRefused(args: string[], message: RegExp, out = "policies.json"): void {
  const before = readdirSync(directory).sort();
  const result = runCli(["plan", ...args, "--out", out], directory);
  expect(result.status, result.stderr).toBe(2);
  expect(result.stderr).toMatch(message);
  expect(result.stderr).not.toMatch(/\n\s+at /);
  expect(result.stdout).toBe("");
  expect(readdirSync(directory).sort()).toEqual(before);
}

describe("invseg plan on bad input", () => {
  it.each([
    ["missing column", "sku,unit\nA,1\n", DEMAND, /items\.csv line 1: missing column "unit_cost"/],
    [
      "non-numeric cost",
      "sku,unit_cost\nA,ten\n",
      DEMAND,
      /items\.csv line 2, column 2 \(unit_cost\): "ten" is not a number/,
    ],
    [
      "duplicate SKU",
      "sku,unit_cost\nA,1\nB,2\nA,3\n",
      DEMAND,
      /items\.csv line 4, column 1 \(sku\): duplicate SKU "A" \(first on line 2\)/,
    ],
    ["empty items", "", DEMAND, /items\.csv: the file is empty/],
    [
      "unknown SKU",
      ITEMS,
      `${DEMAND}C,2024-01,1\n`,
      /demand\.csv line 5, column 1 \(sku\): unknown SKU "C"/,
    ],
    [
      "non-numeric quantity",
      ITEMS,
      "sku,period,quantity\nA,2024-01,1\nA,2024-02,n/a\n",
      /demand\.csv line 3, column 3 \(quantity\): "n\/a" is not a number/,
    ],
    [
      "bad period",
      ITEMS,
      "sku,period,quantity\nA,2024-13,1\n",
      /demand\.csv line 2, column 2 \(period\): invalid period "2024-13"/,
    ],
    [
      "empty demand",
      ITEMS,
      "sku,period,quantity\n",
      /demand\.csv: the file has a header but no rows/,
    ],
  ])("%s: exit 2 with file, line and column", (_case, items, demand, message) => {
    write("items.csv", items);
    write("demand.csv", demand);
    expectRefused(["--demand", "demand.csv", "--items", "items.csv"], message);
  });

  it("leaves an existing output file as it was", () => {
    write("items.csv", ITEMS);
    write("demand.csv", `${DEMAND}Z,2024-01,1\n`);
    writeFileSync(join(directory, "kept.json"), "previous run\n");
    expectRefused(
      ["--demand", "demand.csv", "--items", "items.csv"],
      /unknown SKU "Z"/,
      "kept.json",
    );
    expect(readFileSync(join(directory, "kept.json"), "utf8")).toBe("previous run\n");
  });

  it("names a missing file", () => {
    write("items.csv", ITEMS);
    expectRefused(["--demand", "absent.csv", "--items", "items.csv"], /absent\.csv: no such file/);
  });

  it("refuses an output that is neither .json nor .csv before reading anything", () => {
    expectRefused(
      ["--demand", "absent.csv", "--items", "items.csv"],
      /--out must end in \.json or \.csv/,
      "out.xlsx",
    );
  });

  it("names the JSON path of a bad configuration value, and bad JSON", () => {
    write("items.csv", ITEMS);
    write("demand.csv", DEMAND);
    write(
      "cfg.json",
      JSON.stringify({ tiers: { standard: { serviceTarget: 1.5 } }, abc: { a: "x" } }),
    );
    const inputs = ["--demand", "demand.csv", "--items", "items.csv", "--config", "cfg.json"];
    expectRefused(inputs, /cfg\.json: .*tiers\.standard\.serviceTarget: Too big/);
    expectRefused(inputs, /abc\.a: /);
    write("cfg.json", '{"period": "week",}');
    expectRefused(inputs, /cfg\.json: not valid JSON/);
    write("cfg.json", '{"perod": "week"}');
    expectRefused(inputs, /cfg\.json: .*perod/);
  });

  it("refuses the csv source without its files, and unknown options, with exit 2", () => {
    expectRefused([], /the csv source needs --demand demand\.csv and --items items\.csv/);
    const unknown = runCli(["plan", "--bogus", "--out", "x.json"], directory);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/unknown option '--bogus'/);
    const choice = runCli(["plan", "--period", "day", "--out", "x.json"], directory);
    expect(choice.status).toBe(2);
    expect(choice.stderr).toMatch(/Allowed choices are week, month/);
  });

  it("refuses an output folder that does not exist before reading anything", () => {
    expectRefused(
      ["--demand", "absent.csv", "--items", "items.csv"],
      /cannot write no\/such\/p\.json: folder no\/such does not exist/,
      "no/such/p.json",
    );
    expect(existsSync(join(directory, "no"))).toBe(false);
  });
});
