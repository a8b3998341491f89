/**
 * The fake Odoo server must behave like Odoo 19 where the connector's tests rely on it: these
 * checks pin its quirks (verified against a live 19.0) so a later change cannot quietly drift.
 */

import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { serializeMethodCall } from "xmlrpc/lib/serializer.js";
import { decodeMethodResponse } from "../../connector/odoo/xmlrpcCodec.js";
import { matchesDomain } from "../support/fakeDomain.js";
import { type FakeOdoo, startFakeOdoo } from "../support/fakeOdoo.js";
import { FakeStore } from "../support/fakeStore.js";
import { loadFixtures } from "../support/fixtures.js";

let fake: FakeOdoo;

beforeEach(async () => {
  const store = new FakeStore({
    "product.tag": {
      fields: { name: { type: "char", required: true }, color: { type: "integer" } },
      unique: [["name"]],
    },
  });
  store.insert("product.tag", [{ name: "critical", color: 1 }]);
  fake = await startFakeOdoo({ store });
});
afterEach(() => fake.close());

async function json2(
  model: string,
  method: string,
  body: unknown,
  headers: Record<string, string> = {},
) {
  const response = await fetch(`${fake.url}/json/2/${model}/${method}`, {
    method: "POST",
    headers: {
      Authorization: `bearer ${fake.apiKey}`,
      "X-Odoo-Database": fake.db,
      "Content-Type": "application/json",
      ...headers,
    },
    body: JSON.stringify(body),
  });
  return {
    status: response.status,
    type: response.headers.get("content-type") ?? "",
    text: await response.text(),
  };
}

async function executeKw(
  model: string,
  method: string,
  args: unknown[],
  kwargs: Record<string, unknown> = {},
  database = fake.db,
) {
  const response = await fetch(`${fake.url}/xmlrpc/2/object`, {
    method: "POST",
    headers: { "Content-Type": "text/xml" },
    body: serializeMethodCall("execute_kw", [
      database,
      fake.uid,
      fake.apiKey,
      model,
      method,
      args,
      kwargs,
    ]),
  });
  return decodeMethodResponse(await response.text());
}

describe("fake Odoo, JSON-2", () => {
  it("creates, reads back Odoo-shaped values and enforces unique constraints", async () => {
    expect(
      await json2("product.tag", "create", { vals_list: [{ name: "essential" }] }),
    ).toMatchObject({ status: 200, text: "[2]" });
    const read = await json2("product.tag", "read", { ids: [2], fields: ["name", "color"] });
    expect(JSON.parse(read.text)).toEqual([{ id: 2, name: "essential", color: false }]);
    const duplicate = await json2("product.tag", "create", { vals_list: [{ name: "critical" }] });
    expect(duplicate.status).toBe(422);
    expect(JSON.parse(duplicate.text)).toMatchObject({ name: "odoo.exceptions.ValidationError" });
  });

  it("refuses ids on @api.model methods, like Odoo's json2 controller", async () => {
    const response = await json2("product.tag", "search_count", { ids: [1], domain: [] });
    expect(response.status).toBe(422);
    expect(JSON.parse(response.text).message).toBe("cannot call product.tag.search_count with ids");
  });

  it("answers an unknown database with Odoo's HTML 404 and a bad key with 401", async () => {
    const unknown = await json2(
      "product.tag",
      "search_count",
      { domain: [] },
      { "X-Odoo-Database": "other" },
    );
    expect(unknown).toMatchObject({ status: 404, type: expect.stringContaining("text/html") });
    const badKey = await json2(
      "product.tag",
      "search_count",
      { domain: [] },
      { Authorization: "bearer nope" },
    );
    expect(badKey.status).toBe(401);
  });

  it("fails loudly when a replayed request has no fixture", async () => {
    await fake.close();
    fake = await startFakeOdoo({ fixtures: loadFixtures() });
    const response = await json2("stock.move", "search_count", { domain: [["id", "=", -1]] });
    expect(response.status).toBe(500);
    expect(JSON.parse(response.text).message).toContain(
      'no fixture and no store model for json2 stock.move.search_count {"domain":[["id","=",-1]]}',
    );
  });
});

describe("fake Odoo, XML-RPC", () => {
  it("needs create's vals_list positionally, failing like Odoo's call_kw otherwise", async () => {
    expect(await executeKw("product.tag", "create", [[{ name: "standard" }]])).toEqual({
      ok: true,
      value: [2],
    });
    const keyword = await executeKw("product.tag", "create", [], {
      vals_list: [{ name: "obsolete" }],
    });
    expect(keyword).toMatchObject({
      ok: false,
      faultCode: 1,
      faultString: expect.stringContaining("IndexError: list index out of range"),
    });
  });

  it("cannot marshal a None result, after the method ran", async () => {
    fake.store.define("product.category", {
      fields: { name: { type: "char" } },
      methods: {
        action_touch: {
          run: ({ store, model, ids }) => void store.write(model, ids, { name: "touched" }),
        },
      },
    });
    fake.store.insert("product.category", [{ name: "All" }]);
    const outcome = await executeKw("product.category", "action_touch", [[1]]);
    expect(outcome).toMatchObject({
      ok: false,
      faultCode: 1,
      faultString: expect.stringContaining("cannot marshal None"),
    });
    expect(fake.store.records("product.category")[0]?.name).toBe("touched");
  });

  it("words errors per fault code", async () => {
    expect(await executeKw("no.such", "search_count", [[]])).toEqual({
      ok: false,
      faultCode: 2,
      faultString: "Object no.such doesn't exist",
    });
    expect(await executeKw("product.tag", "write", [[99], { name: "x" }])).toMatchObject({
      ok: false,
      faultCode: 2,
    });
    expect(await executeKw("product.tag", "search_count", [[]], {}, "other")).toMatchObject({
      ok: false,
      faultCode: 1,
    });
  });

  it("injects faults on matching requests only, as many times as asked", async () => {
    fake.injectFault(
      { kind: "status", status: 503 },
      { match: { method: "search_count" }, times: 2 },
    );
    const statuses = [];
    for (const method of ["search", "search_count", "search_count", "search_count"]) {
      const response = await fetch(`${fake.url}/xmlrpc/2/object`, {
        method: "POST",
        body: serializeMethodCall("execute_kw", [
          fake.db,
          fake.uid,
          fake.apiKey,
          "product.tag",
          method,
          [[]],
        ]),
      });
      statuses.push(response.status);
    }
    expect(statuses).toEqual([200, 503, 503, 200]);
    expect(fake.calls.map((call) => call.fault)).toEqual([
      undefined,
      "status",
      "status",
      undefined,
    ]);
  });
});

describe("fake domain evaluation", () => {
  const record = { id: 4, name: "Steel Bolt M8", qty: 5, tag_ids: [1, 3], partner_id: false };
  it.each([
    [[["name", "ilike", "bolt"]], true],
    [[["name", "like", "bolt"]], false],
    [[["name", "=like", "Steel%"]], true],
    [[["qty", "in", [1, 5]]], true],
    [[["qty", "not in", [5]]], false],
    [[["tag_ids", "in", [3]]], true],
    [[["tag_ids", "=", 2]], false],
    [[["partner_id", "=", false]], true],
    [["!", ["qty", ">", 4]], false],
    [["|", ["qty", "<", 1], ["id", "=", 4]], true],
    [
      [
        ["qty", ">=", 5],
        ["qty", "<", 5],
      ],
      false,
    ],
  ])("%j → %s", (domain, expected) => {
    expect(matchesDomain(record, domain)).toBe(expected);
  });

  it("refuses unknown fields like Odoo does", () => {
    expect(() => matchesDomain(record, [["nope", "=", 1]])).toThrow(/Invalid field nope/);
  });
});
