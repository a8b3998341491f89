/**
 * Recorded Odoo 19 answers (`test/fixtures/odoo19/`), one JSON file per request: what was asked
 * (protocol, model, method, arguments) and the raw answer (status, content type, body) exactly as
 * Odoo sent it, minus secrets and the source lines of tracebacks. `scripts/record-odoo-fixtures.ts`
 * writes them; the fake server replays them.
 */
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { WireProtocol } from "./odooRequest.js";

export const DEFAULT_FIXTURE_DIR = fileURLToPath(new URL("../fixtures/odoo19/", import.meta.url));

/**
 * Answers that depend on the credentials or database rather than on the arguments: the fake
 * serves them when a request carries a wrong key/password or names an unknown database.
 */
export type FixtureRole = "invalid-credentials" | "unknown-database";

export interface RecordedResponse {
  readonly status: number;
  readonly contentType: string;
  readonly body: string;
  readonly retryAfter?: string | undefined;
}

export interface Fixture {
  /** The scenario that produced it, for humans. */
  readonly label: string;
  /** `requestKey()` of the request (see `odooRequest.ts`). */
  readonly key: string;
  readonly protocol: WireProtocol;
  readonly service: string;
  readonly model: string;
  readonly method: string;
  readonly role?: FixtureRole | undefined;
  readonly response: RecordedResponse;
}

export interface FixtureSet {
  /** By request key. */
  readonly byKey: ReadonlyMap<string, Fixture>;
  /** By `${protocol} ${service} ${role}`. */
  readonly byRole: ReadonlyMap<string, Fixture>;
}

export function roleKey(protocol: WireProtocol, service: string, role: FixtureRole): string {
  return `${protocol} ${service} ${role}`;
}

export function loadFixtures(dir: string = DEFAULT_FIXTURE_DIR): FixtureSet {
  const byKey = new Map<string, Fixture>();
  const byRole = new Map<string, Fixture>();
  for (const protocolDir of readdirSync(dir, { withFileTypes: true })) {
    if (!protocolDir.isDirectory()) continue;
    for (const file of readdirSync(join(dir, protocolDir.name))) {
      if (!file.endsWith(".json")) continue;
      const fixture = JSON.parse(
        readFileSync(join(dir, protocolDir.name, file), "utf8"),
      ) as Fixture;
      if (fixture.role)
        byRole.set(roleKey(fixture.protocol, fixture.service, fixture.role), fixture);
      else byKey.set(fixture.key, fixture);
    }
  }
  return { byKey, byRole };
}

export function fixtureFileName(fixture: Fixture): string {
  const hash = createHash("sha256").update(fixture.key).digest("hex").slice(0, 10);
  const name = fixture.role
    ? `_${fixture.role}.${fixture.service}`
    : `${fixture.model}.${fixture.method}.${hash}`;
  return join(fixture.protocol, `${name}.json`);
}

export function saveFixture(dir: string, fixture: Fixture): string {
  const file = fixtureFileName(fixture);
  mkdirSync(join(dir, fixture.protocol), { recursive: true });
  writeFileSync(join(dir, file), `${JSON.stringify(fixture, null, 1)}\n`);
  return file;
}

/**
 * Keeps a Python traceback's shape (header, `File ...` lines, the exception) but drops the
 * quoted source lines and `^^^` markers: Odoo's code must not be copied into this project.
 */
export function stripTracebackSource(text: string): string {
  if (!text.includes("Traceback (most recent call last):")) return text;
  let inFrame = false;
  return text
    .split("\n")
    .filter((line) => {
      if (/^\s+File "/.test(line)) {
        inFrame = true;
        return true;
      }
      if (inFrame && /^\s{4,}/.test(line)) return false;
      inFrame = false;
      return true;
    })
    .join("\n");
}

/** Replaces every secret in `text` (recorded bodies must hold no key or password). */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  let clean = text;
  for (const secret of secrets)
    if (secret.length >= 4) clean = clean.split(secret).join("[redacted]");
  return clean;
}
