/**
 * Fault tests: the client against the fake server when things go wrong — a server dying mid-write,
 * 5xx/429 with backoff, timeouts, malformed payloads, revoked keys — over both transports.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  connectOdoo,
  type OdooClient,
  type RequestSummary,
  type TransportKind,
} from "../../connector/odoo/index.js";
import { fakeConfig, ManualClock } from "../support/fakeConnection.js";
import { type FakeOdoo, startFakeOdoo } from "../support/fakeOdoo.js";
import { FakeStore } from "../support/fakeStore.js";

const PARTNER_FIELDS = { name: { type: "char" as const }, ref: { type: "char" as const } };

let fake: FakeOdoo;
let clock: ManualClock;
let summaries: RequestSummary[];
let odoo: OdooClient | undefined;

beforeEach(async () => {
  const store = new FakeStore({ "res.partner": { fields: PARTNER_FIELDS } });
  store.insert("res.partner", [{ name: "Acme" }, { name: "Globex" }]);
  fake = await startFakeOdoo({ store });
  clock = new ManualClock();
  summaries = [];
});

afterEach(async () => {
  odoo?.close();
  odoo = undefined;
  await fake.close();
});

async function connect(
  transport: TransportKind,
  maxRetries = 3,
  timeoutMs = 5_000,
): Promise<OdooClient> {
  odoo = await connectOdoo(fakeConfig(fake, transport, { maxRetries, timeoutMs }), {
    clock,
    random: () => 0.5,
    logger: { request: (summary) => summaries.push(summary) },
  });
  return odoo;
}

const callsTo = (method: string) => fake.calls.filter((call) => call.method === method).length;

describe.each(["json2", "xmlrpc"] as const)("faults over %s", (transport) => {
  it("does not resend a create when the server dies after committing it", async () => {
    const client = await connect(transport);
    fake.injectFault({ kind: "destroy-socket", when: "after" }, { match: { method: "create" } });
    await expect(client.create("res.partner", [{ name: "Initech" }])).rejects.toMatchObject({
      code: "connection",
      requestSent: true,
    });
    expect(callsTo("create")).toBe(1);
    // the server did commit it: exactly one, which the caller can look up
    expect(fake.store.records("res.partner").map((partner) => partner.name)).toEqual([
      "Acme",
      "Globex",
      "Initech",
    ]);
  });

  it("resends a create the caller marks idempotent", async () => {
    const client = await connect(transport);
    fake.injectFault({ kind: "destroy-socket", when: "before" }, { match: { method: "create" } });
    await expect(
      client.create("res.partner", [{ name: "Initech", ref: "key-1" }], { idempotent: true }),
    ).resolves.toHaveLength(1);
    expect(callsTo("create")).toBe(2);
  });

  it("resends a read when the connection breaks, after a jittered backoff", async () => {
    const client = await connect(transport);
    fake.injectFault({ kind: "destroy-socket" }, { match: { method: "search_read" } });
    const partners = await client.searchRead("res.partner", [], { fields: ["name"] });
    expect(partners.map((partner) => partner.name)).toEqual(["Acme", "Globex"]);
    expect(callsTo("search_read")).toBe(2);
    // full jitter with random() = 0.5: half of min(10 s, 250 ms × 2^1)
    expect(clock.sleeps).toEqual([250]);
  });

  it("retries 5xx with exponential backoff and gives up after maxRetries", async () => {
    const client = await connect(transport, 3);
    fake.injectFault(
      { kind: "status", status: 502 },
      { match: { method: "search_count" }, times: 10 },
    );
    await expect(client.searchCount("res.partner", [])).rejects.toMatchObject({
      code: "server",
      httpStatus: 502,
    });
    expect(callsTo("search_count")).toBe(4);
    expect(clock.sleeps).toEqual([250, 500, 1000]);
    expect(summaries.map((summary) => summary.retryInMs)).toEqual([250, 500, 1000, undefined]);
  });

  it("recovers when a 500 from Odoo is transient", async () => {
    const client = await connect(transport);
    fake.injectFault(
      { kind: "server-error", exceptionName: "psycopg2.OperationalError" },
      { match: { method: "search_count" }, times: 2 },
    );
    await expect(client.searchCount("res.partner", [])).resolves.toBe(2);
    expect(callsTo("search_count")).toBe(3);
  });

  it("waits at least Retry-After on 429, even for a create", async () => {
    const client = await connect(transport);
    fake.injectFault(
      { kind: "status", status: 429, retryAfter: "7" },
      { match: { method: "create" } },
    );
    await expect(client.create("res.partner", [{ name: "Umbrella" }])).resolves.toHaveLength(1);
    expect(clock.sleeps).toEqual([7000]);
    expect(fake.store.records("res.partner")).toHaveLength(3);
  });

  it("fails at once on a Retry-After longer than it is willing to wait", async () => {
    const client = await connect(transport);
    fake.injectFault(
      { kind: "status", status: 429, retryAfter: "3600" },
      { match: { method: "search_count" } },
    );
    await expect(client.searchCount("res.partner", [])).rejects.toMatchObject({
      code: "rate_limit",
      retryAfterMs: 3_600_000,
    });
    expect(clock.sleeps).toEqual([]);
  });

  it("never retries a 4xx-class failure", async () => {
    const client = await connect(transport);
    await expect(client.write("res.partner", [999], { name: "ghost" })).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(client.searchCount("no.such.model", [])).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(client.write("res.partner", [1], { no_such_field: 1 })).rejects.toMatchObject({
      code: "server",
      retryable: false,
    });
    expect(callsTo("write")).toBe(2);
    expect(callsTo("search_count")).toBe(1);
    expect(clock.sleeps).toEqual([]);
  });

  it("times out a slow answer and retries a read", async () => {
    const client = await connect(transport, 1, 1_000);
    fake.injectFault({ kind: "delay", ms: 10_000 }, { match: { method: "search_count" } });
    await expect(client.searchCount("res.partner", [])).resolves.toBe(2);
    expect(summaries.map((summary) => summary.outcome)).toEqual(["timeout", "ok"]);
  });

  it("times out a slow create without resending it", async () => {
    const client = await connect(transport, 3, 1_000);
    fake.injectFault({ kind: "delay", ms: 10_000 }, { match: { method: "create" } });
    await expect(client.create("res.partner", [{ name: "Slow" }])).rejects.toMatchObject({
      code: "timeout",
      timeoutMs: 1_000,
    });
    expect(callsTo("create")).toBe(1);
  });

  it("reports a malformed answer as a protocol error, without retrying", async () => {
    const client = await connect(transport);
    fake.injectFault({ kind: "malformed" }, { match: { method: "search_read" } });
    await expect(client.searchRead("res.partner", [])).rejects.toMatchObject({
      code: "protocol",
      model: "res.partner",
      method: "search_read",
    });
    expect(callsTo("search_read")).toBe(1);
  });

  it("reports a key revoked mid-run as an auth error, without retrying", async () => {
    const client = await connect(transport);
    await client.searchCount("res.partner", []);
    fake.injectFault({ kind: "expired-key" }, { times: Number.POSITIVE_INFINITY });
    await expect(client.searchCount("res.partner", [])).rejects.toMatchObject({
      code: "auth",
      name: "OdooAuthError",
    });
    expect(callsTo("search_count")).toBe(2);
  });

  it("keeps at most `concurrency` requests in flight", async () => {
    odoo = await connectOdoo(fakeConfig(fake, transport, { concurrency: 2 }));
    fake.injectFault({ kind: "delay", ms: 40 }, { match: { method: "search_count" }, times: 8 });
    const counts = await Promise.all(
      Array.from({ length: 8 }, () => odoo?.searchCount("res.partner", [])),
    );
    expect(counts).toEqual(Array(8).fill(2));
    expect(fake.maxInFlight).toBe(2);
  });
});

describe("faults before any request reaches Odoo", () => {
  it("resends even a create when the connection is refused", async () => {
    const closed = await startFakeOdoo();
    const url = closed.url;
    await closed.close();
    const attempts: RequestSummary[] = [];
    odoo = await connectOdoo(fakeConfig(fake, "json2", { url, maxRetries: 2 }), {
      clock,
      random: () => 0,
      logger: { request: (summary) => attempts.push(summary) },
    });
    await expect(odoo.create("res.partner", [{ name: "Nobody" }])).rejects.toMatchObject({
      code: "connection",
      requestSent: false,
      systemCode: "ECONNREFUSED",
    });
    expect(attempts.map((attempt) => attempt.outcome)).toEqual([
      "connection",
      "connection",
      "connection",
    ]);
  });
});
