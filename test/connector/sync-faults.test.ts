/**
 * A sync under server faults: transient ones (500, 429, timeouts, a connection dropped after a
 * commit) are retried and leave exactly what a clean run leaves; lasting ones (a malformed answer,
 * a revoked key) stop the run with the reason on its record, or, when Odoo cannot even take the
 * reason, leave it to the next run, which closes it and completes the work.
 */
import { afterEach, describe, expect, it } from "vitest";
import { SyncFailedError } from "../../connector/sync/sync.js";
import { RUN_LEASE_SECONDS } from "../../connector/writeback/runs.js";
import type { FakeFault, FaultMatch } from "../support/fakeFaults.js";
import {
  SCENARIO_START_MS,
  type Scenario,
  startScenario,
  syncedRecords,
} from "../support/syncScenario.js";

const scenarios: Scenario[] = [];
async function scenario(): Promise<Scenario> {
  const started = await startScenario();
  scenarios.push(started);
  return started;
}
afterEach(async () => {
  for (const started of scenarios.splice(0)) await started.close();
});

async function reference(): Promise<Record<string, unknown>> {
  const clean = await scenario();
  await clean.sync(await clean.connect());
  return syncedRecords(clean.store);
}

const TRANSIENT: readonly { name: string; fault: FakeFault; match: FaultMatch }[] = [
  {
    name: "a 500 from Odoo on a product batch",
    fault: { kind: "server-error", exceptionName: "psycopg2.errors.SerializationFailure" },
    match: { method: "write_segmentation" },
  },
  {
    name: "a 429 with Retry-After on suggestions",
    fault: { kind: "status", status: 429, retryAfter: "2" },
    match: { method: "submit_pending" },
  },
  {
    name: "a 502 from a proxy on events",
    fault: { kind: "status", status: 502 },
    match: { method: "record_events" },
  },
  {
    name: "a timeout reading demand",
    fault: { kind: "delay", ms: 1_500 },
    match: { model: "stock.move", method: "formatted_read_group" },
  },
  {
    name: "a connection dropped after the run record was created",
    fault: { kind: "destroy-socket", when: "after" },
    match: { model: "inventory.segment.run", method: "create" },
  },
  {
    name: "a connection dropped after an auto-apply committed",
    fault: { kind: "destroy-socket", when: "after" },
    match: { method: "action_auto_apply" },
  },
];

describe.each(["json2", "xmlrpc"] as const)("transient faults over %s", (transport) => {
  it.each(TRANSIENT)("retries $name and ends as a clean run", async ({ fault, match }) => {
    const expected = await reference();
    const s = await scenario();
    s.fake.injectFault(fault, { match, times: 1 });
    // A delayed answer outlasts a short timeout; the retried request is answered at once.
    const odoo = await s.connect(transport, {
      maxRetries: 3,
      ...(fault.kind === "delay" && { timeoutMs: 500 }),
    });
    const summary = await s.sync(odoo);
    expect(summary.run).not.toBeNull();
    expect(syncedRecords(s.store)).toEqual(expected);
    expect(s.store.records("inventory.segment.run")).toMatchObject([{ state: "done" }]);
    // The faulted request was sent again, as it was.
    const faulted = s.fake.calls.findIndex((call) => call.fault === fault.kind);
    expect(faulted).toBeGreaterThanOrEqual(0);
    const sameAs = (call: (typeof s.fake.calls)[number]) =>
      JSON.stringify([call.model, call.method, call.ids, call.args, call.kwargs]);
    const again = s.fake.calls
      .slice(faulted + 1)
      .find(
        (call) => sameAs(call) === sameAs(s.fake.calls[faulted] as (typeof s.fake.calls)[number]),
      );
    expect(again?.fault).toBeUndefined();
    expect(again).toBeDefined();
  });
});

describe("lasting faults", () => {
  it("fails the run with the reason on a malformed answer to a write, and a re-run completes it", async () => {
    const expected = await reference();
    const s = await scenario();
    s.fake.injectFault({ kind: "malformed" }, { match: { method: "submit_pending" }, times: 1 });
    const odoo = await s.connect("json2", { maxRetries: 3 });
    const failure = await s.sync(odoo).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(SyncFailedError);
    const [run] = s.store.records("inventory.segment.run");
    expect(run).toMatchObject({ state: "failed" });
    expect(String(run?.error)).toMatch(/failed while writing suggestions: .*submit_pending/);
    await s.sync(odoo, { clock: () => SCENARIO_START_MS + 60_000 });
    expect(syncedRecords(s.store)).toEqual(expected);
  });

  it("stops before writing anything on a malformed answer to a read", async () => {
    const s = await scenario();
    s.fake.injectFault(
      { kind: "malformed" },
      { match: { model: "product.product", method: "search_read" }, times: 1 },
    );
    const odoo = await s.connect("xmlrpc", { maxRetries: 3 });
    await expect(s.sync(odoo)).rejects.toThrow(/product\.product\.search_read/);
    expect(s.store.records("inventory.segment.run")).toEqual([]);
    expect(s.store.records("inventory.segment.suggestion")).toEqual([]);
  });

  it("leaves a run whose key was revoked mid-write to the next run, which closes and completes it", async () => {
    const expected = await reference();
    const s = await scenario();
    // From the 2nd product batch on, the key is refused: not even the failure can be recorded.
    let batches = 0;
    const push = s.fake.calls.push.bind(s.fake.calls);
    s.fake.calls.push = (...calls) => {
      for (const call of calls) {
        if (call.method === "write_segmentation" && ++batches === 1) {
          s.fake.injectFault({ kind: "expired-key" }, { times: Number.POSITIVE_INFINITY });
        }
      }
      return push(...calls);
    };
    const odoo = await s.connect("json2", { maxRetries: 3 });
    await expect(s.sync(odoo)).rejects.toThrow(/refused|auth|key|credential/i);
    s.fake.calls.push = push;
    expect(s.store.records("inventory.segment.run")).toMatchObject([{ state: "running" }]);
    s.fake.clearFaults();
    const later = SCENARIO_START_MS + (RUN_LEASE_SECONDS + 3_600) * 1000;
    const rerun = await s.sync(odoo, { clock: () => later });
    expect(rerun.closedRuns).toHaveLength(1);
    expect(rerun.resumed).not.toBeNull();
    expect(syncedRecords(s.store)).toEqual(expected);
  });
});
