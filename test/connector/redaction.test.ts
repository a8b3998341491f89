/**
 * Secrets never leave the client: not in error messages, `toJSON`, `util.inspect` (which shows
 * causes and extra properties), nor in the logger's request summaries — even when a server or
 * proxy echoes the key back.
 */
import { inspect } from "node:util";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  connectOdoo,
  type OdooError,
  type RequestSummary,
  redactedConfig,
  type TransportKind,
} from "../../connector/odoo/index.js";
import { fakeConfig, ManualClock } from "../support/fakeConnection.js";
import { type FakeOdoo, startFakeOdoo } from "../support/fakeOdoo.js";
import { FakeStore } from "../support/fakeStore.js";

let fake: FakeOdoo;

beforeEach(async () => {
  fake = await startFakeOdoo({
    store: new FakeStore({ "res.partner": { fields: { name: { type: "char" } } } }),
  });
});
afterEach(() => fake.close());

/** Every way an error can end up in a log. */
function renderings(error: OdooError): string[] {
  return [
    error.message,
    String(error),
    JSON.stringify(error),
    inspect(error, { depth: 10, showHidden: true }),
    error.stack ?? "",
  ];
}

async function failure(promise: Promise<unknown>): Promise<OdooError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!error) throw new Error("expected the call to fail");
  return error as OdooError;
}

describe.each(["json2", "xmlrpc"] as const)("redaction over %s", (transport: TransportKind) => {
  it("keeps the key out of errors and summaries when the server echoes it back", async () => {
    const summaries: RequestSummary[] = [];
    const odoo = await connectOdoo(fakeConfig(fake, transport, { password: fake.password }), {
      logger: { request: (summary) => summaries.push(summary) },
    });
    const echo = `bad token ${fake.apiKey}, password ${fake.password}, header Authorization: Bearer ${fake.apiKey}`;
    fake.injectFault(
      { kind: "server-error", exceptionName: "builtins.ValueError", message: echo },
      { match: { method: "search_count" } },
    );
    const error = await failure(odoo.searchCount("res.partner", []));
    expect(error.code).toBe("server");
    expect(error.serverMessage).toBe(
      "bad token [redacted], password [redacted], header Authorization: Bearer [redacted]",
    );
    for (const text of [...renderings(error), JSON.stringify(summaries)]) {
      expect(text).not.toContain(fake.apiKey);
      expect(text).not.toContain(fake.password);
    }
    odoo.close();
  });

  it("keeps the key out of auth, timeout and connection errors", async () => {
    const odoo = await connectOdoo(fakeConfig(fake, transport, { timeoutMs: 100, maxRetries: 0 }), {
      clock: new ManualClock(),
    });
    await odoo.searchCount("res.partner", []);
    fake.injectFault({ kind: "expired-key" });
    fake.injectFault({ kind: "delay", ms: 1_000 });
    const errors = [
      await failure(odoo.searchCount("res.partner", [])),
      await failure(odoo.searchCount("res.partner", [])),
    ];
    odoo.close();
    await fake.close();
    const refused = await connectOdoo(fakeConfig(fake, transport, { maxRetries: 0 }));
    errors.push(await failure(refused.searchCount("res.partner", [])));
    refused.close();
    expect(errors.map((error) => error.code)).toEqual(["auth", "timeout", "connection"]);
    for (const error of errors) {
      expect(error.cause).toBeUndefined();
      for (const text of renderings(error)) expect(text).not.toContain(fake.apiKey);
    }
  });
});

it("masks the key and password when settings are shown", () => {
  const shown = JSON.stringify(
    redactedConfig(fakeConfig(fake, "auto", { password: "hunter2-password" })),
  );
  expect(shown).not.toContain(fake.apiKey);
  expect(shown).not.toContain("hunter2-password");
  expect(shown).toContain(fake.url);
});
