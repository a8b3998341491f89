/**
 * Re-records the Odoo 19 answers the contract tests replay (`test/fixtures/odoo19/`).
 *
 *   ODOO_URL=http://127.0.0.1:8120 ODOO_DB=conn_rec ODOO_API_KEY=... ODOO_USER=admin \
 *     npx tsx scripts/record-odoo-fixtures.ts
 *
 * Runs every contract scenario over JSON-2 and XML-RPC through a recording proxy, plus the raw
 * XML-RPC requests a client never sends on its own (a wrong secret or database on
 * `/xmlrpc/2/object`), then replaces the fixture directory. Keys and passwords are redacted and
 * traceback source lines dropped; the script fails if a secret survives in any file.
 * Use a disposable copy of a demo database with the addon installed and up to date: one scenario
 * creates (and archives) three contacts, the sync scenarios write segments, an event, suggestions
 * and a run (`test/support/syncContractScenarios.ts`).
 */
import { readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { serializeMethodCall } from "xmlrpc/lib/serializer.js";
import { type ConnectionConfig, connectOdoo, type TransportKind } from "../connector/odoo/index.js";
import {
  CONTRACT_CLIENT_OPTIONS,
  CONTRACT_SCENARIOS,
  type ContractScenario,
  runScenario,
  UNKNOWN_DATABASE,
} from "../test/support/contractScenarios.js";
import { DEFAULT_FIXTURE_DIR, saveFixture } from "../test/support/fixtures.js";
import { startRecordingProxy } from "../test/support/recordingProxy.js";
import {
  SYNC_READ_SCENARIOS,
  SYNC_WRITE_SCENARIOS,
} from "../test/support/syncContractScenarios.js";

const WRONG_KEY = "0000000000000000000000000000000000000000";

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} must be set (see the header of this script)`);
  return value;
}

const target = required("ODOO_URL");
const database = required("ODOO_DB");
const apiKey = required("ODOO_API_KEY");
const login = required("ODOO_USER");
const secrets = [apiKey, process.env.ODOO_PASSWORD ?? ""].filter((secret) => secret.length > 0);

const proxy = await startRecordingProxy(target, secrets);

function configFor(
  transport: TransportKind | "auto",
  scenario?: ContractScenario,
): ConnectionConfig {
  return {
    url: proxy.url,
    database: scenario?.connection === "unknown-database" ? UNKNOWN_DATABASE : database,
    apiKey: scenario?.connection === "wrong-key" ? WRONG_KEY : apiKey,
    login,
    transport,
    timeoutMs: 120_000,
    maxRetries: 0,
    concurrency: 1,
    insecureTls: false,
  };
}

const report: string[] = [];
// Reads first over both transports, then the scenarios that write: no read sees their writes.
for (const scenarios of [[...CONTRACT_SCENARIOS, ...SYNC_READ_SCENARIOS], SYNC_WRITE_SCENARIOS]) {
  for (const transport of ["json2", "xmlrpc"] as const) {
    for (const scenario of scenarios) {
      const role =
        scenario.connection === "wrong-key"
          ? "invalid-credentials"
          : scenario.connection === "unknown-database"
            ? "unknown-database"
            : undefined;
      proxy.tag(scenario.name, role);
      const odoo = await connectOdoo(configFor(transport, scenario), CONTRACT_CLIENT_OPTIONS);
      const outcome = await runScenario(scenario, odoo);
      odoo.close();
      report.push(
        `${transport.padEnd(6)} ${scenario.name}: ${outcome.ok ? "ok" : outcome.error.code}`,
      );
    }
  }
}

// What a client cannot provoke by itself: execute_kw with a revoked secret or an unknown database.
async function rawObjectCall(
  label: string,
  role: "invalid-credentials" | "unknown-database",
  params: unknown[],
) {
  proxy.tag(label, role);
  const response = await fetch(`${proxy.url}/xmlrpc/2/object`, {
    method: "POST",
    headers: { "Content-Type": "text/xml" },
    body: serializeMethodCall("execute_kw", params),
  });
  report.push(`xmlrpc ${label}: HTTP ${response.status}`);
  await response.text();
}
await rawObjectCall("execute_kw with a revoked key", "invalid-credentials", [
  database,
  2,
  WRONG_KEY,
  "res.partner",
  "search_count",
  [[]],
]);
await rawObjectCall("execute_kw on an unknown database", "unknown-database", [
  UNKNOWN_DATABASE,
  2,
  apiKey,
  "res.partner",
  "search_count",
  [[]],
]);

proxy.tag("transport chosen from the server version");
const auto = await connectOdoo(configFor("auto"), CONTRACT_CLIENT_OPTIONS);
report.push(`auto   chose ${auto.transport}`);
auto.close();
await proxy.close();

rmSync(DEFAULT_FIXTURE_DIR, { recursive: true, force: true });
const written = new Set(proxy.fixtures.map((fixture) => saveFixture(DEFAULT_FIXTURE_DIR, fixture)));

for (const protocolDir of readdirSync(DEFAULT_FIXTURE_DIR)) {
  for (const file of readdirSync(join(DEFAULT_FIXTURE_DIR, protocolDir))) {
    const content = readFileSync(join(DEFAULT_FIXTURE_DIR, protocolDir, file), "utf8");
    if (secrets.some((secret) => content.includes(secret)))
      throw new Error(`a secret survived in ${protocolDir}/${file}`);
  }
}
console.log(report.join("\n"));
console.log(`${written.size} fixtures written to ${DEFAULT_FIXTURE_DIR}`);
