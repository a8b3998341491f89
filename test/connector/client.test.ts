/**
 * The client's own behaviour, against the fake server's in-memory store, over both transports:
 * cursor paging, batches, method calls, and what it refuses to do.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { connectOdoo, type OdooClient, type TransportKind } from "../../connector/odoo/index.js";
import { fakeConfig } from "../support/fakeConnection.js";
import { type FakeOdoo, startFakeOdoo } from "../support/fakeOdoo.js";
import { FakeStore } from "../support/fakeStore.js";

let fake: FakeOdoo;
let odoo: OdooClient;

function plantStore(): FakeStore {
  const store = new FakeStore({
    "product.product": {
      fields: {
        name: { type: "char" },
        default_code: { type: "char" },
        active: { type: "boolean" },
        list_price: { type: "float" },
        segment_id: { type: "many2one", relation: "inventory.segment" },
      },
      unique: [["default_code"]],
    },
    "inventory.segment": { fields: { name: { type: "char" }, code: { type: "char" } } },
    "inventory.segment.suggestion": {
      fields: {
        product_id: { type: "many2one", relation: "product.product" },
        state: { type: "char" },
      },
      methods: {
        action_accept: {
          run: ({ store, model, ids }) => {
            store.write(model, ids, { state: "accepted" });
            return undefined; // Python's None, like many action methods
          },
        },
      },
    },
  });
  const [critical] = store.insert("inventory.segment", [{ name: "Critical", code: "critical" }]);
  store.insert(
    "product.product",
    Array.from({ length: 7 }, (_, index) => ({
      name: `Part ${index + 1}`,
      default_code: `P${index + 1}`,
      list_price: (index + 1) * 10,
      active: index !== 6,
      segment_id: index === 0 ? critical : false,
    })),
  );
  store.insert("inventory.segment.suggestion", [{ product_id: 1, state: "pending" }]);
  return store;
}

beforeEach(async () => {
  fake = await startFakeOdoo({ store: plantStore() });
});
afterEach(async () => {
  odoo.close();
  await fake.close();
});

const searchReads = () => fake.calls.filter((call) => call.method === "search_read");

describe.each(["json2", "xmlrpc"] as const)("OdooClient over %s", (transport: TransportKind) => {
  beforeEach(async () => {
    odoo = await connectOdoo(fakeConfig(fake, transport), { pageSize: 2, batchSize: 2 });
  });

  it("pages with an id cursor and honours a total limit", async () => {
    const pages: number[][] = [];
    for await (const page of odoo.searchReadPages("product.product", [["list_price", ">=", 20]], {
      fields: ["name"],
      limit: 5,
    })) {
      pages.push(page.map((record) => record.id));
    }
    expect(pages).toEqual([[2, 3], [4, 5], [6]]);
    expect(searchReads().map((call) => [call.kwargs.limit, call.kwargs.domain])).toEqual([
      [2, [["list_price", ">=", 20]]],
      [
        2,
        [
          ["id", ">", 3],
          ["list_price", ">=", 20],
        ],
      ],
      [
        1,
        [
          ["id", ">", 5],
          ["list_price", ">=", 20],
        ],
      ],
    ]);
  });

  it("stops on a short page, and needs one empty page after full ones", async () => {
    const five = await odoo.searchRead("product.product", [["list_price", ">", 10]], {
      fields: ["name"],
    });
    expect(five.map((record) => record.id)).toEqual([2, 3, 4, 5, 6]);
    expect(searchReads()).toHaveLength(3);
    const six = await odoo.searchRead("product.product", [], { fields: ["name", "segment_id"] });
    expect(six).toHaveLength(6);
    expect(searchReads()).toHaveLength(3 + 4);
    expect(six[0]).toEqual({ id: 1, name: "Part 1", segment_id: [1, "Critical"] });
    expect(six[1]?.segment_id).toBe(false);
  });

  it("passes the context (archived records included)", async () => {
    const ids = (
      await odoo.searchRead("product.product", [], {
        fields: ["name"],
        context: { active_test: false },
      })
    ).map((record) => record.id);
    expect(ids).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it("allows another order only within one page", async () => {
    const top = await odoo.searchRead("product.product", [], {
      fields: ["list_price"],
      order: "list_price desc",
      limit: 2,
    });
    expect(top.map((record) => record.list_price)).toEqual([60, 50]);
    await expect(
      odoo.searchRead("product.product", [], { order: "list_price desc" }),
    ).rejects.toThrow(RangeError);
    expect(searchReads()).toHaveLength(1);
  });

  it("counts, searches and reads in the order asked", async () => {
    expect(await odoo.searchCount("product.product", [["segment_id", "=", false]])).toBe(5);
    expect(
      await odoo.search("product.product", [], { order: "list_price desc", limit: 3 }),
    ).toEqual([6, 5, 4]);
    const records = await odoo.read("product.product", [5, 1, 3], { fields: ["default_code"] });
    expect(records).toEqual([
      { id: 5, default_code: "P5" },
      { id: 1, default_code: "P1" },
      { id: 3, default_code: "P3" },
    ]);
    expect(fake.calls.filter((call) => call.method === "read")).toHaveLength(2);
  });

  it("creates in batches, and a failing batch leaves the earlier ones committed", async () => {
    const created: number[][] = [];
    const vals = ["N1", "N2", "N3", "P1", "N5"].map((code) => ({
      name: `New ${code}`,
      default_code: code,
    }));
    await expect(
      (async () => {
        for await (const batch of odoo.createBatches("product.product", vals)) created.push(batch);
      })(),
    ).rejects.toMatchObject({ code: "validation", model: "product.product", method: "create" });
    expect(created).toEqual([[8, 9]]);
    expect(fake.store.records("product.product").map((record) => record.default_code)).toContain(
      "N2",
    );
    expect(
      fake.store.records("product.product").map((record) => record.default_code),
    ).not.toContain("N3");
  });

  it("writes in batches and returns nothing", async () => {
    await expect(
      odoo.write("product.product", [1, 2, 3], { segment_id: 1, list_price: undefined }),
    ).resolves.toBeUndefined();
    expect(fake.calls.filter((call) => call.method === "write")).toHaveLength(2);
    expect(
      fake.store.records("product.product").filter((record) => record.segment_id === 1),
    ).toHaveLength(3);
  });

  it("calls model methods on ids; a None result is null on both transports", async () => {
    expect(
      await odoo.call("inventory.segment.suggestion", "action_accept", { ids: [1] }),
    ).toBeNull();
    expect(fake.store.records("inventory.segment.suggestion")[0]?.state).toBe("accepted");
  });

  it("describes fields and caches the server version", async () => {
    expect(
      await odoo.fieldsGet("product.product", {
        fields: ["segment_id"],
        attributes: ["type", "relation"],
      }),
    ).toEqual({
      segment_id: { type: "many2one", relation: "inventory.segment" },
    });
    const first = await odoo.version();
    expect(await odoo.version()).toBe(first);
    expect(first.major).toBe(19);
    expect(fake.calls.filter((call) => call.method === "version")).toHaveLength(1);
  });

  it("rejects bad paging settings before sending anything", async () => {
    await expect(odoo.searchRead("product.product", [], { pageSize: 0 })).rejects.toThrow(
      /pageSize must be a positive integer/,
    );
    await expect(
      odoo.create("product.product", [{ name: "x" }], { batchSize: 1.5 }),
    ).rejects.toThrow(/batchSize/);
    expect(fake.calls).toHaveLength(0);
  });
});
