/**
 * Contract tests: every scenario recorded from a live Odoo 19 is replayed through the fake server
 * over both transports. The client must give the same outcome from JSON-2 and XML-RPC, with
 * values in the shapes `fields_get` promises, and the expected error class for failures.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type ConnectionConfig,
  connectOdoo,
  type OdooFieldDescription,
  type OdooRecord,
  type TransportKind,
} from "../../connector/odoo/index.js";
import {
  CONTRACT_CLIENT_OPTIONS,
  CONTRACT_SCENARIOS,
  type ContractScenario,
  type Outcome,
  READ_MODELS,
  runScenario,
  UNKNOWN_DATABASE,
} from "../support/contractScenarios.js";
import { type FakeOdoo, startFakeOdoo } from "../support/fakeOdoo.js";
import { loadFixtures } from "../support/fixtures.js";
import { shapeProblems } from "../support/odooShapes.js";

let fake: FakeOdoo;

beforeAll(async () => {
  fake = await startFakeOdoo({ fixtures: loadFixtures() });
});
afterAll(() => fake.close());

function configFor(
  transport: TransportKind | "auto",
  scenario?: ContractScenario,
): ConnectionConfig {
  return {
    url: fake.url,
    database: scenario?.connection === "unknown-database" ? UNKNOWN_DATABASE : fake.db,
    apiKey:
      scenario?.connection === "wrong-key"
        ? "0000000000000000000000000000000000000000"
        : fake.apiKey,
    login: fake.login,
    transport,
    timeoutMs: 10_000,
    maxRetries: 0,
    concurrency: 2,
    insecureTls: false,
  };
}

async function replay(scenario: ContractScenario, transport: TransportKind): Promise<Outcome> {
  const odoo = await connectOdoo(configFor(transport, scenario), CONTRACT_CLIENT_OPTIONS);
  try {
    return await runScenario(scenario, odoo);
  } finally {
    odoo.close();
  }
}

function scenario(name: string): ContractScenario {
  const found = CONTRACT_SCENARIOS.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`no scenario "${name}"`);
  return found;
}

function succeeded(outcome: Outcome): unknown {
  if (!outcome.ok)
    throw new Error(`expected success, got ${outcome.error.code} (${outcome.error.name})`);
  return outcome.value;
}

function comparable(scenarioUnderTest: ContractScenario, outcome: Outcome): unknown {
  if (!outcome.ok) {
    // XML-RPC fails these in its login step, so the error names res.users.authenticate.
    if (!scenarioUnderTest.connection) return outcome.error;
    const { model: _model, method: _method, ...error } = outcome.error;
    return error;
  }
  return scenarioUnderTest.comparable ? scenarioUnderTest.comparable(outcome.value) : outcome.value;
}

describe("contract: recorded Odoo 19 answers over JSON-2 and XML-RPC", () => {
  let fieldTypes: Record<string, Record<string, OdooFieldDescription>>;

  beforeAll(async () => {
    fieldTypes = succeeded(
      await replay(scenario("fields of the models we read"), "json2"),
    ) as typeof fieldTypes;
  });

  for (const scenarioUnderTest of CONTRACT_SCENARIOS) {
    it(`${scenarioUnderTest.name}: same outcome from both transports`, async () => {
      const json2 = await replay(scenarioUnderTest, "json2");
      const xmlrpc = await replay(scenarioUnderTest, "xmlrpc");
      expect(comparable(scenarioUnderTest, xmlrpc)).toEqual(comparable(scenarioUnderTest, json2));
      if (scenarioUnderTest.expectError) {
        expect(json2.ok ? "ok" : json2.error.code).toBe(scenarioUnderTest.expectError);
      } else {
        expect(json2.ok ? "ok" : `${json2.error.code}: ${json2.error.name}`).toBe("ok");
      }
      if (scenarioUnderTest.readsModel) {
        const records = succeeded(json2) as OdooRecord[];
        expect(records.length).toBeGreaterThan(0);
        const fields = fieldTypes[scenarioUnderTest.readsModel] ?? {};
        expect(Object.keys(fields)).toEqual(
          expect.arrayContaining([...(READ_MODELS[scenarioUnderTest.readsModel] ?? [])]),
        );
        expect(shapeProblems(records, fields)).toEqual([]);
        expect(shapeProblems(succeeded(xmlrpc) as OdooRecord[], fields)).toEqual([]);
      }
    });
  }

  it("reads the server version from /web/version and from XML-RPC alike", async () => {
    const version = succeeded(await replay(scenario("server version"), "xmlrpc"));
    expect(version).toEqual({
      version: "19.0",
      major: 19,
      minor: 0,
      info: [19, 0, 0, "final", 0, ""],
    });
  });

  it("pages done moves with an id cursor, never an offset", async () => {
    const before = fake.calls.length;
    const moves = succeeded(
      await replay(scenario("done moves, paged by id cursor"), "json2"),
    ) as OdooRecord[];
    const pages = fake.calls
      .slice(before)
      .filter((call) => call.model === "stock.move" && call.method === "search_read");
    expect(pages.length).toBe(Math.ceil(moves.length / 25) + (moves.length % 25 === 0 ? 1 : 0));
    expect(
      pages.every((page) => page.kwargs.offset === undefined && page.kwargs.limit === 25),
    ).toBe(true);
    expect(pages[0]?.kwargs.domain).toEqual([["state", "=", "done"]]);
    expect(pages[1]?.kwargs.domain).toEqual([
      ["id", ">", moves[24]?.id],
      ["state", "=", "done"],
    ]);
    const ids = moves.map((move) => move.id);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("follows a descending id cursor when asked for newest first", async () => {
    const before = fake.calls.length;
    const products = succeeded(
      await replay(scenario("products with archived ones, newest first"), "xmlrpc"),
    ) as OdooRecord[];
    const ids = products.map((product) => product.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    const pages = fake.calls.slice(before).filter((call) => call.method === "search_read");
    expect(products.length).toBeGreaterThan(25);
    expect(pages[0]?.kwargs).toMatchObject({ order: "id desc", context: { active_test: false } });
    expect(pages[1]?.kwargs.domain).toEqual([["id", "<", products[24]?.id]]);
  });

  it("groups on the server with many2one and day keys", async () => {
    const groups = succeeded(
      await replay(scenario("demand grouped by product, UoM and day"), "xmlrpc"),
    ) as Record<string, unknown>[];
    expect(groups.length).toBeGreaterThan(0);
    for (const group of groups) {
      expect(group.product_id).toEqual([expect.any(Number), expect.any(String)]);
      expect(group["date:day"]).toEqual([
        expect.stringMatching(/^\d{4}-\d{2}-\d{2} 00:00:00$/),
        expect.any(String),
      ]);
      expect(typeof group["quantity:sum"]).toBe("number");
      expect(group.__count).toBeGreaterThan(0);
    }
  });

  it("turns XML-RPC's 'cannot marshal None' fault into the null JSON-2 returns", async () => {
    const outcome = succeeded(
      await replay(
        scenario("create in batches, write, archive through a method returning None, read back"),
        "xmlrpc",
      ),
    ) as {
      ids: number[];
      archived: unknown;
      records: OdooRecord[];
    };
    expect(outcome.archived).toBeNull();
    expect(outcome.ids).toHaveLength(3);
    expect(outcome.records.map((record) => record.active)).toEqual([false, false, false]);
    const creates = fake.calls.filter(
      (call) =>
        call.protocol === "xmlrpc" && call.method === "create" && call.model === "res.partner",
    );
    // batches of two, passed positionally (a keyword vals_list breaks Odoo's call_kw)
    expect(creates.slice(-2).map((call) => (call.args[0] as unknown[]).length)).toEqual([2, 1]);
  });

  it("does not retry a deterministic server error (invalid field in a domain)", async () => {
    const odoo = await connectOdoo(configFor("json2"), {
      ...CONTRACT_CLIENT_OPTIONS,
      retry: { maxRetries: 3 },
    });
    const before = fake.calls.length;
    await expect(odoo.searchCount("stock.move", [["no_such_field", "=", 1]])).rejects.toMatchObject(
      {
        code: "server",
        exceptionName: "builtins.ValueError",
        retryable: false,
      },
    );
    expect(fake.calls.length - before).toBe(1);
    odoo.close();
  });

  it("keeps the server's exception name and status on JSON-2 errors", async () => {
    const odoo = await connectOdoo(configFor("json2"), CONTRACT_CLIENT_OPTIONS);
    await expect(odoo.create("res.partner", [{ name: false }])).rejects.toMatchObject({
      name: "OdooValidationError",
      model: "res.partner",
      method: "create",
      httpStatus: 422,
      exceptionName: "odoo.exceptions.ValidationError",
      serverMessage: expect.stringContaining("Contacts require a name"),
    });
    odoo.close();
  });

  it("reads the recorded revoked-key fault as an auth error", async () => {
    const odoo = await connectOdoo(configFor("xmlrpc"), CONTRACT_CLIENT_OPTIONS);
    await odoo.searchCount("product.product", [["is_storable", "=", true]]);
    fake.injectFault({ kind: "expired-key" }, { match: { protocol: "xmlrpc" } });
    await expect(
      odoo.searchCount("product.product", [["is_storable", "=", true]]),
    ).rejects.toMatchObject({
      code: "auth",
      exceptionName: "odoo.exceptions.AccessDenied",
    });
    odoo.close();
  });
});

describe("contract: choosing the transport", () => {
  it("chooses JSON-2 on the recorded Odoo 19 when an API key is set", async () => {
    const odoo = await connectOdoo(configFor("auto"), CONTRACT_CLIENT_OPTIONS);
    expect(odoo.transport).toBe("json2");
    expect((await odoo.version()).major).toBe(19);
    odoo.close();
  });

  it("chooses XML-RPC on Odoo 17, and on 19 without an API key", async () => {
    const old = await startFakeOdoo({ serverVersion: [17, 0] });
    const onOld = await connectOdoo({
      ...configFor("auto"),
      url: old.url,
      database: old.db,
      apiKey: old.apiKey,
    });
    expect(onOld.transport).toBe("xmlrpc");
    onOld.close();
    await old.close();
    const { apiKey: _unused, ...withoutKey } = configFor("auto");
    const withPassword = await connectOdoo({ ...withoutKey, password: fake.password });
    expect(withPassword.transport).toBe("xmlrpc");
    withPassword.close();
  });

  it("names ODOO_USER when XML-RPC is needed and no login is set", async () => {
    const old = await startFakeOdoo({ serverVersion: [17, 0] });
    const { login: _unused, ...withoutLogin } = configFor("auto");
    await expect(connectOdoo({ ...withoutLogin, url: old.url })).rejects.toThrow(
      /ODOO_USER: is required: Odoo 17\.0 has no JSON-2/,
    );
    await old.close();
  });
});
