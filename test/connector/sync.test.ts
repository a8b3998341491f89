/**
 * The sync against a fake Odoo with the addon's behaviour: what a run writes, that a re-run writes
 * nothing, hysteresis across runs, dry runs, warehouse limits, run-record life (concurrent, dead,
 * requested runs) and that an interrupted run, re-run, leaves exactly what an uninterrupted run
 * leaves.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { RunInProgressError, SyncFailedError, SyncOptionError } from "../../connector/sync/sync.js";
import { RUN_LEASE_SECONDS } from "../../connector/writeback/runs.js";
import { spawnChild } from "../support/childProcess.js";
import type { FakeFault, FaultMatch } from "../support/fakeFaults.js";
import {
  SCENARIO_START_MS,
  type Scenario,
  stamp,
  startScenario,
  syncedRecords,
} from "../support/syncScenario.js";

const scenarios: Scenario[] = [];
async function scenario(options: { secondWarehouse?: boolean } = {}): Promise<Scenario> {
  const started = await startScenario(options);
  scenarios.push(started);
  return started;
}
afterEach(async () => {
  for (const started of scenarios.splice(0)) await started.close();
});

const WRITE_METHODS = new Set([
  "create",
  "write",
  "unlink",
  "write_segmentation",
  "record_events",
  "submit_pending",
  "action_auto_apply",
  "action_accept",
]);

/** The reference: the records one uninterrupted full sync leaves. */
async function referenceRecords(): Promise<Record<string, unknown>> {
  const reference = await scenario();
  await reference.sync(await reference.connect());
  return syncedRecords(reference.store);
}

describe("a full sync", () => {
  it("writes segments and tags, events for tier changes, suggestions, auto-applied rules and KPIs", async () => {
    const s = await scenario();
    const summary = await s.sync(await s.connect());
    const { products } = s.plant;
    const product = (id: number) => s.store.records("product.product").find((row) => row.id === id);
    const tierId = (code: string) =>
      s.store.records("inventory.segment").find((segment) => segment.code === code);

    expect(summary).toMatchObject({
      mode: "full",
      dryRun: false,
      run: { name: "SEG/00001" },
      products: 12,
      writes: { products: 12, lockedProducts: 1, events: 2, kpiRows: 4 },
    });
    expect(summary.skipped.map((skipped) => skipped.reason).sort()).toEqual([
      "archived",
      "not-stock-tracked",
      "service",
    ]);
    expect(summary.issues).toEqual([
      {
        model: "product.product",
        id: products.erratic?.id,
        problem: "done moves left out of demand: cannot convert Hours into Units: different kinds",
      },
    ]);
    // Hysteresis: the gasket, held critical for 2 runs, is lowered at the 3rd; the bolt's streak grows.
    expect(product(products.erratic.id)).toMatchObject({
      segment_code: "standard",
      segment_deescalation_streak: 0,
      segment_date: "2025-06-30 02:00:00",
    });
    expect(product(products.smooth.id)).toMatchObject({
      segment_code: "essential",
      segment_deescalation_streak: 2,
      segment_date: "2025-01-06 02:00:00",
    });
    // Stock value on hand: 400 bolts at 0.40.
    expect(product(products.smooth.id)?.inventory_value).toBe(160);
    // The locked valve keeps its tier and gets its measurements.
    expect(product(products.locked.id)).toMatchObject({
      segment_code: "critical",
      segment_locked: true,
      demand_pattern: expect.any(String),
    });
    expect(product(products.locked.id)?.avg_daily_demand).toBeGreaterThan(0);
    // Each template carries its tier's tag.
    const template = s.store
      .records("product.template")
      .find((row) => row.id === products.erratic.templateId);
    expect(template?.product_tag_ids).toEqual([tierId("standard")?.tag_id]);
    // Events: one per tier change, with a dedup key.
    const events = s.store.records("inventory.segment.event");
    expect(events.map((event) => [event.product_id, event.kind, event.severity])).toEqual([
      [products.erratic.id, "segment_change", "info"],
      [products.intermittent.id, "segment_change", "warning"],
    ]);
    expect(events.every((event) => event.run_id === summary.run?.id && event.dedup_key)).toBe(true);
    // Suggestions: standard is auto-apply, so its rules are written; the others wait.
    const suggestions = s.store.records("inventory.segment.suggestion");
    const accepted = suggestions.filter((row) => row.state === "accepted");
    expect(accepted.length).toBe(summary.writes.autoApplied);
    expect(
      accepted.every((row) => row.auto_applied && row.segment_id === tierId("standard")?.id),
    ).toBe(true);
    for (const row of accepted) {
      const rule = s.store
        .records("stock.warehouse.orderpoint")
        .find((candidate) => candidate.id === row.orderpoint_id);
      expect([rule?.product_min_qty, rule?.product_max_qty]).toEqual([
        row.suggested_min,
        row.suggested_max,
      ]);
    }
    expect(suggestions.filter((row) => row.state === "pending").length).toBeGreaterThan(0);
    // The run record: done, with counts, cursor, curves; KPI rows per tier.
    const [run] = s.store.records("inventory.segment.run");
    expect(run).toMatchObject({
      state: "done",
      mode: "full",
      product_count: 12,
      skipped_count: 3,
      event_count: 2,
      error: false,
      connector_version: expect.stringMatching(/^invseg \d/),
    });
    expect(Object.keys(run?.sync_cursor as object)).toEqual([
      "stock.move",
      "product.product",
      "product.supplierinfo",
      "stock.warehouse.orderpoint",
    ]);
    expect(Object.keys(run?.cost_service_curves as object).sort()).toEqual([
      "critical",
      "essential",
      "obsolete",
      "standard",
    ]);
    const kpis = s.store.records("inventory.segment.run.kpi");
    expect(kpis.map((kpi) => kpi.item_count)).toEqual([1, 2, 8, 1]);
    expect(kpis.every((kpi) => kpi.run_id === run?.id && kpi.warehouse_id === false)).toBe(true);
  });

  it("writes nothing again when re-run on the same data", async () => {
    const s = await scenario();
    const odoo = await s.connect();
    // The second run completes the bolt's pending de-escalation, the third drops "lowered from"
    // from its reason; after that nothing is left to do.
    await s.sync(odoo);
    await s.sync(odoo, { clock: () => SCENARIO_START_MS + 86_400_000 });
    await s.sync(odoo, { clock: () => SCENARIO_START_MS + 1.5 * 86_400_000 });
    const before = syncedRecords(s.store);
    const calls = s.fake.calls.length;
    const third = await s.sync(odoo, { clock: () => SCENARIO_START_MS + 2 * 86_400_000 });
    expect(third.writes).toMatchObject({
      products: 0,
      productsUnchanged: 12,
      events: 0,
      proposals: 0,
    });
    const methods = s.fake.calls.slice(calls).map((call) => call.method);
    expect(methods).not.toContain("write_segmentation");
    expect(methods).not.toContain("record_events");
    expect(methods).not.toContain("submit_pending");
    const after = syncedRecords(s.store);
    expect(after.products).toEqual(before.products);
    expect(after.templates).toEqual(before.templates);
    expect(after.suggestions).toEqual(before.suggestions);
    expect(after.events).toEqual(before.events);
    expect(after.orderpoints).toEqual(before.orderpoints);
  });

  it("lowers a tier only after enough consecutive runs, with one event when it does", async () => {
    const s = await scenario();
    const odoo = await s.connect();
    const bolt = s.plant.products.smooth.id;
    const tierOfBolt = () => s.store.records("product.product").find((row) => row.id === bolt);
    await s.sync(odoo);
    expect(tierOfBolt()).toMatchObject({
      segment_code: "essential",
      segment_deescalation_streak: 2,
    });
    const next = await s.sync(odoo, { clock: () => SCENARIO_START_MS + 86_400_000 });
    expect(tierOfBolt()).toMatchObject({
      segment_code: "standard",
      segment_deescalation_streak: 0,
      segment_date: "2025-07-01 02:00:00",
    });
    expect(next.writes.events).toBe(1);
    const events = s.store
      .records("inventory.segment.event")
      .filter((event) => event.product_id === bolt);
    expect(events.map((event) => event.dedup_key)).toEqual([
      `segment_change:product.product:${bolt}:essential>standard:2025-01-06 02:00:00`,
    ]);
  });

  it("computes and reports without writing anything on a dry run", async () => {
    const dry = await scenario();
    const summary = await dry.sync(await dry.connect(), { dryRun: true });
    const writes = dry.fake.calls.filter((call) => WRITE_METHODS.has(call.method));
    expect(writes).toEqual([]);
    expect(dry.store.records("inventory.segment.run")).toEqual([]);
    expect(summary.run).toBeNull();
    const wet = await scenario();
    const real = await wet.sync(await wet.connect());
    expect(summary.writes).toEqual({ ...real.writes, lockedProducts: 0, autoApplied: 0 });
    expect(summary.tiers).toEqual(real.tiers);
  });

  it("only writes values the contract lists for each model", async () => {
    const { contract, writableFields } = await import("../../manifest/contract.js");
    const s = await scenario();
    const odoo = await s.connect();
    await s.sync(odoo);
    await s.sync(odoo, { clock: () => SCENARIO_START_MS + 86_400_000 });
    const allowed = (model: string) =>
      new Set<string>(writableFields(model as keyof typeof contract.models));
    const offenders: string[] = [];
    const check = (model: string, vals: unknown, extra: readonly string[] = []) => {
      for (const field of Object.keys(vals as object)) {
        if (!allowed(model).has(field) && !extra.includes(field))
          offenders.push(`${model}.${field}`);
      }
    };
    let checked = 0;
    for (const call of s.fake.calls) {
      const kwargs = call.kwargs as Record<string, unknown>;
      if (!(call.model in contract.models) || !WRITE_METHODS.has(call.method)) continue;
      checked++;
      if (call.method === "write") check(call.model, kwargs.vals);
      if (
        call.method === "create" ||
        call.method === "record_events" ||
        call.method === "submit_pending"
      ) {
        for (const vals of kwargs.vals_list as unknown[]) check(call.model, vals);
      }
      if (call.method === "write_segmentation") {
        for (const row of kwargs.rows as unknown[]) check(call.model, row, ["id"]);
      }
    }
    expect(checked).toBeGreaterThan(10);
    expect(offenders).toEqual([]);
  });
});

describe("run records", () => {
  it("refuses to start while another run is alive", async () => {
    const s = await scenario();
    s.store.now = () => stamp(SCENARIO_START_MS - 30_000);
    s.store.insert("inventory.segment.run", [
      {
        name: "SEG/LIVE",
        mode: "full",
        state: "running",
        company_id: 1,
        connector_run_key: "other",
      },
    ]);
    const odoo = await s.connect();
    await expect(s.sync(odoo)).rejects.toThrow(RunInProgressError);
    await expect(s.sync(odoo)).rejects.toThrow(/SEG\/LIVE is running \(last sign of life 30 s ago/);
    // A dry run only reads, so it may run alongside.
    await expect(s.sync(odoo, { dryRun: true })).resolves.toMatchObject({ dryRun: true });
  });

  it("takes over a run requested from Odoo", async () => {
    const s = await scenario();
    const [requested] = s.store.insert("inventory.segment.run", [
      { name: "SEG/REQ", mode: "requested", state: "requested", company_id: 1 },
    ]);
    const summary = await s.sync(await s.connect());
    expect(summary.run).toEqual({ id: requested, name: "SEG/REQ" });
    expect(s.store.records("inventory.segment.run")).toMatchObject([
      { id: requested, mode: "requested", state: "done", connector_run_key: expect.any(String) },
    ]);
  });
});

describe("warehouses", () => {
  it("limits suggestions and KPIs to one warehouse and leaves products alone", async () => {
    const s = await scenario({ secondWarehouse: true });
    const summary = await s.sync(await s.connect(), { warehouseCode: "E" });
    const stock2 = s.plant.builder.ids.stock2;
    expect(summary.warehouse).toBe("E");
    expect(summary.writes.products).toBe(0);
    expect(s.fake.calls.some((call) => call.method === "write_segmentation")).toBe(false);
    const suggestions = s.store.records("inventory.segment.suggestion");
    expect(suggestions.length).toBeGreaterThan(0);
    expect(suggestions.every((row) => row.location_id === stock2)).toBe(true);
    expect(
      s.store
        .records("inventory.segment.run.kpi")
        .every((kpi) => kpi.warehouse_id === s.plant.builder.ids.warehouse2),
    ).toBe(true);
    expect(s.store.records("inventory.segment.run")[0]).toMatchObject({
      warehouse_id: s.plant.builder.ids.warehouse2,
      state: "done",
    });
  });

  it("plans each warehouse on its own demand, at its stock location", async () => {
    const s = await scenario({ secondWarehouse: true });
    await s.sync(await s.connect());
    const { ids } = s.plant.builder;
    const bolt = s.plant.products.smooth.id;
    const at = (location: number | undefined) =>
      s.store
        .records("inventory.segment.suggestion")
        .find((row) => row.product_id === bolt && row.location_id === location);
    const main = at(ids.stock);
    const east = at(ids.stock2);
    // The east warehouse ships 8 bolts every other day (4/day), the main one ~23/day.
    expect(Number(east?.suggested_min)).toBeGreaterThan(0);
    expect(Number(east?.suggested_min)).toBeLessThan(Number(main?.suggested_min) / 3);
    expect(String(east?.reason)).toMatch(/^Essential at E:/);
    // Company KPIs plus one set per warehouse.
    const kpiScopes = new Set(
      s.store.records("inventory.segment.run.kpi").map((kpi) => kpi.warehouse_id),
    );
    expect(kpiScopes).toEqual(new Set([false, ids.warehouse, ids.warehouse2]));
  });

  it("names the warehouses it knows when the code is wrong", async () => {
    const s = await scenario({ secondWarehouse: true });
    await expect(s.sync(await s.connect(), { warehouseCode: "NOPE" })).rejects.toThrow(
      new SyncOptionError('no warehouse with code "NOPE" in company 1 (its warehouses: WH, E)'),
    );
  });
});

/** Points where a write is cut off after Odoo committed it (the answer never arrives). */
const CUT_OFF_POINTS: readonly { name: string; match: FaultMatch; after?: number }[] = [
  {
    name: "the run record's creation",
    match: { model: "inventory.segment.run", method: "create" },
  },
  { name: "the events", match: { method: "record_events" } },
  {
    name: "the 3rd batch of product segmentation",
    match: { method: "write_segmentation" },
    after: 2,
  },
  { name: "the 2nd batch of suggestions", match: { method: "submit_pending" }, after: 1 },
  { name: "an auto-apply", match: { method: "action_auto_apply" }, after: 2 },
  { name: "the KPI rows", match: { model: "inventory.segment.run.kpi", method: "create" } },
  { name: "closing the run", match: { model: "inventory.segment.run", method: "write" } },
];

describe("an interrupted sync, re-run, leaves exactly what an uninterrupted sync leaves", () => {
  it.each(CUT_OFF_POINTS)("cut off after $name committed", async ({ match, after = 0 }) => {
    const expected = await referenceRecords();
    const s = await scenario();
    const odoo = await s.connect();
    cutOffAfter(s, match, after);
    await expect(s.sync(odoo)).rejects.toThrow();
    s.fake.clearFaults();

    // The re-run, a minute later: it closes or finds the failed run and resumes it.
    const rerun = await s.sync(odoo, { clock: () => SCENARIO_START_MS + 60_000 });
    expect(syncedRecords(s.store)).toEqual(expected);
    const runs = s.store.records("inventory.segment.run");
    expect(runs.filter((run) => run.state === "done")).toHaveLength(1);
    const failed = runs.filter((run) => run.state === "failed");
    expect(failed).toHaveLength(1);
    expect(String(failed[0]?.error)).toMatch(/failed while writing|no sign of life/);
    expect(rerun.resumed?.id).toBe(failed[0]?.id);
  });

  it("closes a run whose process was killed mid-write once it is silent, and completes it", async () => {
    const expected = await referenceRecords();
    const s = await scenario();
    // The child blocks on the 3rd product batch (which Odoo still commits) and is killed there.
    let batches = 0;
    onCall(s, (call) => {
      if (call.method !== "write_segmentation") return;
      batches += 1;
      if (batches === 2) {
        s.fake.injectFault(
          { kind: "delay", ms: 1_500 },
          { match: { method: "write_segmentation" } },
        );
      }
    });
    const child = spawnSync(s);
    await waitFor(() => batches >= 3, 30_000);
    child.kill("SIGKILL");
    await new Promise((resolve) => child.once("exit", resolve));
    await new Promise((resolve) => setTimeout(resolve, 1_700)); // the server finishes the batch
    const runs = () => s.store.records("inventory.segment.run");
    expect(runs()).toMatchObject([{ state: "running" }]);

    const odoo = await s.connect();
    const soon = SCENARIO_START_MS + 60_000;
    s.store.now = () => stamp(soon);
    const runStart = Date.parse(`${String(runs()[0]?.write_date).replace(" ", "T")}Z`);
    // Still fresh: another process may be running it.
    await expect(s.sync(odoo, { clock: () => runStart + 10_000 })).rejects.toThrow(
      RunInProgressError,
    );
    const later = runStart + (RUN_LEASE_SECONDS + 60) * 1000;
    const rerun = await s.sync(odoo, { clock: () => later });
    expect(rerun.closedRuns).toEqual([runs()[0]?.name]);
    expect(rerun.resumed?.name).toBe(runs()[0]?.name);
    expect(runs()[0]).toMatchObject({
      state: "failed",
      error: expect.stringContaining("no sign of life"),
    });
    expect(syncedRecords(s.store)).toEqual(expected);
  }, 60_000);
});

describe("failures", () => {
  it("marks the run failed with the phase and the server's reason", async () => {
    const s = await scenario();
    s.fake.injectFault(
      { kind: "server-error", message: "could not serialize access due to concurrent update" },
      { match: { method: "submit_pending" }, times: 1 },
    );
    const failure = await s.sync(await s.connect()).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(SyncFailedError);
    expect((failure as SyncFailedError).phase).toBe("suggestions");
    const [run] = s.store.records("inventory.segment.run");
    expect(run).toMatchObject({ state: "failed", date_end: expect.any(String) });
    expect(String(run?.error)).toMatch(
      /SEG\/00001 failed while writing suggestions: .*could not serialize access/,
    );
  });

  it("stops between two batches on an abort and says so on the run", async () => {
    const s = await scenario();
    const controller = new AbortController();
    const odoo = await s.connect();
    const pending = s.sync(odoo, {
      signal: controller.signal,
      onProgress: (phase, done) => {
        if (phase === "segments" && done === 2) controller.abort("SIGTERM");
      },
    });
    await expect(pending).rejects.toThrow(/interrupted \(SIGTERM\) after 2 of 12 segments/);
    expect(s.store.records("inventory.segment.run")[0]).toMatchObject({ state: "failed" });
  });
});

describe("incremental sync", () => {
  it("re-reads only the products that changed and ends with the snapshot a full read gives", async () => {
    const { loadState } = await import("../../connector/sync/state-file.js");
    const { extractSnapshot } = await import("../../connector/extract/extract.js");
    const { IssueLog } = await import("../../connector/extract/record-issues.js");
    const { readSettings } = await import("../../connector/extract/settings.js");
    const stateDir = mkdtempSync(join(tmpdir(), "invseg-state-"));
    try {
      const s = await scenario();
      const odoo = await s.connect();
      await s.sync(odoo, { stateDir });
      // Later: new deliveries and a return for the gasket (back-dated, validated now), and the
      // seal's rule edited by hand.
      const now = stamp(SCENARIO_START_MS + 3_600_000);
      s.store.now = () => now;
      const { builder, products } = s.plant;
      builder.move({
        ...delivery(builder, products.erratic.id, "2025-06-27", 40),
        writeDate: now,
      });
      builder.move({
        product: products.erratic.id,
        from: builder.ids.customer,
        to: builder.ids.stock,
        day: "2025-06-28",
        quantity: 5,
        writeDate: now,
      });
      // A component dropped from the pump's BoM (an unlink leaves no write date behind).
      const housingLine = s.store
        .records("mrp.bom.line")
        .find((line) => line.product_id === products.componentB.id);
      s.store.unlink("mrp.bom.line", [housingLine?.id as number]);
      const sealRule = s.store
        .records("stock.warehouse.orderpoint")
        .find((rule) => rule.product_id === products.intermittent.id);
      s.store.write("stock.warehouse.orderpoint", [sealRule?.id as number], {
        product_min_qty: 1,
        product_max_qty: 4,
      });
      const [firstRun] = s.store.records("inventory.segment.run");
      const cursor = firstRun?.sync_cursor as Record<string, { write_date: string }>;
      const clock = () => SCENARIO_START_MS + 7_200_000;
      const callsBefore = s.fake.calls.length;
      const summary = await s.sync(odoo, {
        mode: "incremental",
        stateDir,
        clock,
        cursorOverlapSeconds: 0,
      });
      expect(summary.mode).toBe("incremental");
      // Exactly the products with a done move, a rule or a vendor line written since the first
      // run's cursor (the same second included): the gasket, the seal, those whose rules the first
      // run applied (its own writes), and the vendor lines seeded in the cursor's second.
      const since = (model: string) => cursor[model]?.write_date ?? "";
      const touched = new Set([
        ...s.store
          .records("stock.move")
          .filter((move) => move.state === "done" && String(move.write_date) >= since("stock.move"))
          .map((move) => move.product_id as number),
        ...s.store
          .records("stock.warehouse.orderpoint")
          .filter((rule) => String(rule.write_date) >= since("stock.warehouse.orderpoint"))
          .map((rule) => rule.product_id as number),
        ...s.store
          .records("product.supplierinfo")
          .filter((line) => String(line.write_date) >= since("product.supplierinfo"))
          .flatMap((line) =>
            s.store
              .records("product.product")
              .filter((product) => product.product_tmpl_id === line.product_tmpl_id)
              .map((product) => product.id as number),
          ),
      ]);
      expect(touched).toContain(products.erratic.id);
      expect(touched).toContain(products.intermittent.id);
      expect(summary.affected).toBe(touched.size);
      expect(summary.affected).toBeLessThan(12);
      // Demand was read for those products only.
      const demandProducts = new Set(
        s.fake.calls
          .slice(callsBefore)
          .filter(
            (call) =>
              call.model === "stock.move" &&
              JSON.stringify(call.kwargs.domain).includes("is_inventory"),
          )
          .flatMap((call) =>
            (call.kwargs.domain as unknown[]).flatMap((term) =>
              Array.isArray(term) && term[0] === "product_id" ? (term[2] as number[]) : [],
            ),
          ),
      );
      expect(demandProducts).toEqual(touched);
      // The state file now holds what a fresh full read of Odoo gives.
      const runs = s.store.records("inventory.segment.run");
      const incremental = await loadState(
        (await import("../../connector/sync/state-file.js")).stateFilePath(
          stateDir,
          s.fake.url,
          s.fake.db,
          1,
        ),
        String(runs.at(-1)?.connector_run_key),
      );
      const full = await extractSnapshot(odoo, {
        settings: await readSettings(odoo, {}),
        asOfDay: "2025-06-30",
        log: new IssueLog(),
      });
      const facts = (snapshot: NonNullable<typeof incremental>) =>
        [...snapshot.products.values()].map((data) => ({
          id: data.facts.id,
          demand: data.demand,
          receipts: data.receipts,
          onHand: data.onHand,
          orderpoints: data.orderpoints,
        }));
      if (incremental === null) throw new Error("the incremental run saved no snapshot");
      expect(facts(incremental)).toEqual(facts(full.snapshot));
      expect([...incremental.vendorLines]).toEqual([...full.snapshot.vendorLines]);
      expect(incremental.bom).toEqual(full.snapshot.bom);
      expect(incremental.bom.uses).not.toContainEqual([
        products.componentB.id,
        products.finished.templateId,
      ]);
    } finally {
      rmSync(stateDir, { recursive: true, force: true });
    }
  });

  it("moves the cursor of a model nobody touched to the latest server stamp", async () => {
    const s = await scenario();
    const odoo = await s.connect();
    await s.sync(odoo);
    const [firstRun] = s.store.records("inventory.segment.run");
    s.store.now = () => stamp(SCENARIO_START_MS + 86_400_000);
    await s.sync(odoo, { clock: () => SCENARIO_START_MS + 86_400_000 });
    const second = s.store.records("inventory.segment.run")[1]?.sync_cursor as Record<
      string,
      { write_date: string }
    >;
    const vendorLinesChanged = s.store
      .records("product.supplierinfo")
      .map((line) => String(line.write_date))
      .sort()
      .at(-1);
    // The vendor lines last changed the day before; the first run closed later than that.
    expect(String(firstRun?.write_date) > String(vendorLinesChanged)).toBe(true);
    expect(second["product.supplierinfo"]?.write_date).toBe(String(firstRun?.write_date));
    expect(second["stock.move"]?.write_date).toBe(String(firstRun?.write_date));
  });

  it("reads everything, and says why, without the last run's snapshot", async () => {
    const s = await scenario();
    const odoo = await s.connect();
    await s.sync(odoo);
    const summary = await s.sync(odoo, {
      mode: "incremental",
      clock: () => SCENARIO_START_MS + 60_000,
    });
    expect(summary.mode).toBe("full");
    expect(summary.fullBecause).toBe("no state directory to keep the last run's snapshot");
  });
});

/** Calls `listener` for each request the fake receives (after its fault, if any, was taken). */
function onCall(s: Scenario, listener: (call: Scenario["fake"]["calls"][number]) => void): void {
  const push = s.fake.calls.push.bind(s.fake.calls);
  s.fake.calls.push = (...calls) => {
    for (const call of calls) listener(call);
    return push(...calls);
  };
}

/**
 * Drops the connection of the (after + 1)-th request matching `match` once Odoo committed it.
 * A fault applies to the requests that follow its injection, hence the injection one call early.
 */
function cutOffAfter(s: Scenario, match: FaultMatch, after: number): void {
  const fault: FakeFault = { kind: "destroy-socket", when: "after" };
  if (after === 0) {
    s.fake.injectFault(fault, { match, times: 1 });
    return;
  }
  let seen = 0;
  onCall(s, (call) => {
    const matches =
      (match.model === undefined || call.model === match.model) && call.method === match.method;
    if (matches && ++seen === after) s.fake.injectFault(fault, { match, times: 1 });
  });
}

function delivery(
  builder: Scenario["plant"]["builder"],
  product: number,
  day: string,
  quantity: number,
) {
  return { product, from: builder.ids.stock, to: builder.ids.customer, day, quantity };
}

/** Runs one sync in a child process against the scenario's fake server. */
function spawnSync(s: Scenario) {
  return spawnChild(
    new URL("../support/syncChild.ts", import.meta.url),
    "SYNC_CHILD",
    { url: s.fake.url, database: s.fake.db, apiKey: s.fake.apiKey, startMs: SCENARIO_START_MS },
    ["ignore", "ignore", "inherit"],
  );
}

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error("timed out waiting");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
