/**
 * `invseg doctor` against a fake Odoo 19: every check passes on a well set-up database over both
 * transports, and each way a setup can be wrong fails the right check with a remedy.
 */
import { afterEach, describe, expect, it } from "vitest";
import { formatChecks } from "../../connector/cli/commands/doctor.js";
import { type Check, runDoctor } from "../../connector/sync/doctor.js";
import { contract } from "../../manifest/contract.js";
import { ManualClock } from "../support/fakeConnection.js";
import { type FakeOdoo, startFakeOdoo } from "../support/fakeOdoo.js";
import { type SegmentationStoreOptions, segmentationStore } from "../support/fakeSegmentation.js";

let fake: FakeOdoo | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function doctor(
  storeOptions: SegmentationStoreOptions = {},
  env: Record<string, string> = {},
): Promise<Check[]> {
  fake = await startFakeOdoo({ store: segmentationStore(storeOptions) });
  return runDoctor({
    env: {
      ODOO_URL: fake.url,
      ODOO_DB: fake.db,
      ODOO_API_KEY: fake.apiKey,
      ODOO_USER: fake.login,
      ODOO_MAX_RETRIES: "0",
      ...env,
    },
    client: { clock: new ManualClock() },
  });
}

const byName = (checks: readonly Check[], name: string) =>
  checks.find((check) => check.name === name);

describe("doctor", () => {
  it.each(["json2", "xmlrpc"])(
    "passes every check on a database set up for the connector (%s)",
    async (transport) => {
      const checks = await doctor({}, { ODOO_TRANSPORT: transport });
      expect(checks.map((check) => [check.name, check.status])).toEqual([
        ["settings", "ok"],
        ["connectivity", "ok"],
        ["version", "ok"],
        ["transport", transport === "json2" ? "ok" : "warn"],
        ["credentials", "ok"],
        ["addon", "ok"],
        ["contract", "ok"],
        ["access rights", "ok"],
        ["segmentation group", "ok"],
        ["segmentation settings", "ok"],
      ]);
      expect(byName(checks, "addon")?.detail).toContain(contract.addon.version);
      expect(formatChecks(checks)).toMatch(/Ready to sync\.$/);
    },
  );

  it("names the missing settings", async () => {
    const checks = await runDoctor({ env: { ODOO_DB: "x" } });
    expect(checks).toEqual([
      expect.objectContaining({
        name: "settings",
        status: "fail",
        detail: expect.stringContaining("ODOO_URL: is required"),
        remedy: expect.stringContaining("ODOO_API_KEY"),
      }),
    ]);
  });

  it("says when Odoo cannot be reached", async () => {
    const checks = await runDoctor({
      env: {
        ODOO_URL: "http://127.0.0.1:9",
        ODOO_DB: "x",
        ODOO_API_KEY: "k",
        ODOO_MAX_RETRIES: "0",
      },
    });
    expect(checks.at(-1)).toMatchObject({
      name: "connectivity",
      status: "fail",
      remedy: expect.stringContaining("check that Odoo runs"),
    });
  });

  it("says when the key is refused", async () => {
    const checks = await doctor({}, { ODOO_API_KEY: "0000000000000000000000000000000000000000" });
    expect(byName(checks, "credentials")).toMatchObject({
      status: "fail",
      remedy: expect.stringContaining("New API Key"),
    });
    expect(byName(checks, "addon")).toBeUndefined();
  });

  it("says when the addon is missing or of another version", async () => {
    const missing = await doctor({ addonVersion: false });
    expect(byName(missing, "addon")).toMatchObject({
      status: "fail",
      remedy: expect.stringContaining("install it"),
    });
    expect(byName(missing, "contract")).toBeUndefined();
    await fake?.close();
    const old = await doctor({ addonVersion: "19.0.0.9.0" });
    expect(byName(old, "addon")).toMatchObject({
      status: "fail",
      detail: expect.stringContaining("19.0.0.9.0 installed"),
      remedy: expect.stringContaining("-u inventory_segmentation"),
    });
  });

  it("lists contract fields the installed addon lacks", async () => {
    const checks = await doctor({ missingFields: ["inventory.segment.run.product_baseline"] });
    expect(byName(checks, "contract")).toMatchObject({
      status: "fail",
      detail: "inventory.segment.run.product_baseline missing",
      remedy: expect.stringContaining("upgrade"),
    });
  });

  it("names a contract model the installed addon lacks", async () => {
    const last = Object.keys(contract.models).at(-1) as string;
    const checks = await doctor({ missingModels: [last] });
    expect(byName(checks, "contract")).toMatchObject({
      status: "fail",
      detail: expect.stringContaining(`model ${last} missing`),
    });
  });

  it("lists the access rights and the group the user lacks", async () => {
    const checks = await doctor({
      deniedAccess: ["stock.move:read", "inventory.segment.run:create"],
      groups: [contract.groups.user],
    });
    expect(byName(checks, "access rights")).toMatchObject({
      status: "fail",
      detail: "denied: read stock.move, create inventory.segment.run",
    });
    expect(byName(checks, "segmentation group")).toMatchObject({
      status: "fail",
      remedy: expect.stringContaining("Inventory Segmentation: Manager"),
    });
    expect(formatChecks(checks)).toMatch(/2 checks failed/);
  });
});
