/**
 * The Segmentation dashboard in headless Chromium against a real Odoo 19 with the addon installed
 * and segmented data (a seeded plant after `invseg sync`). Runs only when ODOO_URL is set:
 *
 *   ODOO_URL=http://127.0.0.1:8150 [ODOO_DB=ui_medium] [ODOO_USER=admin ODOO_PASSWORD=admin] \
 *     [CHROMIUM_PATH=/usr/bin/chromium] [E2E_LOADS=5] npx vitest run test/e2e
 *
 * It measures the time from navigation to an interactive dashboard (every panel loaded, both
 * charts drawn) over several loads in one browser and prints the median, checks the heatmap's
 * cells against the product list they open, that the console stays free of errors, and accepts
 * one pending suggestion (the database keeps that decision).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BrowserContext, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { median } from "../../bench/case.js";

const env = process.env;
const baseUrl = (env.ODOO_URL ?? "").replace(/\/$/, "");
const dashboardPath = "/odoo/inventory-segmentation";
const loads = Number(env.E2E_LOADS ?? 5);

/** True once every panel has its answer and both charts have drawn something. */
function interactiveInPage(): number | false {
  const root = document.querySelector(".o_segmentation_dashboard[data-setup='done']");
  if (!root || root.querySelector(".o_segmentation_loading, [aria-busy='true']")) return false;
  const chartLibrary = (window as unknown as { Chart?: { getChart(c: Element): unknown } }).Chart;
  for (const selector of [".o_segmentation_scatter canvas", ".o_segmentation_curves canvas"]) {
    const canvas = root.querySelector(selector) as HTMLCanvasElement | null;
    if (!canvas || !chartLibrary?.getChart(canvas)) return false;
  }
  return performance.now();
}

/** Whether a canvas has any painted pixel. */
function paintedInPage(selector: string): boolean {
  const canvas = document.querySelector(selector) as HTMLCanvasElement | null;
  const context = canvas?.getContext("2d");
  if (!canvas || !context || canvas.width === 0) return false;
  const pixels = context.getImageData(0, 0, canvas.width, canvas.height).data;
  for (let i = 3; i < pixels.length; i += 4) if (pixels[i] !== 0) return true;
  return false;
}

async function openDashboard(page: Page): Promise<number> {
  await page.goto("about:blank");
  await page.goto(`${baseUrl}${dashboardPath}`);
  const ready = await page.waitForFunction(interactiveInPage, undefined, {
    polling: "raf",
    timeout: 60_000,
  });
  // Milliseconds from the start of the navigation, by the page's own clock.
  return (await ready.jsonValue()) as number;
}

describe.skipIf(!baseUrl)("Segmentation dashboard in a real Odoo 19 (headless Chromium)", () => {
  let context: BrowserContext;
  let page: Page;
  let profileDir: string;
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    profileDir = mkdtempSync(join(tmpdir(), "invseg-e2e-"));
    context = await chromium.launchPersistentContext(profileDir, {
      executablePath: env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      headless: true,
      viewport: { width: 1280, height: 900 },
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    });
    page = context.pages()[0] ?? (await context.newPage());
    page.on("console", (message) => {
      if (message.type() === "error") consoleErrors.push(message.text());
    });
    page.on("pageerror", (error) => consoleErrors.push(String(error)));
    const database = env.ODOO_DB ? `?db=${encodeURIComponent(env.ODOO_DB)}` : "";
    await page.goto(`${baseUrl}/web/login${database}`);
    await page.fill("input[name=login]", env.ODOO_USER ?? "admin");
    await page.fill("input[name=password]", env.ODOO_PASSWORD ?? "admin");
    await Promise.all([page.waitForURL(/\/odoo(\/|$|\?)/), page.click("button[type=submit]")]);
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    if (profileDir) rmSync(profileDir, { recursive: true, force: true });
  });

  it("becomes interactive quickly, with every panel and both charts drawn", async () => {
    const cold = await openDashboard(page);
    const warm: number[] = [];
    for (let i = 0; i < loads; i++) warm.push(await openDashboard(page));
    const counts = await page.evaluate(() => ({
      products: document.querySelector(".o_segmentation_scatter .card-header .small")?.textContent,
      suggestions: document.querySelector(".o_segmentation_suggestions .o_segmentation_card_title")
        ?.textContent,
    }));
    console.log(
      `dashboard interactive after navigation: median ${median(warm).toFixed(0)} ms over ${loads} ` +
        `loads [${warm.map((t) => t.toFixed(0)).join(", ")}], first (cold cache) ${cold.toFixed(0)} ms; ` +
        `${counts.products}; ${counts.suggestions}`,
    );
    expect(await page.evaluate(paintedInPage, ".o_segmentation_scatter canvas")).toBe(true);
    expect(await page.evaluate(paintedInPage, ".o_segmentation_curves canvas")).toBe(true);
    expect(await page.locator(".o_segmentation_kpi_card").count()).toBeGreaterThan(0);
    expect(await page.locator(".o_segmentation_error").count()).toBe(0);
  }, 300_000);

  it("shows the nine ABC × XYZ cells, and a cell opens exactly its products", async () => {
    await openDashboard(page);
    const cells = page.locator(".o_segmentation_heat_cell");
    expect(await cells.count()).toBe(9);
    const counts = await page.$$eval(".o_segmentation_heat_count", (nodes) =>
      nodes.map((node) => Number((node.textContent ?? "").replace(/\D/g, ""))),
    );
    const busiest = counts.indexOf(Math.max(...counts));
    const cell = cells.nth(busiest);
    const name = await cell.getAttribute("data-cell");
    expect(counts[busiest]).toBeGreaterThan(0);

    await cell.click();

    await page.waitForSelector(".o_list_view .o_data_row");
    const expected = counts[busiest] ?? 0;
    if (expected > 80) {
      await expect.poll(() => page.locator(".o_pager_limit").textContent()).toBe(String(expected));
    } else {
      expect(await page.locator(".o_data_row").count()).toBe(expected);
    }
    expect(await page.locator(".o_breadcrumb").textContent()).toContain(`${name} products`);
  }, 120_000);

  it("accepts a pending suggestion from the dashboard: the reordering rule takes its min and max", async () => {
    await openDashboard(page);
    const row = page.locator(".o_segmentation_suggestion").first();
    const suggestionId = Number(await row.getAttribute("data-id"));
    expect(suggestionId).toBeGreaterThan(0);

    await row.locator(".o_segmentation_accept").click();

    await page.locator(".o_notification", { hasText: "reordering rule" }).waitFor();
    await page
      .locator(`.o_segmentation_suggestion[data-id="${suggestionId}"]`)
      .waitFor({ state: "detached" });
    const stored = await page.evaluate(async (id) => {
      const read = async (model: string, ids: number[], fields: string[]) => {
        const response = await fetch(`/web/dataset/call_kw/${model}/read`, {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify({
            jsonrpc: "2.0",
            method: "call",
            params: { model, method: "read", args: [ids, fields], kwargs: {} },
          }),
        });
        return (await response.json()).result;
      };
      const [suggestion] = await read(
        "inventory.segment.suggestion",
        [id],
        ["state", "suggested_min", "suggested_max", "orderpoint_id"],
      );
      const [orderpoint] = await read(
        "stock.warehouse.orderpoint",
        [suggestion.orderpoint_id[0]],
        ["product_min_qty", "product_max_qty"],
      );
      return { suggestion, orderpoint };
    }, suggestionId);
    expect(stored.suggestion.state).toBe("accepted");
    expect(stored.orderpoint.product_min_qty).toBe(stored.suggestion.suggested_min);
    expect(stored.orderpoint.product_max_qty).toBe(stored.suggestion.suggested_max);
  }, 120_000);

  it("shows the segmentation summary on the form of a product with a pending suggestion", async () => {
    await openDashboard(page);
    const row = page.locator(".o_segmentation_suggestion").first();
    const product = (await row.locator(".o_segmentation_suggestion_product a").textContent()) ?? "";
    const suggestedMin = await row.locator("td:nth-child(4) strong").textContent();

    await row.locator(".o_segmentation_suggestion_product a").click();
    await page.locator(".o_form_view .o_notebook .nav-link", { hasText: "Segmentation" }).click();

    const summary = page.locator(".o_segmentation_product");
    await summary.waitFor();
    expect(await page.locator(".o_breadcrumb").textContent()).toContain(product.trim());
    expect(await summary.locator(".o_segmentation_tier_badge").count()).toBe(1);
    expect(await summary.locator(".o_segmentation_product_demand svg polyline").count()).toBe(1);
    // The pending suggestion's figures come with the form's own read (relatedFields).
    expect((await summary.locator(".o_segmentation_suggested_min").textContent())?.trim()).toBe(
      suggestedMin?.trim(),
    );
  }, 120_000);

  it("logged no error in the browser console", () => {
    expect(consoleErrors).toEqual([]);
  });
});
