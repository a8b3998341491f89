/**
 * A connector run in its own process, for the tests that kill it or send it a signal. The parent
 * spawns a script with `spawnChild`, passing settings as JSON in an environment variable; the
 * script reads them with `childSettings` and connects to the fake server they name with
 * `connectChild` (JSON-2, no retries, as the CLI does).
 */
import { type ChildProcess, type StdioOptions, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { connectOdoo, type OdooClient } from "../../connector/odoo/index.js";

/** What every child needs to reach the fake server. */
export interface ChildConnection {
  readonly url: string;
  readonly database: string;
  readonly apiKey: string;
}

/** Runs `script` (a TypeScript file) under tsx with `settings` as JSON in `$variable`. */
export function spawnChild(
  script: URL,
  variable: string,
  settings: ChildConnection & Record<string, unknown>,
  stdio: StdioOptions,
): ChildProcess {
  return spawn(process.execPath, ["--import", "tsx", fileURLToPath(script)], {
    env: { ...process.env, [variable]: JSON.stringify(settings) },
    stdio,
  });
}

/** In the child: the settings the parent passed in `$variable`. */
export function childSettings<T extends ChildConnection>(variable: string): T {
  return JSON.parse(process.env[variable] ?? "{}") as T;
}

/** In the child: a client of the fake server named in its settings. */
export function connectChild(settings: ChildConnection): Promise<OdooClient> {
  return connectOdoo({
    url: settings.url,
    database: settings.database,
    apiKey: settings.apiKey,
    transport: "json2",
    timeoutMs: 30_000,
    maxRetries: 0,
    concurrency: 4,
    insecureTls: false,
  });
}
