/**
 * `invseg report` opened in headless Chromium, the way a reader opens the file: from disk, with
 * every network request refused. The page must raise no console error, draw every chart (each
 * canvas has painted pixels) and show every section, for the demo source and for a csv export.
 * A screenshot of the demo report goes to $REPORT_SCREENSHOT_DIR (default
 * /work/brief/screens/report when that folder's parent exists), outside the repository.
 *
 * Needs Chromium (`/usr/bin/chromium`, or $CHROMIUM_PATH); skipped with the reason otherwise.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { type Browser, chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCli, removeCli, runCli } from "../cli/run-cli.js";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const hasChromium = existsSync(CHROMIUM);
const SCREENSHOT_DIR =
  process.env.REPORT_SCREENSHOT_DIR ??
  (existsSync("/work/brief/screens") ? "/work/brief/screens/report" : null);
const AUTO = "../shared/data/auto";
const ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
const SECTIONS = [
  "matrix",
  "scatter",
  "tiers",
  "curves",
  "backtest",
  "vendors",
  "recommendations",
  "cash",
];

if (!hasChromium) {
  console.warn(`report e2e skipped: no Chromium at ${CHROMIUM} (set CHROMIUM_PATH)`);
}

let browser: Browser;
let workDir: string;

beforeAll(async () => {
  if (!hasChromium) return;
  workDir = mkdtempSync(join(tmpdir(), "invseg-report-e2e-"));
  await buildCli();
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  removeCli();
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

interface Opened {
  readonly errors: string[];
  readonly requests: string[];
  readonly canvases: { id: string; painted: number; width: number }[];
  readonly sections: string[];
  readonly csvButtons: number;
  readonly page: Awaited<ReturnType<Browser["newPage"]>>;
}

/** Opens a report file offline and waits for its script to finish. */
async function open(path: string): Promise<Opened> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  const errors: string[] = [];
  const requests: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(String(error)));
  await page.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith("file:")) return route.continue();
    requests.push(url);
    return route.abort();
  });
  await page.goto(pathToFileURL(path).href);
  await page.waitForFunction(() => (window as unknown as { reportReady?: boolean }).reportReady, {
    timeout: 30_000,
  });
  const canvases = await page.$$eval("canvas", (nodes) =>
    nodes.map((node) => {
      const canvas = node as HTMLCanvasElement;
      const context = canvas.getContext("2d");
      const pixels = context?.getImageData(0, 0, canvas.width, canvas.height).data ?? [];
      let painted = 0;
      for (let i = 3; i < pixels.length; i += 4) if ((pixels[i] as number) > 0) painted++;
      return { id: canvas.id, painted, width: canvas.width };
    }),
  );
  const sections = await page.$$eval("main section", (nodes) => nodes.map((node) => node.id));
  const csvButtons = await page.locator("button.csv").count();
  return { errors, requests, canvases, sections, csvButtons, page };
}

describe.skipIf(!hasChromium)("the report in headless Chromium", () => {
  it("demo source: every chart drawn, no console error, no request, a screenshot", async () => {
    const out = join(workDir, "demo.html");
    const result = runCli(["report", "--source", "demo", "--out", out], workDir);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/Highest supplier risk: .+ \([\d.]+\/100\)/);

    const opened = await open(out);
    expect(opened.errors).toEqual([]);
    expect(opened.requests).toEqual([]);
    expect(opened.sections).toEqual(expect.arrayContaining(SECTIONS));
    expect(opened.canvases.map((canvas) => canvas.id).sort()).toEqual(
      [
        "chart-backtest-fill",
        "chart-backtest-inventory",
        "chart-cash",
        "chart-curves",
        "chart-scatter",
        "chart-tiers",
        "chart-vendors",
      ].sort(),
    );
    for (const canvas of opened.canvases) {
      expect(canvas.width, canvas.id).toBeGreaterThan(300);
      // A drawn chart paints axes, labels and marks: thousands of pixels, not an empty box.
      expect(canvas.painted, canvas.id).toBeGreaterThan(2_000);
    }
    expect(opened.csvButtons).toBeGreaterThanOrEqual(6);
    // The shifting vendor (V0001's name) ranks first in the scorecard table.
    const firstVendor = await opened.page.$eval(
      "#table-vendors tbody tr td:nth-child(2)",
      (cell) => cell.textContent,
    );
    expect(firstVendor).toBeTruthy();

    // The CSV button downloads the table as it stands.
    const download = opened.page.waitForEvent("download");
    await opened.page.click('button[data-csv-table="table-cash"]');
    const file = await download;
    expect(file.suggestedFilename()).toBe("table-cash.csv");

    if (SCREENSHOT_DIR && existsSync(dirname(SCREENSHOT_DIR))) {
      mkdirSync(SCREENSHOT_DIR, { recursive: true });
      await opened.page.screenshot({
        path: join(SCREENSHOT_DIR, "report-demo.png"),
        fullPage: true,
      });
      await opened.page.screenshot({ path: join(SCREENSHOT_DIR, "report-demo-top.png") });
    }
    await opened.page.close();
  }, 180_000);

  it("invseg demo (npm start) writes out/report.html, which opens the same way", async () => {
    const result = runCli(["demo", "--products", "200", "--out-dir", "demo-out"], workDir);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/report → demo-out\/report\.html/);
    const opened = await open(join(workDir, "demo-out", "report.html"));
    expect(opened.errors).toEqual([]);
    expect(opened.requests).toEqual([]);
    expect(opened.canvases.length).toBe(7);
    for (const canvas of opened.canvases) expect(canvas.painted, canvas.id).toBeGreaterThan(2_000);
    await opened.page.close();
  }, 180_000);

  it.skipIf(!existsSync(join(AUTO, "demand.csv")))(
    "csv source (AUTO spare parts): charts drawn and the missing parts explained",
    async () => {
      const out = join(workDir, "auto.html");
      const result = runCli(
        [
          "report",
          "--demand",
          join(process.cwd(), AUTO, "demand.csv"),
          "--items",
          join(process.cwd(), AUTO, "items.csv"),
          "--out",
          out,
        ],
        workDir,
      );
      expect(result.stderr).toBe("");
      expect(result.status).toBe(0);
      const opened = await open(out);
      expect(opened.errors).toEqual([]);
      expect(opened.requests).toEqual([]);
      const drawn = opened.canvases.filter((canvas) => canvas.painted > 2_000).map((c) => c.id);
      expect(drawn).toEqual(
        expect.arrayContaining([
          "chart-scatter",
          "chart-tiers",
          "chart-curves",
          "chart-backtest-fill",
          "chart-cash",
        ]),
      );
      const notes = await opened.page.textContent("#notes");
      expect(notes).toMatch(/csv files have none/);
      expect(notes).toMatch(/no on_hand column/);
      if (SCREENSHOT_DIR && existsSync(dirname(SCREENSHOT_DIR))) {
        mkdirSync(SCREENSHOT_DIR, { recursive: true });
        await opened.page.screenshot({
          path: join(SCREENSHOT_DIR, "report-auto-csv.png"),
          fullPage: true,
        });
      }
      await opened.page.close();
    },
    180_000,
  );
});
