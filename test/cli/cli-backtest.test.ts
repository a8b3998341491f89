import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BacktestReport } from "../../analytics/types.js";
import { buildCli, removeCli, runCli } from "./run-cli.js";

const directory = mkdtempSync(join(tmpdir(), "invseg-cli-backtest-"));
const autoData = fileURLToPath(new URL("../../../shared/data/auto/", import.meta.url));
beforeAll(buildCli, 60_000);
afterAll(() => {
  rmSync(directory, { recursive: true, force: true });
  removeCli();
});

function readReport(name: string): BacktestReport {
  return JSON.parse(readFileSync(join(directory, name), "utf8")) as BacktestReport;
}

describe("invseg backtest", () => {
  it("prints segmented and uniform side by side per tier and in total, and writes the report", () => {
    writeFileSync(
      join(directory, "items.csv"),
      "sku,unit_cost,lead_time_days\nA,10,14\nB,2.5,7\nC,300,30\n",
    );
    let demand = "sku,period,quantity\n";
    for (let month = 1; month <= 24; month++) {
      const label = `${2023 + Math.floor((month - 1) / 12)}-${String(((month - 1) % 12) + 1).padStart(2, "0")}`;
      demand += `A,${label},${40 + ((month * 7) % 11)}\nB,${label},${month % 3 === 0 ? 12 : 0}\nC,${label},${2 + (month % 2)}\n`;
    }
    writeFileSync(join(directory, "demand.csv"), demand);
    const result = runCli(
      [
        "backtest",
        "--demand",
        "demand.csv",
        "--items",
        "items.csv",
        "--train-until",
        "2024-06",
        "--order-cost",
        "25",
        "--holding-rate",
        "0.25",
        "--out",
        "report.json",
      ],
      directory,
    );
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toBe("");
    expect(result.stdout).toMatch(
      /trained through 2024-06, replayed 6 months \(2024-07 – 2024-12\)/,
    );
    expect(result.stdout).toMatch(
      /fill segmented\s+fill uniform\s+inventory segmented\s+inventory uniform/,
    );
    expect(result.stdout).toMatch(/^total\s+3\s/m);
    const report = readReport("report.json");
    expect(report.trainUntil).toBe("2024-06");
    expect(report.testPeriods).toHaveLength(6);
    expect(report.segmented.total.items).toBe(3);
    expect(report.baseline.total.items).toBe(3);
  });

  it("lets the segmented policy promise the baseline's fill rate", () => {
    const args = [
      "backtest",
      "--demand",
      "demand.csv",
      "--items",
      "items.csv",
      "--train-until",
      "2024-06",
    ];
    const baseline = runCli(
      [...args, "--segmented-goal", "baseline", "--out", "goal.json"],
      directory,
    );
    expect(baseline.status, baseline.stderr).toBe(0);
    expect(readReport("goal.json").segmented.total.items).toBe(3);
    const wrong = runCli([...args, "--segmented-goal", "cheapest"], directory);
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toMatch(/Allowed choices are configured, baseline/);
  });

  it("refuses a training end that leaves nothing to replay, with exit 2", () => {
    const result = runCli(
      ["backtest", "--demand", "demand.csv", "--items", "items.csv", "--train-until", "2024-12"],
      directory,
    );
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/2024-12/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  // The acceptance run: AUTO, 18 months of training, 6 replayed, lead time 1 month,
  // order cost 25, holding 25 %/year. Here: that the options reach the simulation.
  it("on AUTO with --lead-time-periods 1 --order-cost 25 --holding-rate 0.25: the costs follow the options", () => {
    const result = runCli(
      [
        "backtest",
        "--demand",
        join(autoData, "demand.csv"),
        "--items",
        join(autoData, "items.csv"),
        "--train-until",
        "2001-06",
        "--lead-time-periods",
        "1",
        "--order-cost",
        "25",
        "--holding-rate",
        "0.25",
        "--out",
        "auto.json",
      ],
      directory,
    );
    expect(result.status, result.stderr).toBe(0);
    const report = readReport("auto.json");
    expect(report.period).toBe("month");
    expect(report.leadTime).toBe("fixed");
    expect(report.testPeriods).toEqual([
      "2001-07",
      "2001-08",
      "2001-09",
      "2001-10",
      "2001-11",
      "2001-12",
    ]);
    for (const policy of [report.segmented.total, report.baseline.total]) {
      expect(policy.items).toBe(3000);
      expect(policy.orders).toBeGreaterThan(0);
      expect(policy.orderingCost).toBeCloseTo(25 * policy.orders, 6);
      // Half a year of holding at 25 %/year of the average inventory value.
      expect(policy.holdingCost / (policy.averageInventoryValue * 0.25 * 0.5)).toBeCloseTo(1, 2);
    }
  });
});
