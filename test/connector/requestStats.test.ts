import { afterEach, expect, it } from "vitest";
import { connectOdoo, RequestStats } from "../../connector/odoo/index.js";
import { fakeConfig, ManualClock } from "../support/fakeConnection.js";
import { type FakeOdoo, startFakeOdoo } from "../support/fakeOdoo.js";
import { FakeStore } from "../support/fakeStore.js";

let fake: FakeOdoo;
afterEach(() => fake.close());

it("counts requests, retries and failures per model and method", async () => {
  fake = await startFakeOdoo({
    store: new FakeStore({ "res.partner": { fields: { name: { type: "char" } } } }),
  });
  const stats = new RequestStats();
  const odoo = await connectOdoo(fakeConfig(fake, "json2", { maxRetries: 2 }), {
    logger: stats.logger,
    clock: new ManualClock(),
    pageSize: 1,
  });
  fake.store.insert("res.partner", [{ name: "A" }, { name: "B" }]);
  fake.injectFault({ kind: "status", status: 503 }, { match: { method: "search_count" } });
  await odoo.searchCount("res.partner", []);
  await odoo.searchRead("res.partner", []);
  await expect(odoo.searchCount("no.such", [])).rejects.toMatchObject({ code: "not_found" });
  odoo.close();
  expect(stats.snapshot()).toEqual({
    "res.partner.search_count": {
      requests: 2,
      retries: 1,
      failures: 1,
      totalMs: expect.any(Number),
    },
    "res.partner.search_read": {
      requests: 3,
      retries: 0,
      failures: 0,
      totalMs: expect.any(Number),
    },
    "no.such.search_count": { requests: 1, retries: 0, failures: 1, totalMs: expect.any(Number) },
  });
  expect(stats.requests).toBe(6);
});
