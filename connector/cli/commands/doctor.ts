import type { Command } from "commander";
import { type Check, runDoctor } from "../../sync/doctor.js";
import { runAction } from "../errors.js";
import { odooConfigOption } from "../options.js";

interface DoctorOptions {
  readonly config?: string;
  readonly json?: boolean;
}

/** Exit code when a check failed: the setup needs fixing before a sync can run. */
const EXIT_CHECK_FAILED = 2;

const MARK = { ok: "✓", warn: "!", fail: "✗" } as const;

/** `invseg doctor`: can the connector work with this Odoo, and if not, what to fix. */
export function registerDoctor(program: Command): void {
  program
    .command("doctor")
    .description(
      "check the connection, Odoo's version, the transport, the addon and the API user's rights",
    )
    .addOption(odooConfigOption())
    .option("--json", "print the checks as JSON")
    .action((options: DoctorOptions) => runAction(() => doctor(options)));
}

async function doctor(options: DoctorOptions): Promise<void> {
  const checks = await runDoctor({ env: process.env, configFile: options.config });
  process.stdout.write(
    options.json ? `${JSON.stringify(checks, null, 2)}\n` : `${formatChecks(checks)}\n`,
  );
  if (checks.some((check) => check.status === "fail")) process.exitCode = EXIT_CHECK_FAILED;
}

export function formatChecks(checks: readonly Check[]): string {
  const width = Math.max(...checks.map((check) => check.name.length));
  const lines = checks.flatMap((check) => [
    `${MARK[check.status]} ${check.name.padEnd(width)}  ${check.detail}`,
    ...(check.remedy ? [`  ${" ".repeat(width)}  → ${check.remedy}`] : []),
  ]);
  const failed = checks.filter((check) => check.status === "fail").length;
  lines.push(
    "",
    failed === 0
      ? "Ready to sync."
      : `${failed} check${failed > 1 ? "s" : ""} failed: fix ${failed > 1 ? "them" : "it"}, then run invseg doctor again.`,
  );
  return lines.join("\n");
}
