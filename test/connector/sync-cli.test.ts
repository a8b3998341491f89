/**
 * `invseg sync` and `invseg doctor` as a user runs them (the bundled CLI in a child process),
 * against the fake Odoo: settings from the environment, the summary as text and as JSON, exit
 * codes, and errors that say what to fix without a stack trace.
 */

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SyncSummary } from "../../connector/sync/summary.js";
import { buildCli, type CliResult, removeCli, runCliAsync } from "../cli/run-cli.js";
import { type FakeOdoo, startFakeOdoo } from "../support/fakeOdoo.js";
import { seedPlant } from "../support/fakePlant.js";
import { segmentationStore } from "../support/fakeSegmentation.js";

let fake: FakeOdoo;
let workDir: string;

beforeAll(async () => {
  const store = segmentationStore();
  seedPlant(store);
  fake = await startFakeOdoo({ store });
  workDir = mkdtempSync(join(tmpdir(), "invseg-sync-cli-"));
  await buildCli();
}, 120_000);
afterAll(async () => {
  removeCli();
  await fake.close();
  rmSync(workDir, { recursive: true, force: true });
});

/** Runs the CLI (asynchronously: the fake server lives in this process). */
function invseg(args: readonly string[], env: Record<string, string> = {}): Promise<CliResult> {
  return runCliAsync(args, workDir, {
    PATH: process.env.PATH ?? "",
    ODOO_URL: fake.url,
    ODOO_DB: fake.db,
    ODOO_API_KEY: fake.apiKey,
    ODOO_MAX_RETRIES: "0",
    INVSEG_STATE_DIR: join(workDir, "state"),
    ...env,
  });
}

describe("invseg doctor and sync", () => {
  it("doctor says the database is ready", async () => {
    const result = await invseg(["doctor"]);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/✓ addon .*\n[\s\S]*Ready to sync\.\n$/);
  });

  it("doctor exits 2 and says what to fix when the key is refused", async () => {
    const result = await invseg(["doctor"], { ODOO_API_KEY: "0".repeat(40) });
    expect(result.status).toBe(2);
    expect(result.stdout).toMatch(/✗ credentials/);
    expect(result.stdout).toMatch(/→ .*New API Key/);
    expect(result.stdout).not.toContain(fake.apiKey);
  });

  it("a dry run prints what it would write and writes nothing", async () => {
    const result = await invseg(["sync", "--dry-run", "--as-of", "2025-06-30"]);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^Dry run \(nothing written\): full sync of company 1/);
    expect(result.stdout).toMatch(/would write: 12 product segmentations/);
    expect(result.stdout).toMatch(/Skipped 3 products: /);
    expect(result.stdout).toMatch(/product\.product \d+: done moves left out of demand/);
    expect(fake.store.records("inventory.segment.run")).toEqual([]);
  });

  it("a sync writes and prints its summary as JSON; an incremental one then reads little", async () => {
    const full = await invseg(["sync", "--json", "--as-of", "2025-06-30"]);
    expect(full.status).toBe(0);
    const summary = JSON.parse(full.stdout) as SyncSummary;
    expect(summary).toMatchObject({ mode: "full", dryRun: false, products: 12 });
    expect(summary.run?.name).toMatch(/^SEG\//);
    const incremental = await invseg(["sync", "--incremental", "--json", "--as-of", "2025-06-30"]);
    expect(incremental.status).toBe(0);
    const next = JSON.parse(incremental.stdout) as SyncSummary;
    expect(next.mode).toBe("incremental");
    expect(next.writes.products).toBe(0);
  });

  it("names the unknown warehouse, and a missing setting, without a stack trace", async () => {
    const warehouse = await invseg(["sync", "--warehouse", "NOPE"]);
    expect(warehouse.status).toBe(2);
    expect(warehouse.stderr).toBe(
      'invseg: no warehouse with code "NOPE" in company 1 (its warehouses: WH)\n',
    );
    const settings = await invseg(["sync"], { ODOO_URL: "" });
    expect(settings.status).toBe(2);
    expect(settings.stderr).toMatch(
      /^invseg: invalid Odoo connection settings:\n {2}ODOO_URL: is required/,
    );
    expect(settings.stderr).not.toMatch(/\bat \w/);
  });
});
