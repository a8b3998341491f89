/**
 * Connection settings, from the environment and/or a JSON file, validated with zod. Every problem
 * is reported at once, each naming the variable (`ODOO_URL`) or the file and key (`odoo.json: url`)
 * it came from. Environment variables override the file, so a file can hold the address and the
 * environment the secret.
 */
import { readFileSync } from "node:fs";
import { z } from "zod";

export type TransportChoice = "auto" | "json2" | "xmlrpc";

export interface ConnectionConfig {
  /** Base URL, without a trailing slash. */
  readonly url: string;
  readonly database: string;
  readonly apiKey?: string | undefined;
  /** Login for XML-RPC (with `password`, or with `apiKey`). */
  readonly login?: string | undefined;
  readonly password?: string | undefined;
  readonly transport: TransportChoice;
  /** Per request (default 120 s: a large `formatted_read_group` can take a while). */
  readonly timeoutMs: number;
  readonly maxRetries: number;
  /** Requests in flight at once (default 4). */
  readonly concurrency: number;
  /** Skip TLS certificate checks (default false; the client warns when set). */
  readonly insecureTls: boolean;
  /** PEM file of extra certificate authorities. */
  readonly caFile?: string | undefined;
}

/** Each setting: its variable and its key in a config file. */
const SETTINGS = {
  url: { env: "ODOO_URL", key: "url" },
  database: { env: "ODOO_DB", key: "db" },
  apiKey: { env: "ODOO_API_KEY", key: "apiKey" },
  login: { env: "ODOO_USER", key: "user" },
  password: { env: "ODOO_PASSWORD", key: "password" },
  transport: { env: "ODOO_TRANSPORT", key: "transport" },
  timeoutMs: { env: "ODOO_TIMEOUT_MS", key: "timeoutMs" },
  maxRetries: { env: "ODOO_MAX_RETRIES", key: "maxRetries" },
  concurrency: { env: "ODOO_CONCURRENCY", key: "concurrency" },
  insecureTls: { env: "ODOO_INSECURE_TLS", key: "insecureTls" },
  caFile: { env: "ODOO_CA_FILE", key: "caFile" },
} as const;
type Setting = keyof typeof SETTINGS;

const text = z.string().trim().min(1, "must not be empty");
const wholeNumber = (min: number, max: number) =>
  z.coerce
    .number({ error: "must be a number" })
    .int("must be a whole number")
    .min(min, `must be at least ${min}`)
    .max(max, `must be at most ${max}`);
const flag = z.union([
  z.boolean(),
  z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.enum(["true", "false", "1", "0", "yes", "no"], { error: "must be true or false" }))
    .transform((value) => ["true", "1", "yes"].includes(value)),
]);

const schema = z
  .object({
    url: text
      .pipe(z.url({ protocol: /^https?$/, error: "must be an http:// or https:// URL" }))
      .transform((url) => url.replace(/\/+$/, "")),
    database: text,
    apiKey: text.optional(),
    login: text.optional(),
    password: z.string().min(1, "must not be empty").optional(),
    transport: z
      .enum(["auto", "json2", "xmlrpc"], { error: "must be auto, json2 or xmlrpc" })
      .default("auto"),
    timeoutMs: wholeNumber(1, 3_600_000).default(120_000),
    maxRetries: wholeNumber(0, 10).default(3),
    concurrency: wholeNumber(1, 64).default(4),
    insecureTls: flag.default(false),
    caFile: text.optional(),
  })
  .superRefine((config, issues) => {
    const fail = (path: Setting, message: string) =>
      issues.addIssue({ code: "custom", path: [path], message });
    if (!config.apiKey && !config.password)
      fail("apiKey", "set an API key, or a login and password");
    if (config.password && !config.login) fail("login", "is required with a password");
    if (config.transport === "json2" && !config.apiKey)
      fail("apiKey", "is required for the JSON-2 transport");
    if (config.transport === "xmlrpc" && !config.login)
      fail("login", "is required for the XML-RPC transport");
  });

export interface ConfigIssue {
  /** `ODOO_URL`, or `odoo.json: url`, or both when the setting is missing. */
  readonly setting: string;
  readonly message: string;
}

export class ConnectionConfigError extends Error {
  readonly code = "config";
  readonly issues: readonly ConfigIssue[];

  constructor(issues: readonly ConfigIssue[]) {
    super(
      `invalid Odoo connection settings:\n${issues.map((issue) => `  ${issue.setting}: ${issue.message}`).join("\n")}`,
    );
    this.name = "ConnectionConfigError";
    this.issues = issues;
  }
}

/**
 * Reads the settings from `env` (e.g. `process.env`), over the JSON file `file` when given.
 * @throws ConnectionConfigError naming each bad or missing setting.
 */
export function loadConnectionConfig(
  env: Readonly<Record<string, string | undefined>>,
  file?: string,
): ConnectionConfig {
  const fromFile = file === undefined ? {} : readConfigFile(file);
  const raw: Partial<Record<Setting, unknown>> = {};
  const origin: Partial<Record<Setting, string>> = {};
  for (const [setting, names] of Object.entries(SETTINGS) as [
    Setting,
    (typeof SETTINGS)[Setting],
  ][]) {
    const envValue = env[names.env];
    if (envValue !== undefined && envValue.trim() !== "") {
      raw[setting] = envValue;
      origin[setting] = names.env;
    } else if (fromFile[names.key] !== undefined) {
      raw[setting] = fromFile[names.key];
      origin[setting] = `${file}: ${names.key}`;
    }
  }
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  throw new ConnectionConfigError(
    parsed.error.issues.map((issue) => {
      const setting = issue.path[0] as Setting;
      const names = SETTINGS[setting];
      const where =
        origin[setting] ?? (file ? `${names.env} (or "${names.key}" in ${file})` : names.env);
      const message =
        raw[setting] === undefined && issue.code === "invalid_type" ? "is required" : issue.message;
      return { setting: where, message };
    }),
  );
}

function readConfigFile(file: string): Record<string, unknown> {
  let content: string;
  try {
    content = readFileSync(file, "utf8");
  } catch (error) {
    throw new ConnectionConfigError([
      { setting: file, message: `cannot read: ${(error as Error).message}` },
    ]);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(content);
  } catch (error) {
    throw new ConnectionConfigError([
      { setting: file, message: `not valid JSON: ${(error as Error).message}` },
    ]);
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw new ConnectionConfigError([{ setting: file, message: "must hold a JSON object" }]);
  }
  const known = new Set<string>(Object.values(SETTINGS).map((names) => names.key));
  const unknown = Object.keys(parsed).filter((key) => !known.has(key));
  if (unknown.length > 0) {
    throw new ConnectionConfigError(
      unknown.map((key) => ({
        setting: `${file}: ${key}`,
        message: `unknown setting (known: ${[...known].join(", ")})`,
      })),
    );
  }
  return parsed as Record<string, unknown>;
}

/** The settings with secrets masked, for `doctor` output and logs. */
export function redactedConfig(
  config: ConnectionConfig,
): Record<string, string | number | boolean | undefined> {
  return {
    ...config,
    apiKey: config.apiKey && "[redacted]",
    password: config.password && "[redacted]",
  };
}
