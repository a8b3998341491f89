/**
 * Builds an `OdooClient` from validated settings: picks the transport (forced, or from the
 * server version: JSON-2 on Odoo 19+ when an API key is set, else XML-RPC), and wires the
 * HTTP channel, retries, concurrency and logging.
 */
import { readFileSync } from "node:fs";
import { CallRunner } from "./callRunner.js";
import { OdooClient } from "./client.js";
import { type Clock, systemClock } from "./clock.js";
import { type ConnectionConfig, ConnectionConfigError } from "./config.js";
import { HttpChannel } from "./httpChannel.js";
import { Json2Transport } from "./json2Transport.js";
import type { OdooLogger } from "./logger.js";
import { createRedactor } from "./redact.js";
import { defaultRetryOptions, type RetryOptions } from "./retryPolicy.js";
import { Semaphore } from "./semaphore.js";
import { detectServerVersion } from "./serverVersion.js";
import type { OdooTransport } from "./transport.js";
import type { OdooServerVersion, TransportKind } from "./types.js";
import { XmlRpcTransport } from "./xmlrpcTransport.js";

/** The first Odoo version that serves `/json/2`. */
export const JSON2_SINCE_MAJOR = 19;

export interface OdooClientOptions {
  /** Receives one redacted summary per request attempt, and warnings. */
  readonly logger?: OdooLogger | undefined;
  /** Injectable time, for tests of backoff. */
  readonly clock?: Clock | undefined;
  /** Uniform draw in [0, 1) for backoff jitter. */
  readonly random?: (() => number) | undefined;
  /** Overrides of the retry policy (`maxRetries` defaults to the config's). */
  readonly retry?: Partial<RetryOptions> | undefined;
  /** Records per `search_read` page (default 2000). */
  readonly pageSize?: number | undefined;
  /** Records per `create` request and ids per `write` request (default 500). */
  readonly batchSize?: number | undefined;
}

export async function connectOdoo(
  config: ConnectionConfig,
  options: OdooClientOptions = {},
): Promise<OdooClient> {
  const clock = options.clock ?? systemClock;
  const redact = createRedactor([config.apiKey, config.password]);
  warnAboutTransportSecurity(config, options.logger);
  const channel = new HttpChannel({
    url: config.url,
    timeoutMs: config.timeoutMs,
    maxSockets: config.concurrency,
    insecureTls: config.insecureTls,
    ca: config.caFile ? readCaFile(config.caFile) : undefined,
  });
  let knownVersion: OdooServerVersion | undefined;
  let kind: TransportKind;
  try {
    if (config.transport === "auto") {
      knownVersion = await detectServerVersion(channel, { transport: "json2", redact });
      kind = chooseTransport(config, knownVersion);
    } else {
      kind = config.transport;
    }
  } catch (error) {
    channel.close();
    throw error;
  }
  const transport: OdooTransport =
    kind === "json2"
      ? new Json2Transport({
          channel,
          database: config.database,
          apiKey: config.apiKey ?? "",
          redact,
          clock,
        })
      : new XmlRpcTransport({
          channel,
          database: config.database,
          login: config.login ?? "",
          secret: config.password ?? config.apiKey ?? "",
          redact,
          clock,
        });
  const runner = new CallRunner({
    transport,
    semaphore: new Semaphore(config.concurrency),
    retry: { ...defaultRetryOptions, maxRetries: config.maxRetries, ...options.retry },
    clock,
    random: options.random ?? Math.random,
    logger: options.logger,
  });
  return new OdooClient({
    transport,
    runner,
    pageSize: options.pageSize ?? 2000,
    batchSize: options.batchSize ?? 500,
    knownVersion,
  });
}

/** JSON-2 when the server has it and we hold an API key; XML-RPC otherwise. */
export function chooseTransport(
  config: ConnectionConfig,
  version: OdooServerVersion,
): TransportKind {
  if (version.major >= JSON2_SINCE_MAJOR && config.apiKey) return "json2";
  if (!config.login) {
    const why =
      version.major >= JSON2_SINCE_MAJOR
        ? "no API key is set, so XML-RPC is used"
        : `Odoo ${version.version} has no JSON-2 (it needs ${JSON2_SINCE_MAJOR}+), so XML-RPC is used`;
    throw new ConnectionConfigError([
      { setting: "ODOO_USER", message: `is required: ${why}, and it needs the login` },
    ]);
  }
  return "xmlrpc";
}

function warnAboutTransportSecurity(
  config: ConnectionConfig,
  logger: OdooLogger | undefined,
): void {
  const warn =
    logger?.warn ??
    ((message: string) => process.emitWarning(message, { code: "INVSEG_INSECURE" }));
  if (config.insecureTls) {
    warn(
      "TLS certificate verification is OFF (ODOO_INSECURE_TLS): anyone on the network path can read the API key",
    );
  }
  const { protocol, hostname } = new URL(config.url);
  if (protocol === "http:" && !["localhost", "127.0.0.1", "::1", "[::1]"].includes(hostname)) {
    warn(
      `ODOO_URL uses plain http:// to ${hostname}: credentials travel unencrypted; use https://`,
    );
  }
}

function readCaFile(path: string): Buffer {
  try {
    return readFileSync(path);
  } catch (error) {
    throw new ConnectionConfigError([
      { setting: "ODOO_CA_FILE", message: `cannot read ${path}: ${(error as Error).message}` },
    ]);
  }
}
