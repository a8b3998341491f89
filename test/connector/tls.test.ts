/**
 * TLS: certificates are verified by default, a private CA can be trusted with `caFile`, and
 * turning verification off works but warns.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectOdoo, type RequestSummary } from "../../connector/odoo/index.js";
import { fakeConfig } from "../support/fakeConnection.js";
import { type FakeOdoo, startFakeOdoo } from "../support/fakeOdoo.js";
import { FakeStore } from "../support/fakeStore.js";

const tlsFile = (name: string) => fileURLToPath(new URL(`../support/tls/${name}`, import.meta.url));
let fake: FakeOdoo;

beforeAll(async () => {
  const store = new FakeStore({ "res.partner": { fields: { name: { type: "char" } } } });
  store.insert("res.partner", [{ name: "Acme" }]);
  fake = await startFakeOdoo({
    store,
    tls: { cert: readFileSync(tlsFile("server.pem")), key: readFileSync(tlsFile("server.key")) },
  });
});
afterAll(() => fake.close());

describe.each(["json2", "xmlrpc"] as const)("TLS over %s", (transport) => {
  it("refuses a certificate it cannot verify, without retrying, and says what to do", async () => {
    const attempts: RequestSummary[] = [];
    const odoo = await connectOdoo(fakeConfig(fake, transport, { maxRetries: 3 }), {
      logger: { request: (summary) => attempts.push(summary) },
    });
    await expect(odoo.searchCount("res.partner", [])).rejects.toMatchObject({
      name: "OdooTlsError",
      code: "connection",
      retryable: false,
      message: expect.stringContaining("ODOO_CA_FILE"),
    });
    expect(attempts).toHaveLength(1);
    odoo.close();
  });

  it("trusts a private CA given as caFile", async () => {
    const odoo = await connectOdoo(fakeConfig(fake, transport, { caFile: tlsFile("ca.pem") }));
    expect(await odoo.searchCount("res.partner", [])).toBe(1);
    odoo.close();
  });

  it("connects without verification when told to, and warns", async () => {
    const warnings: string[] = [];
    const odoo = await connectOdoo(fakeConfig(fake, transport, { insecureTls: true }), {
      logger: { warn: (message) => warnings.push(message) },
    });
    expect(await odoo.searchCount("res.partner", [])).toBe(1);
    expect(warnings).toEqual([expect.stringContaining("TLS certificate verification is OFF")]);
    odoo.close();
  });
});

it("warns when credentials would cross the network in clear text", async () => {
  const warnings: string[] = [];
  const config = { ...fakeConfig(fake, "json2"), url: "http://erp.example.com" };
  const odoo = await connectOdoo(config, { logger: { warn: (message) => warnings.push(message) } });
  expect(warnings).toEqual([expect.stringContaining("plain http:// to erp.example.com")]);
  odoo.close();
  const local = await connectOdoo(
    { ...config, url: "http://127.0.0.1:8069" },
    { logger: { warn: (message) => warnings.push(message) } },
  );
  expect(warnings).toHaveLength(1);
  local.close();
});
