/**
 * The insights phase of a sync against the fake Odoo with the addon's behaviour: scorecards ranked
 * by risk, recommendations kept across runs and decisions respected, the cash projection's week 0
 * equal to the stock value the KPIs report, and a run cut off in the phase re-run to the same
 * records.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { contract, type ModelName, writableFields } from "../../manifest/contract.js";
import type { FakeFault } from "../support/fakeFaults.js";
import { SCENARIO_START_MS, type Scenario, startScenario } from "../support/syncScenario.js";

const SCORECARD = "inventory.segment.vendor.scorecard";
const RECOMMENDATION = "inventory.segment.recommendation";
const CASH = "inventory.segment.cash.projection";

const scenarios: Scenario[] = [];
async function scenario(options: { secondWarehouse?: boolean } = {}): Promise<Scenario> {
  const started = await startScenario(options);
  scenarios.push(started);
  return started;
}
afterEach(async () => {
  for (const started of scenarios.splice(0)) await started.close();
});

type Row = Record<string, unknown>;
const rows = (s: Scenario, model: string): Row[] => s.store.records(model);
const lastRunId = (s: Scenario) =>
  rows(s, "inventory.segment.run")
    .filter((run) => run.state === "done")
    .at(-1)?.id;

/** Recommendations without ids and run links, to compare two stores. */
const recommendationsOf = (s: Scenario) =>
  rows(s, RECOMMENDATION)
    .map(({ key, rule, state, value, reason, signature, product_id, partner_id }) => ({
      key,
      rule,
      state,
      value,
      reason,
      signature,
      product_id,
      partner_id,
    }))
    .sort((a, b) => String(a.key).localeCompare(String(b.key)));

describe("the insights phase of a full sync", () => {
  it("ranks the stretching vendor first, with its parts and a reason", async () => {
    const s = await scenario();
    const summary = await s.sync(await s.connect());
    const runId = lastRunId(s);
    const cards = rows(s, SCORECARD).filter((card) => card.run_id === runId);
    const { reliable, stretching } = s.plant.vendors;
    expect(cards.map((card) => [card.partner_id, card.risk_rank])).toEqual(
      expect.arrayContaining([
        [stretching, 1],
        [reliable, 2],
      ]),
    );
    const worst = cards.find((card) => card.partner_id === stretching) as Row;
    // 16 receipts, promised 20 days, delivered in 18, 20, … 48 days: 2 of 16 on time.
    expect(worst).toMatchObject({ receipt_count: 16, on_time_rate: 0.125, is_latest: true });
    expect(worst.lead_time_mean_days).toBeCloseTo(33, 1);
    expect(worst.delay_gap_days).toBeCloseTo(13, 1);
    expect(String(worst.risk_reason)).toMatch(
      /^risk [\d.]+\/100: .*13\.0 d later than the 20\.0 d promised/,
    );
    expect(worst.risk_parts).toHaveLength(5);
    expect(summary.insights?.topVendor).toMatchObject({
      id: stretching,
      name: "Stretching Metals",
    });
  });

  it("recommends disposing of the dead item's stock and projects cash from today's stock value", async () => {
    const s = await scenario();
    const summary = await s.sync(await s.connect());
    const runId = lastRunId(s);
    const dead = s.plant.products.dead.id;
    const dispose = rows(s, RECOMMENDATION).find(
      (row) => row.rule === "dispose_obsolete" && row.product_id === dead,
    );
    // 60 on hand × 12 = 720.
    expect(dispose).toMatchObject({
      key: `dispose_obsolete:${dead}`,
      state: "open",
      value: 720,
      audience: "finance",
      run_id: runId,
    });
    expect(String(dispose?.reason)).toMatch(/^LEVER-OLD is obsolete: 60 units on hand worth 720/);

    const kpiValue = rows(s, "inventory.segment.run.kpi")
      .filter((kpi) => kpi.run_id === runId && kpi.warehouse_id === false)
      .reduce((sum, kpi) => sum + Number(kpi.inventory_value), 0);
    const cash = rows(s, CASH).filter((row) => row.run_id === runId);
    const total = (week: number, scenario: string) =>
      cash
        .filter((row) => row.week === week && row.scenario === scenario)
        .reduce((sum, row) => sum + Number(row.inventory_value), 0);
    expect(total(0, "current")).toBeCloseTo(kpiValue, 2);
    expect(total(0, "suggested")).toBeCloseTo(kpiValue, 2);
    expect(new Set(cash.map((row) => row.week))).toEqual(new Set([...Array(14).keys()]));
    expect(cash.find((row) => row.week === 1)?.date).toBe("2025-07-07");
    expect(summary.insights?.cash.now).toBeCloseTo(kpiValue, 2);
    // Every pending suggestion is a rule the suggested scenario follows: it differs from today's.
    expect(total(13, "suggested")).not.toBeCloseTo(total(13, "current"), 0);
  });

  it("keeps one open recommendation per key across runs and respects a dismissal", async () => {
    const s = await scenario();
    const odoo = await s.connect();
    await s.sync(odoo);
    const first = recommendationsOf(s);
    expect(first.length).toBeGreaterThan(0);
    const dispose = rows(s, RECOMMENDATION).find((row) => row.rule === "dispose_obsolete") as Row;
    await odoo.call(RECOMMENDATION, "action_dismiss", { ids: [dispose.id as number] });

    const second = await s.sync(odoo, { clock: () => SCENARIO_START_MS + 86_400_000 });
    expect(second.insights?.recommendations).toMatchObject({
      open: first.length - 1,
      decided: 1,
      resolved: 0,
    });
    expect(rows(s, RECOMMENDATION)).toHaveLength(first.length);
    expect(rows(s, RECOMMENDATION).find((row) => row.id === dispose.id)?.state).toBe("dismissed");
    // The second run's scorecards are the latest; the first run's stay as history.
    const latest = rows(s, SCORECARD).filter((card) => card.is_latest);
    expect(new Set(latest.map((card) => card.run_id))).toEqual(new Set([lastRunId(s)]));
    expect(rows(s, SCORECARD).length).toBe(2 * latest.length);
  });

  it("closes what no longer applies once the stock is gone", async () => {
    const s = await scenario();
    const odoo = await s.connect();
    await s.sync(odoo);
    const dead = s.plant.products.dead.id;
    const quant = rows(s, "stock.quant").find((row) => row.product_id === dead) as Row;
    s.store.write("stock.quant", [quant.id as number], { quantity: 0 });
    const again = await s.sync(odoo, { clock: () => SCENARIO_START_MS + 86_400_000 });
    expect(again.insights?.recommendations.resolved).toBe(1);
    expect(
      rows(s, RECOMMENDATION).find((row) => row.key === `dispose_obsolete:${dead}`)?.state,
    ).toBe("resolved");
  });

  it("writes nothing of it on a dry run or a run limited to one warehouse", async () => {
    const s = await scenario({ secondWarehouse: true });
    const odoo = await s.connect();
    const dry = await s.sync(odoo, { dryRun: true });
    expect(dry.insights).toBeUndefined();
    const code = String(rows(s, "stock.warehouse")[0]?.code);
    const limited = await s.sync(odoo, { warehouseCode: code });
    expect(limited.insights).toBeNull();
    for (const model of [SCORECARD, RECOMMENDATION, CASH]) expect(rows(s, model)).toEqual([]);
  });

  it("leaves them to full runs: an incremental run writes no scorecards, recommendations or cash", async () => {
    const s = await scenario();
    const odoo = await s.connect();
    const stateDir = mkdtempSync(join(tmpdir(), "invseg-insights-"));
    try {
      await s.sync(odoo, { stateDir });
      const before = Object.fromEntries(
        [SCORECARD, RECOMMENDATION, CASH].map((model) => [model, rows(s, model).length]),
      );
      const incremental = await s.sync(odoo, {
        mode: "incremental",
        stateDir,
        clock: () => SCENARIO_START_MS + 3_600_000,
      });
      expect(incremental.mode).toBe("incremental");
      expect(incremental.insights).toBeNull();
      for (const model of [SCORECARD, RECOMMENDATION, CASH])
        expect(rows(s, model), model).toHaveLength(before[model] as number);
      // The full run's scorecards stay the latest.
      const latest = rows(s, SCORECARD).filter((card) => card.is_latest);
      expect(latest.length).toBeGreaterThan(0);
      expect(latest.every((card) => card.run_id !== lastRunId(s))).toBe(true);
    } finally {
      rmSync(stateDir, { recursive: true, force: true });
    }
  });

  it("projects each warehouse apart with two warehouses", async () => {
    const s = await scenario({ secondWarehouse: true });
    await s.sync(await s.connect());
    const warehouses = new Set(rows(s, CASH).map((row) => row.warehouse_id));
    expect(warehouses.size).toBe(2);
  });

  it("sends only the contract's writable fields, through the contract's methods", async () => {
    const s = await scenario();
    await s.sync(await s.connect());
    const methods = new Map<string, { readonly params?: readonly string[] }>();
    for (const method of Object.values(contract.methods) as {
      model: string;
      name: string;
      params?: string[];
    }[]) {
      methods.set(`${method.model}.${method.name}`, method);
    }
    const payloads: Record<string, (kwargs: Row) => unknown[]> = {
      record_scorecards: (kwargs) => kwargs.vals_list as unknown[],
      submit_recommendations: (kwargs) => kwargs.vals_list as unknown[],
      record_cash_projection: (kwargs) => kwargs.rows as unknown[],
      close_resolved: () => [],
    };
    const offenders: string[] = [];
    const seen = new Set<string>();
    for (const call of s.fake.calls) {
      const payload = payloads[call.method];
      if (payload === undefined) continue;
      const method = methods.get(`${call.model}.${call.method}`);
      expect(method, `${call.model}.${call.method}`).toBeDefined();
      const kwargs = call.kwargs as Row;
      for (const param of method?.params ?? []) expect(kwargs, call.method).toHaveProperty(param);
      const writable = new Set<string>(writableFields(call.model as ModelName));
      for (const vals of payload(kwargs)) {
        for (const field of Object.keys(vals as object)) {
          if (!writable.has(field)) offenders.push(`${call.model}.${field}`);
        }
      }
      seen.add(call.method);
    }
    expect([...seen].sort()).toEqual(Object.keys(payloads).sort());
    expect(offenders).toEqual([]);
  });

  it.each([
    { name: "the scorecards", method: "record_scorecards" },
    { name: "the recommendations", method: "submit_recommendations" },
    { name: "closing what no longer applies", method: "close_resolved" },
    { name: "the cash projection", method: "record_cash_projection" },
  ])(
    "cut off after $name committed, re-run leaves what an uninterrupted run leaves",
    async ({ method }) => {
      const reference = await scenario();
      await reference.sync(await reference.connect());

      const s = await scenario();
      const odoo = await s.connect();
      const fault: FakeFault = { kind: "destroy-socket", when: "after" };
      s.fake.injectFault(fault, { match: { method }, times: 1 });
      await expect(s.sync(odoo)).rejects.toThrow(/failed while writing insights/);
      s.fake.clearFaults();
      await s.sync(odoo, { clock: () => SCENARIO_START_MS + 60_000 });

      expect(recommendationsOf(s)).toEqual(recommendationsOf(reference));
      const latest = (t: Scenario) =>
        rows(t, SCORECARD)
          .filter((card) => card.is_latest)
          .map(({ partner_id, risk_rank, risk_score }) => ({ partner_id, risk_rank, risk_score }));
      expect(latest(s)).toEqual(latest(reference));
      const latestCash = (t: Scenario) =>
        rows(t, CASH)
          .filter((row) => row.is_latest)
          .map(({ week, scenario: kind, inventory_value }) => ({ week, kind, inventory_value }));
      expect(latestCash(s)).toEqual(latestCash(reference));
    },
  );
});
