import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCli, removeCli, runCli } from "./run-cli.js";

const directory = mkdtempSync(join(tmpdir(), "invseg-cli-demo-"));
beforeAll(buildCli, 60_000);
afterAll(() => {
  rmSync(directory, { recursive: true, force: true });
  removeCli();
});

describe("invseg demo", () => {
  it("plans and backtests the generated plant, prints the tier table and writes out/", () => {
    const result = runCli(["demo", "--products", "200"], directory);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toBe("");
    expect(result.stdout).toMatch(
      /Demo plant \(seed 42\): 40 finished goods, 20 sub-assemblies, 140 components/,
    );
    expect(result.stdout).toMatch(/lead time jumped from 12 to 27 days/);
    expect(result.stdout).toMatch(
      /tier\s+items\s+inventory value\s+target fill\s+achieved fill\s+uniform: inventory\s+uniform: fill/,
    );
    // Products launched after the training end are outside the backtest: the total counts the rest.
    const total = /^total\s+(\d+)\s/m.exec(result.stdout);
    expect(result.stdout).toMatch(/The segmented policy holds [\d.]+ % (less|more) inventory/);
    const policies = JSON.parse(
      readFileSync(join(directory, "out", "policies.json"), "utf8"),
    ) as unknown[];
    expect(policies).toHaveLength(200);
    expect(
      readFileSync(join(directory, "out", "policies.csv"), "utf8")
        .trim()
        .split("\n"),
    ).toHaveLength(201);
    const backtest = JSON.parse(readFileSync(join(directory, "out", "backtest.json"), "utf8"));
    expect(backtest.leadTime).toBe("historical");
    expect(Number(total?.[1]) + backtest.itemsIntroducedLater).toBe(200);
    expect(backtest.itemsIntroducedLater).toBeGreaterThan(0);
  });

  it("is reproducible: the same seed writes the same policies", () => {
    const first = readFileSync(join(directory, "out", "policies.csv"), "utf8");
    const again = runCli(["demo", "--products", "200", "--out-dir", "again"], directory);
    expect(again.status, again.stderr).toBe(0);
    expect(readFileSync(join(directory, "again", "policies.csv"), "utf8")).toBe(first);
  });

  it("compares at equal achieved service on request, and the backtest file says so", () => {
    const result = runCli(
      ["demo", "--products", "200", "--segmented-goal", "matched", "--out-dir", "matched"],
      directory,
    );
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/for the same achieved service/);
    const backtest = JSON.parse(readFileSync(join(directory, "matched", "backtest.json"), "utf8"));
    expect(backtest.comparison).toBe("matched");
    const defaults = JSON.parse(readFileSync(join(directory, "out", "backtest.json"), "utf8"));
    expect(defaults.comparison).toBe("baseline");
  });

  it("refuses a plant too small to be a plant, with exit 2", () => {
    const result = runCli(["demo", "--products", "3"], directory);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/productCount must be an integer ≥ 20/);
  });
});
