/**
 * Connecting the CLI to Odoo: settings from the environment (`ODOO_URL`, `ODOO_DB`, `ODOO_API_KEY`
 * or `ODOO_USER`/`ODOO_PASSWORD`, `ODOO_TRANSPORT`…) over an optional JSON file, validated, and a
 * client whose requests are counted.
 */
import {
  type ConnectionConfig,
  connectOdoo,
  loadConnectionConfig,
  type OdooClient,
  RequestStats,
} from "../../odoo/index.js";

export interface OdooConnection {
  readonly config: ConnectionConfig;
  readonly odoo: OdooClient;
  readonly stats: RequestStats;
}

/**
 * @param file a JSON file of connection settings (`url`, `db`, `apiKey`, `user`, `password`,
 *   `transport`…); the environment wins over it.
 * @throws ConnectionConfigError naming each bad setting; the client's errors when Odoo is unreachable.
 */
export async function openOdoo(
  env: Readonly<Record<string, string | undefined>>,
  file?: string,
): Promise<OdooConnection> {
  const config = loadConnectionConfig(env, file);
  const stats = new RequestStats();
  const odoo = await connectOdoo(config, { logger: stats.logger });
  return { config, odoo, stats };
}
