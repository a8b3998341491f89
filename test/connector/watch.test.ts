/**
 * Watch mode against the fake Odoo: a late receipt and a lead-time shift escalate at once and
 * leave events and suggestions; a stockout and an edited promise are detected; an idle poll costs
 * at most five calls; a requested run is run; a dead watch process is taken over and a live one is
 * respected; an outage is ridden out with backoff; a killed process, restarted, leaves exactly what
 * an uninterrupted one leaves; SIGTERM finishes the cycle in progress and closes the run.
 */
import { afterEach, describe, expect, it } from "vitest";
import { OdooAuthError, type OdooClient } from "../../connector/odoo/index.js";
import { Backoff } from "../../connector/watch/backoff.js";
import type { WatchLog } from "../../connector/watch/log.js";
import { runWatch, type WatchOptions, type WatchSummary } from "../../connector/watch/watch.js";
import { WatchInProgressError } from "../../connector/watch/watch-run.js";
import {
  stampOf,
  startWatchScenario,
  type WatchScenario,
  waitFor,
  watchedRecords,
} from "./watchScenario.js";

type Row = Record<string, unknown>;

const scenarios: WatchScenario[] = [];
async function scenario(): Promise<WatchScenario> {
  const started = await startWatchScenario();
  scenarios.push(started);
  await started.sync();
  // Odoo stamps changes by the second: the plant's changes come in a later second than the sync.
  await new Promise((resolve) => setTimeout(resolve, 1_100));
  return started;
}
afterEach(async () => {
  for (const started of scenarios.splice(0)) await started.close();
});

let nextPid = 50_000;

/** `runWatch` in this process, with its log lines collected. */
function watchHere(s: WatchScenario, odoo: OdooClient, options: Partial<WatchOptions> = {}) {
  const controller = new AbortController();
  const lines: Row[] = [];
  const log: WatchLog = {
    write: (level, event, fields = {}) => void lines.push({ level, event, ...fields }),
  };
  const done: Promise<WatchSummary> = runWatch(odoo, {
    intervalSeconds: 0.05,
    stateDir: s.stateDir,
    connection: { url: s.fake.url, database: s.fake.db },
    signal: controller.signal,
    log,
    identity: { host: "test-host", pid: nextPid++, isAlive: () => false },
    fullRefresh: false,
    ...options,
  });
  return {
    lines,
    done,
    cycles: () => lines.filter((line) => line.event === "cycle"),
    stop: () => {
      controller.abort("test over");
      return done;
    },
  };
}

const records = (s: WatchScenario, model: string) => s.store.records(model);
const tierOf = (s: WatchScenario, product: number) =>
  records(s, "inventory.segment").find(
    (segment) =>
      segment.id === records(s, "product.product").find((row) => row.id === product)?.segment_id,
  )?.code;
const TIER_RANK = ["critical", "essential", "standard", "obsolete"];

describe("watch mode reacts to a vendor that stretches", () => {
  it("flags the first late receipt, confirms the shift with the second, escalates and suggests", async () => {
    const s = await scenario();
    const before = tierOf(s, s.shifting.product);
    const watch = watchHere(s, await s.connect());
    await waitFor(() => watch.lines.some((line) => line.event === "started"), 10_000, "start");

    const first = s.receiveLate(30);
    await waitFor(() => watch.cycles().length >= 1, 10_000, "the first cycle");
    const late = records(s, "inventory.segment.event").filter(
      (event) => event.kind === "late_receipt",
    );
    expect(late).toHaveLength(1);
    expect(late[0]).toMatchObject({
      product_id: s.shifting.product,
      partner_id: s.shifting.vendor,
      severity: "warning",
      dedup_key: `late_receipt:stock.move:${first}`,
    });
    expect(String(late[0]?.message)).toMatch(
      /^\[HOUSING-C\] Cast housing|Cast housing from Shifting Alloys took 30 days .*beyond the control limit of/,
    );
    // The late receipt alone escalates the part at once (its event adds the event points).
    const raised = tierOf(s, s.shifting.product);
    expect(TIER_RANK.indexOf(String(raised))).toBeLessThan(TIER_RANK.indexOf(String(before)));

    s.receiveLate(29);
    await waitFor(() => watch.cycles().length >= 2, 10_000, "the second cycle");
    const shift = records(s, "inventory.segment.event").find(
      (event) => event.kind === "lead_time_shift",
    );
    expect(shift).toMatchObject({ partner_id: s.shifting.vendor, product_id: false });
    expect(String(shift?.message)).toMatch(
      /^Lead time of Shifting Alloys rose from 12 to 29\.5 days \(2 receipts since .*control limit [\d.]+ days\) → /,
    );
    expect(shift?.metric_values).toMatchObject({
      direction: "up",
      lead_time_before_days: expect.closeTo(12, 1),
      lead_time_after_days: expect.closeTo(29.5, 1),
      receipts_after: 2,
      change_move_id: first,
    });
    // The part now plans with the new regime's lead time, and a suggestion waits for it.
    const part = records(s, "product.product").find((row) => row.id === s.shifting.product);
    expect(part?.lead_time_mean_days).toBeCloseTo(29.5, 1);
    expect(String(part?.segment_reason)).toContain(
      "lead time of Shifting Alloys rose from 12 to 29.5 days",
    );
    expect(
      records(s, "inventory.segment.suggestion").some(
        (row) => row.product_id === s.shifting.product && row.state === "pending",
      ),
    ).toBe(true);
    // The run holds the cursor past both receipts, and counts what the cycles wrote.
    const summary = await watch.stop();
    expect(summary).toMatchObject({ cycles: 2, failures: 0 });
    const run = records(s, "inventory.segment.run").find((row) => row.mode === "watch");
    expect(run).toMatchObject({ state: "done", event_count: summary.events });
    expect(((run?.sync_cursor ?? {}) as Row)["stock.move"]).toMatchObject({
      write_date: expect.any(String),
    });
  }, 60_000);

  it("detects a stockout and an edited promise, once each however often it polls", async () => {
    const s = await scenario();
    const watch = watchHere(s, await s.connect());
    await waitFor(() => watch.lines.some((line) => line.event === "started"), 10_000, "start");
    const bearing = s.plant.products.bought.id;
    s.waitAtEmptyShelf(bearing, 12);
    s.promise(20);
    await waitFor(() => watch.cycles().length >= 1, 10_000, "a cycle").catch((error) => {
      console.log(JSON.stringify(watch.lines.slice(0, 5), null, 1));
      throw error;
    });
    // Let it poll the same changes again (they stay in the overlap): nothing more is recorded.
    const polls = () => watch.lines.length;
    const seenPolls = polls();
    await new Promise((resolve) => setTimeout(resolve, 600));
    await watch.stop();
    expect(polls()).toBeGreaterThanOrEqual(seenPolls);
    const events = records(s, "inventory.segment.event");
    const stockouts = events.filter((event) => event.kind === "stockout");
    expect(stockouts).toHaveLength(1);
    expect(stockouts[0]).toMatchObject({ product_id: bearing, severity: "alert" });
    expect(String(stockouts[0]?.message)).toMatch(
      /Bearing is out of stock at WH: 12 ordered and waiting, 0 on hand, 12 short/,
    );
    const promises = events.filter((event) => event.kind === "promised_delay_change");
    expect(promises).toHaveLength(1);
    expect(promises[0]).toMatchObject({
      product_id: s.shifting.product,
      partner_id: s.shifting.vendor,
      metric_values: expect.objectContaining({ promised_before_days: 12, promised_after_days: 20 }),
    });
    expect(String(promises[0]?.message)).toMatch(
      /^Shifting Alloys now promises .*Cast housing in 20 days instead of 12 \(\+8 days\)/,
    );
  }, 60_000);
});

describe("the cost of watching", () => {
  it("polls with one request, heartbeat included, and reads nothing new when idle", async () => {
    const s = await scenario();
    const watch = watchHere(s, await s.connect(), { intervalSeconds: 0.02 });
    await waitFor(() => watch.lines.some((line) => line.event === "started"), 10_000, "start");
    // Once the start has settled (its first polls may read the sync's last second again)…
    await new Promise((resolve) => setTimeout(resolve, 500));
    const from = s.fake.calls.length;
    const cyclesBefore = watch.cycles().length;
    await new Promise((resolve) => setTimeout(resolve, 600));
    const calls = s.fake.calls.slice(from);
    await watch.stop();
    // Every request of an idle stretch is a poll: the four reads and the run in one call.
    expect(calls.length).toBeGreaterThan(5);
    expect(new Set(calls.map((call) => `${call.model}.${call.method}`))).toEqual(
      new Set(["inventory.segment.run.watch_poll"]),
    );
    const reads = calls[0]?.kwargs.reads as Record<string, { domain: unknown[] }>;
    expect(Object.keys(reads).sort()).toEqual([
      "product.supplierinfo",
      "stock.move",
      "stock.quant",
    ]);
    // Each read starts at its floor: the server's time less the overlap.
    for (const read of Object.values(reads))
      expect(read.domain).toContainEqual(["write_date", ">=", expect.any(String)]);
    expect(watch.cycles().length).toBe(cyclesBefore);
  }, 60_000);
});

describe("runs requested from Odoo and other watch processes", () => {
  it("runs a requested recompute and marks it done", async () => {
    const s = await scenario();
    const [requested] = s.store.insert("inventory.segment.run", [
      { name: "SEG/REQ", mode: "requested", state: "requested", company_id: 1 },
    ]);
    const watch = watchHere(s, await s.connect());
    await waitFor(
      () =>
        records(s, "inventory.segment.run").find((run) => run.id === requested)?.state === "done",
      20_000,
      "the requested run",
    );
    const summary = await watch.stop();
    expect(summary.requestedRuns).toBe(1);
    expect(watch.lines.map((line) => line.event)).toContain("sync-done");
  }, 60_000);

  it("takes over from a dead watch process and resumes its cursor; refuses while one lives", async () => {
    const s = await scenario();
    const cursor = { "stock.move": { write_date: stampOf(Date.now() - 3_600_000), id: 1 } };
    const [dead] = s.store.insert("inventory.segment.run", [
      {
        name: "SEG/DEAD",
        mode: "watch",
        state: "running",
        company_id: 1,
        connector_run_key: "watch:test-host:4242:0b5a7c1e-1111-4222-8333-944455556666",
        sync_cursor: cursor,
      },
    ]);
    // Alive: the same host says process 4242 runs.
    const odoo = await s.connect();
    const live = watchHere(s, odoo, {
      identity: { host: "test-host", pid: 1, isAlive: (pid) => pid === 4242 },
    });
    await expect(live.done).rejects.toThrow(WatchInProgressError);
    await expect(live.done).rejects.toThrow(
      /SEG\/DEAD is watching this company \(process 4242 on test-host/,
    );

    const watch = watchHere(s, odoo);
    await waitFor(() => watch.lines.some((line) => line.event === "started"), 10_000, "start");
    await watch.stop();
    expect(watch.lines.find((line) => line.event === "started")).toMatchObject({
      resumedFrom: "SEG/DEAD",
      closed: ["SEG/DEAD"],
    });
    expect(records(s, "inventory.segment.run").find((run) => run.id === dead)).toMatchObject({
      state: "failed",
      error: expect.stringMatching(
        /^interrupted: its process stopped without closing it; .* took over/,
      ),
    });
  }, 60_000);
});

describe("failures", () => {
  it("rides out an outage with backoff and processes what changed meanwhile", async () => {
    const s = await scenario();
    const draws = [0.5, 0.5, 0.5, 0.5, 0.5, 0.5];
    const backoff = new Backoff({ baseMs: 40, maxMs: 400, random: () => draws.shift() ?? 0.5 });
    const watch = watchHere(s, await s.connect(), { backoff });
    await waitFor(() => watch.lines.some((line) => line.event === "started"), 10_000, "start");
    // Odoo goes away: every request fails for a while (a dropped connection, then 502s).
    s.fake.injectFault({ kind: "destroy-socket", when: "before" }, { times: 2 });
    s.fake.injectFault({ kind: "status", status: 502 }, { times: 8 });
    const move = s.receiveLate(30);
    await waitFor(() => watch.cycles().length >= 1, 20_000, "the cycle after the outage");
    const summary = await watch.stop();
    const retries = watch.lines.filter((line) => line.event === "retry");
    expect(retries.length).toBeGreaterThanOrEqual(2);
    // Equal jitter: half the step fixed, half drawn (0.5 here); steps double up to the cap.
    expect(retries.slice(0, 3).map((line) => line.retryInMs)).toEqual([30, 60, 120]);
    expect(summary.failures).toBe(retries.length);
    expect(
      records(s, "inventory.segment.event").filter(
        (event) => event.dedup_key === `late_receipt:stock.move:${move}`,
      ),
    ).toHaveLength(1);
  }, 60_000);

  it("stops on a revoked key, closing its run with the reason", async () => {
    const s = await scenario();
    const watch = watchHere(s, await s.connect());
    await waitFor(() => watch.lines.some((line) => line.event === "started"), 10_000, "start");
    s.fake.injectFault({ kind: "expired-key" }, { match: { method: "watch_poll" }, times: 1 });
    await expect(watch.done).rejects.toThrow(OdooAuthError);
    // The key works again for the close (the fault hit one read): the run says why it stopped.
    const [run] = records(s, "inventory.segment.run").filter((row) => row.mode === "watch");
    expect(run).toMatchObject({
      state: "failed",
      error: expect.stringMatching(/^OdooAuthError: /),
    });
  }, 60_000);
});

describe("a killed watch process", () => {
  /**
   * The plant's changes, made before the watch starts (after the sync), so that its first poll
   * sees them all and its first cycle is the same in every scenario.
   */
  const CHANGES = (s: WatchScenario) => {
    s.receiveLate(30);
    s.receiveLate(29);
    s.waitAtEmptyShelf(s.plant.products.bought.id, 12);
    s.promise(20);
  };

  it("restarted, leaves exactly what an uninterrupted watch leaves: nothing lost, nothing twice", async () => {
    // The reference: one process sees the changes through.
    const reference = await scenario();
    CHANGES(reference);
    const first = reference.spawnWatch();
    await waitFor(() => first.lines.some((line) => line.event === "cycle"), 30_000, "the cycle");
    first.child.kill("SIGTERM");
    expect(await first.exited).toBe(0);
    const expected = watchedRecords(reference.store);
    expect((expected.events as Row[]).map((event) => event.kind).sort()).toEqual([
      "late_receipt",
      "late_receipt",
      "lead_time_shift",
      "promised_delay_change",
      "segment_change",
      "stockout",
    ]);

    // The same changes; the process is killed while its cycle writes segments (Odoo commits it).
    const s = await scenario();
    CHANGES(s);
    s.fake.injectFault(
      { kind: "delay", ms: 1_500 },
      { match: { method: "write_segmentation" }, times: 1 },
    );
    const segmentWrites = () =>
      s.fake.calls.filter((call) => call.method === "write_segmentation").length;
    const before = segmentWrites();
    const killed = s.spawnWatch();
    await waitFor(() => segmentWrites() > before, 30_000, "the cycle's segment write");
    killed.child.kill("SIGKILL");
    expect(await killed.exited).toBe("SIGKILL");
    await new Promise((resolve) => setTimeout(resolve, 1_700)); // Odoo finishes the write
    const [run] = records(s, "inventory.segment.run").filter((row) => row.mode === "watch");
    expect(run?.state).toBe("running");
    // The cycle's events were written before it was cut off; its suggestions and cursor were not.
    expect(
      records(s, "inventory.segment.event").some((event) => event.kind === "lead_time_shift"),
    ).toBe(true);
    const cutAt = s.fake.calls
      .map((call, index) => (call.method === "write_segmentation" ? index : -1))
      .filter((index) => index >= 0)[before] as number;
    expect(s.fake.calls.slice(cutAt).some((call) => call.method === "submit_pending")).toBe(false);
    expect(killed.lines.some((line) => line.event === "cycle")).toBe(false);

    const restarted = s.spawnWatch();
    await waitFor(
      () => restarted.lines.some((line) => line.event === "cycle"),
      30_000,
      "the replayed cycle",
    );
    restarted.child.kill("SIGTERM");
    expect(await restarted.exited).toBe(0);
    expect(restarted.lines.find((line) => line.event === "started")).toMatchObject({
      resumedFrom: run?.name,
      closed: [run?.name],
    });
    expect(watchedRecords(s.store)).toEqual(expected);
    const keys = records(s, "inventory.segment.event").map((event) => event.dedup_key);
    expect(new Set(keys).size).toBe(keys.length);
  }, 120_000);

  it("on SIGTERM, finishes the cycle in progress, stores its cursor and closes the run", async () => {
    const s = await scenario();
    const move = s.receiveLate(30);
    s.fake.injectFault(
      { kind: "delay", ms: 800 },
      { match: { method: "submit_pending" }, times: 1 },
    );
    const submits = () => s.fake.calls.filter((call) => call.method === "submit_pending").length;
    const before = submits();
    const watch = s.spawnWatch();
    await waitFor(() => submits() > before, 30_000, "the cycle's suggestions");
    watch.child.kill("SIGTERM");
    expect(await watch.exited).toBe(0);
    const events = watch.lines.map((line) => line.event);
    expect(events.indexOf("stopping")).toBeLessThan(events.indexOf("cycle"));
    expect(events.at(-1)).toBe("stopped");
    const [run] = records(s, "inventory.segment.run").filter((row) => row.mode === "watch");
    expect(run).toMatchObject({ state: "done", error: false, date_end: expect.any(String) });
    const moveCursor = ((run?.sync_cursor ?? {}) as Record<string, { write_date: string }>)[
      "stock.move"
    ];
    const written = records(s, "stock.move").find((row) => row.id === move);
    expect(String(moveCursor?.write_date) >= String(written?.write_date)).toBe(true);
    expect(
      records(s, "inventory.segment.suggestion").some(
        (row) => row.product_id === s.shifting.product,
      ),
    ).toBe(true);
  }, 60_000);
});
