/**
 * What the live suites share: they run only when ODOO_URL is set, against a database that has
 * this version of the addon.
 */
import { describe, expect } from "vitest";
import type { OdooClient } from "../../connector/odoo/index.js";
import { contract } from "../../manifest/contract.js";

export const live = describe.skipIf(!process.env.ODOO_URL);

/** The id of a many2one value as Odoo reads it (`[id, name]`); NaN when it is empty. */
export const idOf = (value: unknown): number =>
  Array.isArray(value) ? (value[0] as number) : Number.NaN;

/** Fails the suite unless the addon is installed at the contract's version. */
export async function expectAddonInstalled(odoo: OdooClient, hint: string): Promise<void> {
  const [module] = await odoo.searchRead("ir.module.module", [["name", "=", contract.addon.name]], {
    fields: ["state", "installed_version"],
  });
  expect(module, hint).toMatchObject({
    state: "installed",
    installed_version: contract.addon.version,
  });
}
