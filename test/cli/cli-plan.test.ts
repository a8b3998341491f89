import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POLICY_COLUMNS } from "../../connector/cli/policy-output.js";
import { buildCli, removeCli, runCli } from "./run-cli.js";

const directory = mkdtempSync(join(tmpdir(), "invseg-cli-plan-"));
// The AUTO data set lives beside the repository and may not be copied into it.
const autoData = fileURLToPath(new URL("../../../shared/data/auto/", import.meta.url));
beforeAll(buildCli, 60_000);
afterAll(() => {
  rmSync(directory, { recursive: true, force: true });
  removeCli();
});

/** `invseg plan` on the small files of the first test, with more options. */
const planSmall = (...options: string[]) =>
  runCli(["plan", "--demand", "demand.csv", "--items", "items.csv", ...options], directory);

/** Reads a CSV written by `invseg plan` (quoted reasons included) into records. */
function readPolicies(path: string): Array<Record<string, string>> {
  const text = readFileSync(path, "utf8");
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i] as string;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ",") {
      row.push(field);
      field = "";
    } else if (char === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += char;
  }
  const [header, ...records] = rows;
  return records.map((record) =>
    Object.fromEntries((header ?? []).map((name, i) => [name, record[i] ?? ""])),
  );
}

describe("invseg plan", () => {
  it("writes one record per SKU with DESIGN's output fields, as CSV and as JSON", () => {
    writeFileSync(
      join(directory, "items.csv"),
      "sku,unit_cost,lead_time_weeks\nA,10,2\nB,2.5,1\nC,400,4\n",
    );
    let demand = "sku,period,quantity\n";
    for (let week = 1; week <= 52; week++) {
      const label = `2024-W${String(week).padStart(2, "0")}`;
      demand += `A,${label},${10 + (week % 5)}\n`;
      if (week % 4 === 0) demand += `B,${label},${week % 8 === 0 ? 30 : 3}\n`;
    }
    writeFileSync(join(directory, "demand.csv"), demand);
    const csv = planSmall("--out", "policies.csv");
    expect(csv.status, csv.stderr).toBe(0);
    expect(csv.stderr).toBe("");
    expect(csv.stdout).toMatch(/Planned 3 items on weekly demand as of 2024-W52 → policies\.csv/);
    expect(readFileSync(join(directory, "policies.csv"), "utf8").split("\n")[0]).toBe(
      POLICY_COLUMNS.join(","),
    );
    const records = readPolicies(join(directory, "policies.csv"));
    expect(records.map((record) => record.sku)).toEqual(["A", "B", "C"]);

    const json = planSmall("--out", "policies.json");
    expect(json.status, json.stderr).toBe(0);
    const policies = JSON.parse(readFileSync(join(directory, "policies.json"), "utf8")) as Array<
      Record<string, unknown>
    >;
    expect(policies).toHaveLength(3);
    for (const policy of policies) expect(Object.keys(policy)).toEqual([...POLICY_COLUMNS]);
    const [a, b, c] = policies;
    expect(a?.pattern).toBe("smooth");
    expect(b?.pattern).toMatch(/intermittent|lumpy/);
    expect(c?.pattern).toBe("none");
    expect(Number(a?.reorder_point)).toBeGreaterThan(Number(a?.safety_stock));
    expect(Number(a?.max_stock)).toBeGreaterThanOrEqual(Number(a?.reorder_point));
    expect(String(a?.reason).length).toBeGreaterThan(10);
    // The CSV holds the same records as the JSON.
    expect(records[0]?.reorder_point).toBe(String(a?.reorder_point));
    expect(readdirSync(directory).filter((name) => name.endsWith(".tmp"))).toEqual([]);
  });

  it("plans as of an earlier period, and monthly when asked", () => {
    const result = planSmall("--as-of", "2024-W26", "--out", "mid.json");
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/as of 2024-W26/);
    // A day is placed in its week: 2024-06-30 is the Sunday of 2024-W26.
    const byDay = planSmall("--as-of", "2024-06-30", "--out", "day.json");
    expect(byDay.status, byDay.stderr).toBe(0);
    expect(readFileSync(join(directory, "day.json"), "utf8")).toBe(
      readFileSync(join(directory, "mid.json"), "utf8"),
    );
    const monthly = planSmall("--period", "month", "--out", "m.json");
    // Weeks cannot be summed into months: an ISO week can straddle two.
    expect(monthly.status).toBe(2);
    expect(monthly.stderr).toMatch(
      /demand\.csv line 2, column 2 \(period\): .*a week cannot be placed on a month grid/,
    );
  });

  it("refuses an as-of period outside the history with exit 2", () => {
    const result = planSmall("--as-of", "2023-W10", "--out", "early.json");
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/2023-W10/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(readdirSync(directory)).not.toContain("early.json");
  });

  it("reproduces the reference Syntetos–Boylan pattern of all 3,000 AUTO SKUs", () => {
    const result = runCli(
      [
        "plan",
        "--demand",
        join(autoData, "demand.csv"),
        "--items",
        join(autoData, "items.csv"),
        "--out",
        "auto.csv",
      ],
      directory,
    );
    expect(result.status, result.stderr).toBe(0);
    const planned = new Map(
      readPolicies(join(directory, "auto.csv")).map((record) => [record.sku, record.pattern]),
    );
    const reference = readFileSync(join(autoData, "sbc_reference.csv"), "utf8")
      .trim()
      .split("\n")
      .slice(1);
    expect(reference).toHaveLength(3000);
    const mismatches = reference
      .map((line) => line.split(","))
      .filter(([sku, , , pattern]) => planned.get(sku as string) !== pattern)
      .map(([sku, , , pattern]) => `${sku}: ${planned.get(sku as string)} ≠ ${pattern}`);
    expect(mismatches).toEqual([]);
  });
});
