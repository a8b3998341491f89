/**
 * Contract tests of the sync: its conversations with a live Odoo 19 + addon, recorded by
 * `scripts/record-odoo-fixtures.ts` (`test/support/syncContractScenarios.ts`), replayed through the
 * fake server over both transports. The same requests must find the same recorded answers, and
 * give the same outcome from JSON-2 and XML-RPC.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectOdoo, type TransportKind } from "../../connector/odoo/index.js";
import type { SyncSummary } from "../../connector/sync/summary.js";
import {
  CONTRACT_CLIENT_OPTIONS,
  type ContractScenario,
  type Outcome,
  runScenario,
} from "../support/contractScenarios.js";
import { type FakeOdoo, startFakeOdoo } from "../support/fakeOdoo.js";
import { loadFixtures } from "../support/fixtures.js";
import { SYNC_CONTRACT_SCENARIOS } from "../support/syncContractScenarios.js";

let fake: FakeOdoo;
beforeAll(async () => {
  fake = await startFakeOdoo({ fixtures: loadFixtures() });
});
afterAll(() => fake.close());

async function replay(scenario: ContractScenario, transport: TransportKind): Promise<Outcome> {
  const odoo = await connectOdoo(
    {
      url: fake.url,
      database: fake.db,
      apiKey: fake.apiKey,
      login: fake.login,
      transport,
      timeoutMs: 10_000,
      maxRetries: 0,
      concurrency: 1,
      insecureTls: false,
    },
    CONTRACT_CLIENT_OPTIONS,
  );
  try {
    return await runScenario(scenario, odoo);
  } finally {
    odoo.close();
  }
}

function value(outcome: Outcome): unknown {
  if (!outcome.ok)
    throw new Error(`expected success, got ${outcome.error.code} (${outcome.error.name})`);
  return outcome.value;
}

const [dryRun, writeBack] = SYNC_CONTRACT_SCENARIOS as [ContractScenario, ContractScenario];

describe("contract: the sync against recorded Odoo 19 answers", () => {
  for (const scenario of SYNC_CONTRACT_SCENARIOS) {
    it(`${scenario.name}: same outcome from both transports`, async () => {
      const json2 = value(await replay(scenario, "json2"));
      const xmlrpc = value(await replay(scenario, "xmlrpc"));
      const comparable = scenario.comparable ?? ((outcome: unknown) => outcome);
      expect(comparable(xmlrpc)).toEqual(comparable(json2));
    });
  }

  it("extracts and plans the demo database: products, skipped ones, grouped demand, no bad records", async () => {
    const summary = value(await replay(dryRun, "xmlrpc")) as SyncSummary;
    expect(summary).toMatchObject({
      dryRun: true,
      run: null,
      demandReadMode: "grouped",
      issues: [],
    });
    expect(summary.products).toBeGreaterThan(20);
    expect(summary.skipped.map((product) => product.reason)).toContain("service");
    expect(summary.tiers.reduce((sum, tier) => sum + tier.products, 0)).toBe(summary.products);
    expect(summary.tiers.find((tier) => tier.tier === "standard")?.products).toBeGreaterThan(0);
    // The demo database was created the day it was recorded (`create_date`): its products without
    // moves yet are new, not 24 months quiet (without the date, 43 of the 47 were obsolete).
    expect(summary.tiers.find((tier) => tier.tier === "obsolete")?.products).toBe(0);
    // Demand aggregated by Odoo per product, unit and locations, the moves' days as arrays.
    const grouped = fake.calls.filter(
      (call) => call.model === "stock.move" && call.method === "formatted_read_group",
    );
    expect(grouped.map((call) => [call.kwargs.groupby, call.kwargs.aggregates])).toContainEqual([
      ["product_id", "product_uom", "location_id", "location_dest_id"],
      ["quantity:array_agg", "date:array_agg", "__count"],
    ]);
  });

  it("gets the addon's write-back answers in the shapes the writers expect", async () => {
    const outcome = value(await replay(writeBack, "json2")) as {
      segmentation: { updated: number; locked: number[] };
      events: number;
      submitted: { pending: number; skipped: number; autoApplied: number };
      pending: number;
      autoApplied: number;
      run: { state: string; kpi_ids: number[]; product_baseline: unknown };
    };
    expect(outcome).toMatchObject({
      segmentation: { updated: 2, locked: [] },
      events: 1,
      submitted: { pending: 2, skipped: 0, autoApplied: 0 },
      pending: 2,
      autoApplied: 0,
      run: { state: "done", product_baseline: { taken_at: "2026-11-25 02:00:00", products: {} } },
    });
    expect(outcome.run.kpi_ids).toHaveLength(1);
  });
});
