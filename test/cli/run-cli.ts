/**
 * Runs the `invseg` CLI the way a user does: a fresh esbuild bundle of connector/cli/invseg.ts
 * (the same build as dist/invseg.js), in a child process, with its own working directory.
 */
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = fileURLToPath(new URL("../../", import.meta.url));
// Inside node_modules so that the bundle's external packages resolve from the project.
const bundle = join(
  root,
  "node_modules",
  ".cache",
  "invseg-cli-test",
  `invseg-${process.pid}-${Math.random().toString(36).slice(2)}.mjs`,
);
let built: Promise<void> | undefined;

/** Bundles the CLI once per test process. */
export function buildCli(): Promise<void> {
  built ??= (async () => {
    mkdirSync(dirname(bundle), { recursive: true });
    await build({
      entryPoints: [join(root, "connector/cli/invseg.ts")],
      outfile: bundle,
      bundle: true,
      platform: "node",
      format: "esm",
      target: "node20",
      packages: "external",
      logLevel: "warning",
    });
  })();
  return built;
}

/** Deletes the bundle; call from `afterAll`. */
export function removeCli(): void {
  rmSync(bundle, { force: true });
  built = undefined;
}

export interface CliResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `invseg …args` in `cwd` (stdin closed, stdout/stderr piped: not a terminal). */
export function runCli(args: readonly string[], cwd: string): CliResult {
  const result = spawnSync(process.execPath, [bundle, ...args], {
    cwd,
    encoding: "utf8",
    timeout: 120_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * Runs `invseg …args` without blocking this process, for servers that live in it (the fake Odoo).
 * @param env the child's whole environment.
 */
export function runCliAsync(
  args: readonly string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bundle, ...args], { cwd, env, stdio: "pipe" });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on("error", reject);
    child.on("close", (status) => resolve({ status, stdout, stderr }));
  });
}
