/**
 * The client against a real Odoo 19, over both transports. Runs only when ODOO_URL is set:
 *
 *   ODOO_URL=http://127.0.0.1:8120 ODOO_DB=conn_rec ODOO_API_KEY=... [ODOO_USER=admin] \
 *     npx vitest run test/live/client.live.test.ts
 *
 * XML-RPC logs in as ODOO_USER (default `admin`) with ODOO_PASSWORD, else with the API key.
 * It creates three contacts and deletes them again.
 */
import { describe, expect, it } from "vitest";
import {
  type ConnectionConfig,
  connectOdoo,
  type Domain,
  type OdooClient,
  type OdooError,
  type OdooRecord,
  type TransportKind,
} from "../../connector/odoo/index.js";
import { READ_MODELS } from "../support/contractScenarios.js";
import { shapeProblems } from "../support/odooShapes.js";

const env = process.env;
const live = describe.skipIf(!env.ODOO_URL);

function config(
  transport: TransportKind | "auto",
  overrides: Partial<ConnectionConfig> = {},
): ConnectionConfig {
  return {
    url: env.ODOO_URL ?? "",
    database: env.ODOO_DB ?? "",
    apiKey: env.ODOO_API_KEY,
    login: env.ODOO_USER ?? "admin",
    password: env.ODOO_PASSWORD,
    transport,
    timeoutMs: 60_000,
    maxRetries: 2,
    concurrency: 4,
    insecureTls: false,
    ...overrides,
  };
}

async function both<T>(
  work: (odoo: OdooClient) => Promise<T>,
  overrides: Partial<ConnectionConfig> = {},
): Promise<Record<TransportKind, T>> {
  const results = {} as Record<TransportKind, T>;
  for (const transport of ["json2", "xmlrpc"] as const) {
    const odoo = await connectOdoo(config(transport, overrides), { pageSize: 50 });
    try {
      results[transport] = await work(odoo);
    } finally {
      odoo.close();
    }
  }
  return results;
}

async function errorCode(work: Promise<unknown>): Promise<string> {
  return work.then(
    () => "ok",
    (error: OdooError) => error.code,
  );
}

live("live Odoo: client over JSON-2 and XML-RPC", () => {
  it("reports the same version, and auto-selects JSON-2 with an API key", async () => {
    const versions = await both((odoo) => odoo.version());
    expect(versions.xmlrpc).toEqual(versions.json2);
    expect(versions.json2.major).toBeGreaterThanOrEqual(19);
    const auto = await connectOdoo(config("auto"));
    expect(auto.transport).toBe(env.ODOO_API_KEY ? "json2" : "xmlrpc");
    auto.close();
  });

  it("reads every model the connector uses identically, in the shapes fields_get promises", async () => {
    const reads = await both(async (odoo) => {
      const result: Record<string, { fields: Record<string, unknown>; records: OdooRecord[] }> = {};
      for (const [model, fields] of Object.entries(READ_MODELS)) {
        result[model] = {
          fields: await odoo.fieldsGet(model, {
            fields: [...fields],
            attributes: ["type", "relation"],
          }),
          records: await odoo.searchRead(model, [], {
            fields: [...fields],
            context: { active_test: false },
          }),
        };
      }
      return result;
    });
    expect(reads.xmlrpc).toEqual(reads.json2);
    for (const [model, { fields, records }] of Object.entries(reads.json2)) {
      expect(Object.keys(fields).sort(), model).toEqual([...(READ_MODELS[model] ?? [])].sort());
      expect(shapeProblems(records, fields as never), model).toEqual([]);
    }
    expect(reads.json2["stock.move"]?.records.length).toBeGreaterThan(0);
  });

  it("pages by id cursor without losing or repeating records", async () => {
    const odoo = await connectOdoo(config("json2"));
    // At most ~400 moves, so pages of 7 stay a few dozen requests on a seeded database too.
    const [bound] = await odoo.search("stock.move", [], { order: "id", offset: 399, limit: 1 });
    const domain: Domain = bound === undefined ? [] : [["id", "<=", bound]];
    const small = await odoo.searchRead("stock.move", domain, { fields: ["id"], pageSize: 7 });
    const whole = await odoo.searchRead("stock.move", domain, { fields: ["id"], pageSize: 5000 });
    const newestFirst = await odoo.searchRead("stock.move", domain, {
      fields: ["id"],
      pageSize: 7,
      order: "id desc",
    });
    expect(small.length).toBeGreaterThan(7);
    expect(small).toEqual(whole);
    expect(newestFirst).toEqual([...whole].reverse());
    expect(await odoo.searchCount("stock.move", domain)).toBe(whole.length);
    odoo.close();
  });

  it("groups on the server the same way on both transports", async () => {
    const groups = await both((odoo) =>
      odoo.formattedReadGroup(
        "stock.move",
        [["state", "=", "done"]],
        ["product_id", "product_uom", "date:day"],
        ["quantity:sum", "__count"],
      ),
    );
    expect(groups.xmlrpc).toEqual(groups.json2);
    expect(groups.json2.length).toBeGreaterThan(0);
  });

  it("creates in batches, writes, calls a method returning None, and cleans up", async () => {
    const outcome = await both(async (odoo) => {
      const ids = await odoo.create(
        "res.partner",
        ["A", "B", "C"].map((letter) => ({ name: `invseg live test ${letter}` })),
        { batchSize: 2 },
      );
      await odoo.write("res.partner", ids, { comment: "live" });
      const archived = await odoo.call("res.partner", "action_archive", { ids });
      const records = await odoo.read("res.partner", ids, {
        fields: ["name", "comment", "active"],
        context: { active_test: false },
      });
      const removed = await odoo.call("res.partner", "unlink", { ids });
      return {
        count: ids.length,
        archived,
        removed,
        records: records.map(({ id: _id, ...rest }) => rest),
      };
    });
    expect(outcome.xmlrpc).toEqual(outcome.json2);
    expect(outcome.json2).toMatchObject({ count: 3, archived: null, removed: true });
    expect(outcome.json2.records.map((record) => record.active)).toEqual([false, false, false]);
  });

  it("maps the same failures to the same error classes", async () => {
    const codes = await both(async (odoo) => ({
      unknownModel: await errorCode(odoo.searchCount("no.such.model", [])),
      unknownMethod: await errorCode(odoo.call("res.partner", "no_such_method", { ids: [1] })),
      privateMethod: await errorCode(odoo.call("res.partner", "_read", { ids: [1] })),
      validation: await errorCode(odoo.create("res.partner", [{ name: false }])),
      missing: await errorCode(odoo.write("res.partner", [999_999_999], { name: "ghost" })),
      badField: await errorCode(odoo.searchCount("res.partner", [["no_such_field", "=", 1]])),
    }));
    expect(codes.xmlrpc).toEqual(codes.json2);
    expect(codes.json2).toEqual({
      unknownModel: "not_found",
      unknownMethod: "not_found",
      privateMethod: "access",
      validation: "validation",
      missing: "not_found",
      badField: "server",
    });
    const wrongKey = await both((odoo) => errorCode(odoo.searchCount("res.partner", [])), {
      apiKey: "0".repeat(40),
      password: undefined,
    });
    expect(wrongKey).toEqual({ json2: "auth", xmlrpc: "auth" });
    const unknownDatabase = await both((odoo) => errorCode(odoo.searchCount("res.partner", [])), {
      database: "invseg_no_such_db",
    });
    expect(unknownDatabase).toEqual({ json2: "not_found", xmlrpc: "not_found" });
  });

  it("times out instead of hanging", async () => {
    const codes = await both((odoo) => errorCode(odoo.searchRead("stock.move", [], {})), {
      timeoutMs: 1,
      maxRetries: 0,
    });
    expect(codes).toEqual({ json2: "timeout", xmlrpc: "timeout" });
  });
});
