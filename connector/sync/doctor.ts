/**
 * `invseg doctor`'s checks, in the order a problem blocks the next one: the settings, reaching
 * Odoo and its version, the transport and the credentials, the addon (installed, the version the
 * contract names, every contract field present with its type), the API user's groups and access
 * rights on every model the connector reads or writes, and the segmentation settings. Each check
 * says what it found and, when it fails, what to do about it.
 */
import { z } from "zod";
import { contract, fieldNames, fieldSpec, type ModelName } from "../../manifest/contract.js";
import { readSettings } from "../extract/settings.js";
import {
  type ConnectionConfig,
  connectOdoo,
  isOdooError,
  loadConnectionConfig,
  type OdooClient,
  type OdooClientOptions,
} from "../odoo/index.js";

export type CheckStatus = "ok" | "warn" | "fail";

export interface Check {
  readonly name: string;
  readonly status: CheckStatus;
  readonly detail: string;
  /** What to do, for warnings and failures. */
  readonly remedy?: string;
}

/** Models the connector reads, and models it writes (create and write). */
export const READ_MODELS = [
  "product.product",
  "product.template",
  "uom.uom",
  "stock.warehouse",
  "stock.location",
  "stock.move",
  "stock.quant",
  "stock.warehouse.orderpoint",
  "product.supplierinfo",
  "purchase.order.line",
  "inventory.segment",
  "inventory.segment.suggestion",
  "inventory.segment.event",
  "inventory.segment.run",
  "inventory.segment.run.kpi",
] as const;
const WRITE_MODELS = ["inventory.segment.run", "inventory.segment.run.kpi"] as const;
/** The group the connector's user needs: the write-back methods check it. */
const CONNECTOR_GROUP = contract.groups.manager;

export interface DoctorOptions {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly configFile?: string | undefined;
  readonly client?: OdooClientOptions;
}

/** Runs every check it can; later checks are skipped once Odoo cannot be used at all. */
export async function runDoctor(options: DoctorOptions): Promise<Check[]> {
  const checks: Check[] = [];
  let config: ConnectionConfig;
  try {
    config = loadConnectionConfig(options.env, options.configFile);
    checks.push({
      name: "settings",
      status: "ok",
      detail: `${config.url}, database ${config.database}, transport ${config.transport}, ${config.apiKey ? "API key" : "password"} set`,
    });
  } catch (error) {
    checks.push({
      name: "settings",
      status: "fail",
      detail: (error as Error).message,
      remedy:
        "set ODOO_URL, ODOO_DB and ODOO_API_KEY (or ODOO_USER and ODOO_PASSWORD), or pass --config odoo.json",
    });
    return checks;
  }
  let odoo: OdooClient;
  try {
    odoo = await connectOdoo(config, options.client);
  } catch (error) {
    checks.push(connectionFailure(error, config));
    return checks;
  }
  try {
    await checkServer(odoo, config, checks);
    if (checks.at(-1)?.status === "fail") return checks;
    const uid = await checkLogin(odoo, config, checks);
    if (uid === null) return checks;
    const installed = await checkAddon(odoo, checks);
    if (installed) await checkContractFields(odoo, checks);
    await checkAccess(odoo, uid, installed, checks);
    if (installed) await checkSettings(odoo, checks);
    return checks;
  } finally {
    odoo.close();
  }
}

function connectionFailure(error: unknown, config: ConnectionConfig): Check {
  const message = (error as Error).message;
  const code = isOdooError(error) ? error.code : "unknown";
  const remedy =
    code === "connection" || code === "timeout"
      ? `check that Odoo runs and ODOO_URL (${config.url}) is reachable from here`
      : code === "protocol"
        ? "ODOO_URL does not answer like Odoo: check the address and any proxy in front of it"
        : code === "not_found"
          ? `check ODOO_DB (${config.database}): the server does not serve that database`
          : "see the message";
  return { name: "connectivity", status: "fail", detail: message, remedy };
}

async function checkServer(odoo: OdooClient, config: ConnectionConfig, checks: Check[]) {
  try {
    const version = await odoo.version();
    const supported = version.major === 19;
    checks.push({
      name: "connectivity",
      status: "ok",
      detail: `${config.url} answers: Odoo ${version.version}`,
    });
    checks.push({
      name: "version",
      status: supported ? "ok" : "fail",
      detail: `Odoo ${version.version}`,
      ...(!supported && { remedy: "the connector and the addon are made for Odoo 19.0" }),
    });
    checks.push({
      name: "transport",
      status: odoo.transport === "json2" ? "ok" : "warn",
      detail:
        odoo.transport === "json2"
          ? "JSON-2 (/json/2, bearer API key)"
          : "XML-RPC (deprecated in Odoo 19, removal planned for Odoo 22)",
      ...(odoo.transport !== "json2" && {
        remedy: "set ODOO_API_KEY and leave ODOO_TRANSPORT unset (or json2) to use JSON-2",
      }),
    });
  } catch (error) {
    checks.push(connectionFailure(error, config));
  }
}

const contextSchema = z.looseObject({ uid: z.number().int().positive() });

async function checkLogin(
  odoo: OdooClient,
  config: ConnectionConfig,
  checks: Check[],
): Promise<number | null> {
  try {
    const { uid } = contextSchema.parse(
      await odoo.call("res.users", "context_get", { idempotent: true }),
    );
    checks.push({ name: "credentials", status: "ok", detail: `logged in as user ${uid}` });
    return uid;
  } catch (error) {
    const auth = isOdooError(error) && error.code === "auth";
    checks.push({
      name: "credentials",
      status: "fail",
      detail: (error as Error).message,
      remedy: auth
        ? `the ${config.apiKey ? "API key" : "login or password"} is refused for database ${config.database}: create a new key in Odoo (Preferences → Account Security → New API Key)`
        : "see the message",
    });
    return null;
  }
}

const moduleSchema = z.object({
  state: z.string(),
  installed_version: z.union([z.string(), z.literal(false)]),
});

async function checkAddon(odoo: OdooClient, checks: Check[]): Promise<boolean> {
  const name = contract.addon.name;
  const [record] = await odoo.searchRead("ir.module.module", [["name", "=", name]], {
    fields: ["state", "installed_version"],
    limit: 1,
  });
  const module = record ? moduleSchema.safeParse(record) : undefined;
  if (!module?.success || module.data.state !== "installed") {
    checks.push({
      name: "addon",
      status: "fail",
      detail: `${name} is ${module?.success ? module.data.state : "not available"} in this database`,
      remedy: `put addon/${name} on the Odoo addons path and install it (Apps → ${name}, or odoo-bin -i ${name})`,
    });
    return false;
  }
  const installed = module.data.installed_version;
  const expected = contract.addon.version;
  checks.push({
    name: "addon",
    status: installed === expected ? "ok" : "fail",
    detail: `${name} ${installed || "?"} installed; the connector's contract ${contract.contract_version} expects ${expected}`,
    ...(installed !== expected && {
      remedy: `upgrade the addon to ${expected} (odoo-bin -u ${name}), or use the connector release that matches ${installed}`,
    }),
  });
  return true;
}

async function checkContractFields(odoo: OdooClient, checks: Check[]): Promise<void> {
  const problems: string[] = [];
  for (const model of Object.keys(contract.models) as ModelName[]) {
    const names = fieldNames(model);
    let described: Awaited<ReturnType<OdooClient["fieldsGet"]>>;
    try {
      described = await odoo.fieldsGet(model, { fields: names, attributes: ["type"] });
    } catch (error) {
      if (!isOdooError(error) || error.code !== "not_found") throw error;
      problems.push(`model ${model} missing`);
      continue;
    }
    for (const name of names) {
      const found = described[name];
      const expected = fieldSpec(model, name).type;
      if (!found) problems.push(`${model}.${name} missing`);
      else if (found.type !== expected)
        problems.push(`${model}.${name} is ${found.type}, expected ${expected}`);
    }
  }
  checks.push({
    name: "contract",
    status: problems.length === 0 ? "ok" : "fail",
    detail:
      problems.length === 0
        ? `every field of the ${Object.keys(contract.models).length} contract models is there`
        : problems.slice(0, 8).join("; ") +
          (problems.length > 8 ? `; … ${problems.length - 8} more` : ""),
    ...(problems.length > 0 && {
      remedy: `the installed addon does not match this connector: upgrade it (odoo-bin -u ${contract.addon.name})`,
    }),
  });
}

async function checkAccess(
  odoo: OdooClient,
  uid: number,
  addonInstalled: boolean,
  checks: Check[],
): Promise<void> {
  const denied: string[] = [];
  const ask = async (model: string, operation: string) => {
    try {
      const allowed = await odoo.call(model, "has_access", {
        ids: [],
        kwargs: { operation },
        idempotent: true,
      });
      if (allowed !== true) denied.push(`${operation} ${model}`);
    } catch (error) {
      if (isOdooError(error) && error.code === "not_found") {
        if (addonInstalled || !model.startsWith("inventory."))
          denied.push(`${model} (no such model)`);
        return;
      }
      throw error;
    }
  };
  const readModels = READ_MODELS.filter(
    (model) => addonInstalled || !model.startsWith("inventory."),
  );
  for (const model of readModels) await ask(model, "read");
  if (addonInstalled) {
    for (const model of WRITE_MODELS) {
      await ask(model, "write");
      await ask(model, "create");
    }
  }
  checks.push({
    name: "access rights",
    status: denied.length === 0 ? "ok" : "fail",
    detail:
      denied.length === 0
        ? `read ${readModels.length} models${addonInstalled ? `, write ${WRITE_MODELS.length}` : ""}`
        : `denied: ${denied.join(", ")}`,
    ...(denied.length > 0 && {
      remedy:
        "give the connector's user Inventory / User, Purchase / User and Segmentation / Manager (Settings → Users)",
    }),
  });
  if (!addonInstalled) return;
  const manager = await odoo.call("res.users", "has_group", {
    ids: [uid],
    kwargs: { group_ext_id: CONNECTOR_GROUP },
    idempotent: true,
  });
  checks.push({
    name: "segmentation group",
    status: manager === true ? "ok" : "fail",
    detail:
      manager === true
        ? "the user is a Segmentation Manager (needed to write segments, events and suggestions)"
        : "the user is not a Segmentation Manager: the write-back methods will refuse it",
    ...(manager !== true && {
      remedy: "Settings → Users → the connector's user → Inventory Segmentation: Manager",
    }),
  });
}

async function checkSettings(odoo: OdooClient, checks: Check[]): Promise<void> {
  try {
    const settings = await readSettings(odoo, {});
    const tiers = Object.values(settings.tiers)
      .map(
        (tier) =>
          `${tier.code} ${Math.round(tier.serviceTarget * 1000) / 10}%${tier.autoApply ? " auto" : ""}`,
      )
      .join(", ");
    checks.push({
      name: "segmentation settings",
      status: "ok",
      detail: `company ${settings.companyId}: ${settings.config.period}ly periods over ${settings.historyMonths} months; ${tiers}`,
    });
  } catch (error) {
    checks.push({
      name: "segmentation settings",
      status: "fail",
      detail: (error as Error).message,
      remedy:
        "check Inventory → Configuration → Settings → Segmentation, and that every tier is active",
    });
  }
}
