/**
 * The live Odoo the bench cases that need one run against: `ODOO_BENCH_*` settings, each falling
 * back to its `ODOO_*` twin, so a benchmark never writes to the database the shell points at by
 * accident when a bench database is named.
 */
import { type ConnectionConfig, loadConnectionConfig } from "../connector/odoo/index.js";

const env = process.env;
const benchEnv = {
  ODOO_URL: env.ODOO_BENCH_URL ?? env.ODOO_URL,
  ODOO_DB: env.ODOO_BENCH_DB ?? env.ODOO_DB,
  ODOO_API_KEY: env.ODOO_BENCH_API_KEY ?? env.ODOO_API_KEY,
  ODOO_USER: env.ODOO_BENCH_USER ?? env.ODOO_USER,
  ODOO_PASSWORD: env.ODOO_BENCH_PASSWORD ?? env.ODOO_PASSWORD,
  ODOO_TRANSPORT: env.ODOO_BENCH_TRANSPORT ?? env.ODOO_TRANSPORT,
};

/** Why a live case cannot run (no bench Odoo is set), or undefined when it can. */
export function liveOdooSkipReason(database: string): string | undefined {
  return benchEnv.ODOO_URL
    ? undefined
    : `no live Odoo: set ODOO_BENCH_URL, ODOO_BENCH_DB and ODOO_BENCH_API_KEY (${database})`;
}

/** The bench Odoo's connection settings, validated. */
export function liveOdooConfig(): ConnectionConfig {
  return loadConnectionConfig(benchEnv);
}
