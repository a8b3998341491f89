/**
 * What the seeder needs to know about the target Odoo before writing: installed modules, the
 * company, its stock and virtual locations, the units of measure and the replenishment routes.
 * Everything is read the way Odoo itself resolves it (`default_get` for the company and the
 * product/partner location properties), so a database with several companies seeds the user's own.
 */
import type { OdooClient, OdooRecord, OdooValue } from "../odoo/index.js";
import { SeedPrerequisiteError } from "./errors.js";

/** Locations moves go between. `overflow` is an internal shelf under stock, for transfers. */
export type LocationKey =
  | "stock"
  | "customer"
  | "supplier"
  | "production"
  | "inventory"
  | "overflow";

/** Units the seeded products and moves use: `pack` is "Pack of 6" (6 units). */
export type UomKey = "unit" | "pack" | "kg" | "g";

export interface SeedSetup {
  readonly companyId: number;
  readonly locations: Readonly<Record<LocationKey, number>>;
  readonly uoms: Readonly<Record<UomKey, number>>;
  /** Route ids from `purchase_stock` and (with mrp) `mrp`. */
  readonly routes: { readonly buy?: number | undefined; readonly manufacture?: number | undefined };
  /** Manufacturing is installed: bills of materials are seeded. */
  readonly mrp: boolean;
}

/** Units in a "Pack of 6". */
export const PACK_SIZE = 6;
/** The internal location created under stock for the seeded internal transfers. */
const OVERFLOW_LOCATION_NAME = "Overflow";

const EN = { lang: "en_US", active_test: false } as const;

/**
 * Reads (and where missing, creates: the overflow shelf, a "Pack of 6" unit) what seeding needs.
 * @throws SeedPrerequisiteError when Inventory or Purchase is not installed, or the company has no
 * warehouse.
 */
export async function discoverSetup(odoo: OdooClient): Promise<SeedSetup> {
  const modules = await installedModules(odoo);
  for (const [module, label] of [
    ["stock", "Inventory"],
    ["purchase", "Purchase"],
  ] as const) {
    if (!modules.has(module)) {
      throw new SeedPrerequisiteError(
        `the ${label} app (module "${module}") is not installed in this database; install Inventory and Purchase before seeding`,
      );
    }
  }
  const mrp = modules.has("mrp");
  const company = await defaultsOf(odoo, "stock.warehouse", ["company_id"]);
  const companyId = idOf(company.company_id);
  if (companyId === undefined) throw new SeedPrerequisiteError("cannot tell the user's company");
  const [warehouse] = await odoo.searchRead("stock.warehouse", [["company_id", "=", companyId]], {
    fields: ["lot_stock_id"],
    limit: 1,
  });
  const stock = idOf(warehouse?.lot_stock_id);
  if (stock === undefined) {
    throw new SeedPrerequisiteError(`company ${companyId} has no warehouse with a stock location`);
  }
  const partnerDefaults = await defaultsOf(odoo, "res.partner", [
    "property_stock_customer",
    "property_stock_supplier",
  ]);
  const productDefaults = await defaultsOf(odoo, "product.template", [
    "property_stock_inventory",
    "property_stock_production",
    "uom_id",
  ]);
  const locations = {
    stock,
    customer: required(partnerDefaults.property_stock_customer, "the customers location"),
    supplier: required(partnerDefaults.property_stock_supplier, "the vendors location"),
    production: required(productDefaults.property_stock_production, "the production location"),
    inventory: required(productDefaults.property_stock_inventory, "the inventory-loss location"),
    overflow: await overflowLocation(odoo, stock),
  };
  const uoms = await units(odoo, required(productDefaults.uom_id, "the default unit"));
  const routes = await routeIds(odoo);
  return { companyId, locations, uoms, routes, mrp };
}

async function installedModules(odoo: OdooClient): Promise<Set<string>> {
  const records = await odoo.searchRead(
    "ir.module.module",
    [
      ["name", "in", ["stock", "purchase", "mrp"]],
      ["state", "=", "installed"],
    ],
    { fields: ["name"] },
  );
  return new Set(records.map((record) => String(record.name)));
}

async function defaultsOf(
  odoo: OdooClient,
  model: string,
  fields: readonly string[],
): Promise<Record<string, OdooValue>> {
  const defaults = await odoo.call(model, "default_get", { kwargs: { fields }, idempotent: true });
  return typeof defaults === "object" && defaults !== null && !Array.isArray(defaults)
    ? (defaults as Record<string, OdooValue>)
    : {};
}

/** The id in a many2one as read (`[id, name]`) or as a default (`id`). */
export function idOf(value: OdooValue | undefined): number | undefined {
  if (typeof value === "number") return value;
  if (Array.isArray(value) && typeof value[0] === "number") return value[0];
  return undefined;
}

function required(value: OdooValue | undefined, what: string): number {
  const id = idOf(value);
  if (id === undefined) throw new SeedPrerequisiteError(`Odoo has no default for ${what}`);
  return id;
}

async function overflowLocation(odoo: OdooClient, stock: number): Promise<number> {
  const [existing] = await odoo.searchRead(
    "stock.location",
    [
      ["name", "=", OVERFLOW_LOCATION_NAME],
      ["location_id", "=", stock],
    ],
    { fields: ["id"], limit: 1, context: EN },
  );
  if (existing) return existing.id;
  const [created] = await odoo.create("stock.location", [
    { name: OVERFLOW_LOCATION_NAME, location_id: stock, usage: "internal" },
  ]);
  return created as number;
}

/** Units, "Pack of 6" (created when no active one exists), kg and g. */
async function units(odoo: OdooClient, unit: number): Promise<Record<UomKey, number>> {
  const all = await odoo.searchRead("uom.uom", [], {
    fields: ["name", "factor", "relative_factor", "relative_uom_id", "active"],
    context: EN,
  });
  const active = all.filter((uom) => uom.active !== false);
  const named = (name: string): OdooRecord | undefined => active.find((uom) => uom.name === name);
  const gram = named("g");
  const kilogram = named("kg");
  if (!gram || !kilogram || Number(kilogram.factor) !== 1000 * Number(gram.factor)) {
    throw new SeedPrerequisiteError(
      'the units of measure "kg" and "g" (1 kg = 1000 g) must exist and be active',
    );
  }
  let pack = active.find(
    (uom) => idOf(uom.relative_uom_id) === unit && Number(uom.relative_factor) === PACK_SIZE,
  )?.id;
  pack ??= (
    await odoo.create("uom.uom", [
      { name: `Pack of ${PACK_SIZE}`, relative_factor: PACK_SIZE, relative_uom_id: unit },
    ])
  )[0];
  return { unit, pack: pack as number, kg: kilogram.id, g: gram.id };
}

async function routeIds(odoo: OdooClient): Promise<SeedSetup["routes"]> {
  const records = await odoo.searchRead(
    "ir.model.data",
    [
      ["model", "=", "stock.route"],
      ["module", "in", ["purchase_stock", "mrp"]],
      ["name", "in", ["route_warehouse0_buy", "route_warehouse0_manufacture"]],
    ],
    { fields: ["module", "name", "res_id"] },
  );
  const find = (module: string) => {
    const record = records.find((entry) => entry.module === module);
    return typeof record?.res_id === "number" ? record.res_id : undefined;
  };
  return { buy: find("purchase_stock"), manufacture: find("mrp") };
}
