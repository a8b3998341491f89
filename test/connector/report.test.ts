/**
 * The report's content and HTML without a browser (test/e2e/report.test.ts opens it in one): what
 * each source puts in it, the totals it shows against hand sums of its input, and that the file
 * is self-contained and escapes what it prints.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultAnalyticsConfig } from "../../analytics/index.js";
import { chartJsSource } from "../../connector/report/chartjs-bundle.js";
import { renderReport } from "../../connector/report/render-report.js";
import type { ChartSpec } from "../../connector/report/report-charts.js";
import type { ReportData } from "../../connector/report/report-data.js";
import { planningReport } from "../../connector/report/report-sources.js";
import { CsvInputError, loadCsvInput } from "../../connector/sources/csv/index.js";
import { generatePlant, plantPlanningInput } from "../../connector/sources/demo/index.js";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "invseg-report-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const options = { generatedAt: "2025-01-06 08:00" };

function demoReport(productCount = 120): { data: ReportData; onHandValue: number } {
  const plant = generatePlant({ seed: 7, productCount });
  const input = plantPlanningInput(plant, { period: "week" });
  const config = { ...defaultAnalyticsConfig(), period: input.demand.period };
  const data = planningReport(
    { kind: "demo", description: "demo plant", input, config, plant },
    options,
  );
  const onHandValue = input.items.reduce(
    (sum, item) => sum + Math.max(0, item.onHand ?? 0) * item.unitCost,
    0,
  );
  return { data, onHandValue };
}

describe("the report of the demo plant", () => {
  const { data, onHandValue } = demoReport();

  it("values the stock on hand as the input holds it, and starts the cash projection there", () => {
    expect(data.headline.onHandValue).toBeCloseTo(onHandValue, 6);
    expect(data.cash.current[0]).toBeCloseTo(onHandValue, 2);
    expect(data.cash.suggested[0]).toBeCloseTo(onHandValue, 2);
    expect(data.cash.dates).toHaveLength(14);
    expect(data.headline.carryingCost).toBeCloseTo(onHandValue * data.holdingRate, 6);
    const tierTotal = data.tiers.reduce((sum, tier) => sum + tier.onHandValue, 0);
    expect(tierTotal).toBeCloseTo(onHandValue, 6);
  });

  it("puts every item in one ABC × XYZ cell and every vendor in rank order", () => {
    expect(data.matrix).toHaveLength(9);
    expect(data.matrix.reduce((sum, cell) => sum + cell.items, 0)).toBe(data.headline.items);
    expect(data.vendors.map((vendor) => vendor.rank)).toEqual(
      data.vendors.map((_, index) => index + 1),
    );
    for (let index = 1; index < data.vendors.length; index++) {
      expect(data.vendors[index - 1]?.risk).toBeGreaterThanOrEqual(data.vendors[index]?.risk ?? 0);
    }
    // The demo's shifting vendor leads the ranking.
    expect(data.vendors[0]?.vendor).toBe("V0001");
    expect(data.backtest?.rows.at(-1)?.tier).toBe("total");
    expect(data.notes).toEqual([]);
  });

  it("lists the top recommendations in turns from each kind of action", () => {
    const kinds = Object.entries(data.recommendationCounts).filter(([, count]) => count > 0);
    expect(kinds.length).toBeGreaterThan(1);
    const listed = new Set(data.recommendations.map((row) => row.rule));
    for (const [rule] of kinds) expect(listed).toContain(rule);
    expect(data.recommendations.length).toBe(Math.min(25, data.headline.recommendations));
  });
});

describe("the report as HTML", () => {
  it("is one file: chart.js and the charts inline, nothing fetched", async () => {
    const { data } = demoReport();
    const html = renderReport(data, await chartJsSource());
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain("Chart.js v4");
    expect(html).not.toMatch(/<script[^>]+src=|<link /);
    expect(html).not.toMatch(/https?:\/\/[^"'\s]*\.(js|css)\b/);
    const json = /<script type="application\/json" id="report-charts">(.*?)<\/script>/s.exec(html);
    const charts = JSON.parse(json?.[1] ?? "[]") as ChartSpec[];
    for (const chart of charts) expect(html).toContain(`<canvas id="${chart.id}"`);
    expect(charts.map((chart) => chart.id)).toEqual([
      "chart-scatter",
      "chart-tiers",
      "chart-curves",
      "chart-backtest-inventory",
      "chart-backtest-fill",
      "chart-vendors",
      "chart-cash",
    ]);
    // The fill-rate axis starts 5 points below the lowest fill, on a 5-point step, so they differ.
    const fill = charts.find((chart) => chart.id === "chart-backtest-fill");
    const fills = (fill?.config.data.datasets ?? [])
      .flatMap((dataset) => dataset.data as (number | null)[])
      .filter((value): value is number => value !== null);
    const axis = (fill?.config.options?.scales?.y ?? {}) as { min?: number; max?: number };
    expect(axis.max).toBe(1);
    expect(axis.min).toBeGreaterThan(0);
    expect(axis.min).toBeLessThanOrEqual(Math.min(...fills) - 0.01);
    expect(Math.round((axis.min ?? 0) * 20)).toBeCloseTo((axis.min ?? 0) * 20, 9);
    for (const section of ["matrix", "tiers", "backtest", "vendors", "recommendations", "cash"]) {
      expect(html).toContain(`<section id="${section}">`);
      expect(html).toContain(`data-csv-table="table-${section}"`);
    }
  });

  it("escapes what it prints and what it embeds", async () => {
    const { data } = demoReport(40);
    const hostile: ReportData = {
      ...data,
      title: 'Plant <script>alert("x")</script>',
      scatter: [{ sku: "</script><b>", tier: "standard", value: 10, cv: 1 }],
    };
    const html = renderReport(hostile, "/* chart.js */");
    expect(html).toContain(
      "<title>Plant &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</title>",
    );
    expect(html).not.toContain("</script><b>");
    expect(html).toContain("\\u003c/script>\\u003cb>");
  });
});

describe("the report of a csv export", () => {
  function writeCsv(items: string): { demand: string; items: string } {
    const demand = join(dir, "demand.csv");
    const itemsPath = join(dir, `items-${Math.random().toString(36).slice(2)}.csv`);
    const rows = ["sku,period,quantity"];
    for (let month = 1; month <= 12; month++) {
      const label = `2024-${String(month).padStart(2, "0")}`;
      rows.push(
        `BOLT,${label},${100 + (month % 3) * 10}`,
        `PUMP,${label},${month % 4 === 0 ? 3 : 0}`,
      );
    }
    writeFileSync(demand, `${rows.join("\n")}\n`);
    writeFileSync(itemsPath, items);
    return { demand, items: itemsPath };
  }

  it("reads on_hand from items.csv and values it", () => {
    const files = writeCsv("sku,unit_cost,on_hand\nBOLT,0.5,400\nPUMP,120,0\n");
    const input = loadCsvInput({ demandPath: files.demand, itemsPath: files.items });
    expect(input.items.map((item) => item.onHand)).toEqual([400, 0]);
    const config = { ...defaultAnalyticsConfig(), period: input.demand.period };
    const data = planningReport({ kind: "csv", description: "csv", input, config }, options);
    // 400 × 0.5 + 0 × 120.
    expect(data.headline.onHandValue).toBeCloseTo(200, 9);
    expect(data.cash.current[0]).toBe(200);
    expect(data.vendors).toEqual([]);
    expect(data.notes).toEqual([expect.stringMatching(/csv files have none/)]);
  });

  it("says when items.csv has no stock, and names a bad on_hand by line and column", () => {
    const files = writeCsv("sku,unit_cost\nBOLT,0.5\nPUMP,120\n");
    const input = loadCsvInput({ demandPath: files.demand, itemsPath: files.items });
    const config = { ...defaultAnalyticsConfig(), period: input.demand.period };
    const data = planningReport({ kind: "csv", description: "csv", input, config }, options);
    expect(data.notes).toContainEqual(expect.stringMatching(/no on_hand column/));
    const bad = writeCsv("sku,unit_cost,on_hand\nBOLT,0.5,-3\n");
    expect(() => loadCsvInput({ demandPath: bad.demand, itemsPath: bad.items })).toThrow(
      CsvInputError,
    );
    expect(() => loadCsvInput({ demandPath: bad.demand, itemsPath: bad.items })).toThrow(
      /line 2.*on_hand/,
    );
  });
});
