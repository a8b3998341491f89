/**
 * Connection settings from the environment and a JSON file: defaults, coercion, precedence, and
 * errors that name the variable or the file and key at fault.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ConnectionConfigError, loadConnectionConfig } from "../../connector/odoo/index.js";

const KEY = "0123456789abcdef0123456789abcdef01234567";

function issuesOf(load: () => unknown): string[] {
  try {
    load();
  } catch (error) {
    if (error instanceof ConnectionConfigError)
      return error.issues.map((issue) => `${issue.setting}: ${issue.message}`);
    throw error;
  }
  throw new Error("expected a ConnectionConfigError");
}

function configFile(content: unknown): string {
  const file = join(mkdtempSync(join(tmpdir(), "invseg-config-")), "odoo.json");
  writeFileSync(file, typeof content === "string" ? content : JSON.stringify(content));
  return file;
}

describe("loadConnectionConfig", () => {
  it("reads the environment and fills the defaults", () => {
    expect(
      loadConnectionConfig({
        ODOO_URL: "https://erp.example.com/",
        ODOO_DB: "prod",
        ODOO_API_KEY: KEY,
      }),
    ).toEqual({
      url: "https://erp.example.com",
      database: "prod",
      apiKey: KEY,
      transport: "auto",
      timeoutMs: 120_000,
      maxRetries: 3,
      concurrency: 4,
      insecureTls: false,
    });
  });

  it("coerces numbers and flags from strings", () => {
    const config = loadConnectionConfig({
      ODOO_URL: "http://localhost:8069",
      ODOO_DB: "dev",
      ODOO_USER: "admin",
      ODOO_PASSWORD: "admin",
      ODOO_TRANSPORT: "xmlrpc",
      ODOO_TIMEOUT_MS: "30000",
      ODOO_CONCURRENCY: "8",
      ODOO_INSECURE_TLS: "yes",
    });
    expect(config).toMatchObject({
      transport: "xmlrpc",
      timeoutMs: 30_000,
      concurrency: 8,
      insecureTls: true,
      login: "admin",
    });
  });

  it("names every bad or missing variable at once", () => {
    expect(
      issuesOf(() =>
        loadConnectionConfig({
          ODOO_URL: "ftp://erp",
          ODOO_TRANSPORT: "soap",
          ODOO_CONCURRENCY: "many",
        }),
      ),
    ).toEqual([
      "ODOO_URL: must be an http:// or https:// URL",
      "ODOO_DB: is required",
      "ODOO_TRANSPORT: must be auto, json2 or xmlrpc",
      "ODOO_CONCURRENCY: must be a number",
    ]);
  });

  it("asks for credentials that fit the transport", () => {
    const base = { ODOO_URL: "https://erp.example.com", ODOO_DB: "prod" };
    expect(issuesOf(() => loadConnectionConfig(base))).toEqual([
      "ODOO_API_KEY: set an API key, or a login and password",
    ]);
    expect(issuesOf(() => loadConnectionConfig({ ...base, ODOO_PASSWORD: "secret" }))).toEqual([
      "ODOO_USER: is required with a password",
    ]);
    expect(
      issuesOf(() =>
        loadConnectionConfig({
          ...base,
          ODOO_USER: "admin",
          ODOO_PASSWORD: "x",
          ODOO_TRANSPORT: "json2",
        }),
      ),
    ).toEqual(["ODOO_API_KEY: is required for the JSON-2 transport"]);
    expect(
      issuesOf(() =>
        loadConnectionConfig({ ...base, ODOO_API_KEY: KEY, ODOO_TRANSPORT: "xmlrpc" }),
      ),
    ).toEqual(["ODOO_USER: is required for the XML-RPC transport"]);
  });

  it("reads a JSON file, with the environment taking precedence", () => {
    const file = configFile({
      url: "https://erp.example.com",
      db: "prod",
      user: "bot",
      transport: "xmlrpc",
      timeoutMs: 5000,
    });
    const config = loadConnectionConfig({ ODOO_API_KEY: KEY, ODOO_DB: "staging" }, file);
    expect(config).toMatchObject({
      url: "https://erp.example.com",
      database: "staging",
      login: "bot",
      apiKey: KEY,
      transport: "xmlrpc",
      timeoutMs: 5000,
    });
  });

  it("names the file and key of a bad value, and rejects unknown keys", () => {
    const bad = configFile({
      url: "https://erp.example.com",
      db: "prod",
      apiKey: KEY,
      maxRetries: 99,
    });
    expect(issuesOf(() => loadConnectionConfig({}, bad))).toEqual([
      `${bad}: maxRetries: must be at most 10`,
    ]);
    const typo = configFile({ url: "https://erp.example.com", db: "prod", apikey: KEY });
    expect(issuesOf(() => loadConnectionConfig({}, typo))[0]).toMatch(
      new RegExp(`^${typo}: apikey: unknown setting`),
    );
    const missing = configFile({ url: "https://erp.example.com", apiKey: KEY });
    expect(issuesOf(() => loadConnectionConfig({}, missing))).toEqual([
      `ODOO_DB (or "db" in ${missing}): is required`,
    ]);
  });

  it("reports an unreadable or malformed file by name", () => {
    expect(issuesOf(() => loadConnectionConfig({}, "/nonexistent/odoo.json"))[0]).toMatch(
      /^\/nonexistent\/odoo\.json: cannot read/,
    );
    const broken = configFile("{ url: ");
    expect(issuesOf(() => loadConnectionConfig({}, broken))[0]).toMatch(
      new RegExp(`^${broken}: not valid JSON`),
    );
  });

  it("never puts the secret in its error message", () => {
    const error = issuesOf(() =>
      loadConnectionConfig({
        ODOO_URL: "not a url",
        ODOO_DB: "x",
        ODOO_API_KEY: KEY,
        ODOO_MAX_RETRIES: "-1",
      }),
    );
    expect(error.join("\n")).not.toContain(KEY);
  });
});
