/**
 * The conversations the contract tests replay: each scenario is run once per transport against a
 * live Odoo 19 by `scripts/record-odoo-fixtures.ts` (through the recording proxy) and again in CI
 * against the fake server replaying those recordings. Both transports must give the same outcome.
 * Scenarios only read, except "create in batches…", which makes its own contacts.
 */
import type { OdooClient, OdooClientOptions, OdooErrorCode } from "../../connector/odoo/index.js";
import { isOdooError } from "../../connector/odoo/index.js";

/** Client settings shared by recording and replay, so requests (and their keys) are identical. */
export const CONTRACT_CLIENT_OPTIONS: OdooClientOptions = {
  pageSize: 25,
  batchSize: 2,
  retry: { maxRetries: 0 },
};

/** The database name the recording used for "unknown database". */
export const UNKNOWN_DATABASE = "conn_no_such_db";

export type Outcome =
  | { readonly ok: true; readonly value: unknown }
  | {
      readonly ok: false;
      readonly error: {
        readonly code: OdooErrorCode;
        readonly name: string;
        readonly model?: string | undefined;
        readonly method?: string | undefined;
        readonly retryable: boolean;
      };
    };

export interface ContractScenario {
  readonly name: string;
  /** Which credentials the client uses (default: valid ones). */
  readonly connection?: "valid" | "wrong-key" | "unknown-database";
  /** For a failing scenario, the error code both transports must give. */
  readonly expectError?: OdooErrorCode;
  /** The model whose recorded `fields_get` types every value read must match. */
  readonly readsModel?: string;
  run(odoo: OdooClient): Promise<unknown>;
  /** The part of the outcome that must be equal across transports (default: all of it). */
  comparable?(value: unknown): unknown;
}

export async function runScenario(scenario: ContractScenario, odoo: OdooClient): Promise<Outcome> {
  try {
    return { ok: true, value: await scenario.run(odoo) };
  } catch (error) {
    if (!isOdooError(error)) throw error;
    return {
      ok: false,
      error: {
        code: error.code,
        name: error.name,
        model: error.model,
        method: error.method,
        retryable: error.retryable,
      },
    };
  }
}

/** Models the connector reads, with the fields extraction needs. */
export const READ_MODELS: Readonly<Record<string, readonly string[]>> = {
  "stock.move": [
    "product_id",
    "product_uom",
    "quantity",
    "product_uom_qty",
    "date",
    "state",
    "location_id",
    "location_dest_id",
    "location_usage",
    "location_dest_usage",
    "is_inventory",
    "picking_id",
    "origin",
    "purchase_line_id",
    "raw_material_production_id",
  ],
  "purchase.order": [
    "name",
    "partner_id",
    "state",
    "date_order",
    "date_approve",
    "date_planned",
    "effective_date",
    "picking_ids",
  ],
  "purchase.order.line": [
    "order_id",
    "partner_id",
    "product_id",
    "product_qty",
    "product_uom_id",
    "date_planned",
    "qty_received",
    "price_unit",
    "move_ids",
  ],
  "product.supplierinfo": [
    "partner_id",
    "product_tmpl_id",
    "product_id",
    "delay",
    "min_qty",
    "price",
    "date_start",
    "date_end",
    "sequence",
  ],
  "stock.quant": [
    "product_id",
    "location_id",
    "quantity",
    "reserved_quantity",
    "lot_id",
    "in_date",
  ],
  "mrp.bom.line": [
    "bom_id",
    "product_id",
    "product_qty",
    "product_uom_id",
    "parent_product_tmpl_id",
  ],
  "stock.warehouse.orderpoint": [
    "product_id",
    "location_id",
    "warehouse_id",
    "product_min_qty",
    "product_max_qty",
    "trigger",
    "snoozed_until",
    "route_id",
    "replenishment_uom_id",
    "company_id",
  ],
  "product.product": [
    "default_code",
    "name",
    "type",
    "is_storable",
    "active",
    "uom_id",
    "standard_price",
    "list_price",
    "product_tmpl_id",
    "categ_id",
    "write_date",
  ],
  "uom.uom": ["name", "factor", "relative_factor", "relative_uom_id", "rounding", "active"],
};

export const FIELD_ATTRIBUTES = [
  "type",
  "string",
  "relation",
  "required",
  "store",
  "selection",
] as const;

const fields = (model: string): readonly string[] => READ_MODELS[model] ?? [];
const withoutIds = (value: unknown): unknown =>
  JSON.parse(
    JSON.stringify(value, (key, member: unknown) =>
      key === "id" || key === "ids" ? undefined : member,
    ),
  );

export const CONTRACT_SCENARIOS: readonly ContractScenario[] = [
  { name: "server version", run: (odoo) => odoo.version() },
  {
    name: "done moves, paged by id cursor",
    readsModel: "stock.move",
    run: (odoo) =>
      odoo.searchRead("stock.move", [["state", "=", "done"]], { fields: fields("stock.move") }),
  },
  {
    name: "demand grouped by product, UoM and day",
    run: (odoo) =>
      odoo.formattedReadGroup(
        "stock.move",
        [
          ["state", "=", "done"],
          ["location_usage", "=", "internal"],
          ["location_dest_usage", "in", ["customer", "production"]],
        ],
        ["product_id", "product_uom", "date:day"],
        ["quantity:sum", "__count"],
      ),
  },
  {
    name: "purchase orders",
    readsModel: "purchase.order",
    run: (odoo) => odoo.searchRead("purchase.order", [], { fields: fields("purchase.order") }),
  },
  {
    name: "purchase order lines",
    readsModel: "purchase.order.line",
    run: (odoo) =>
      odoo.searchRead("purchase.order.line", [], { fields: fields("purchase.order.line") }),
  },
  {
    name: "vendor prices and promised delays",
    readsModel: "product.supplierinfo",
    run: (odoo) =>
      odoo.searchRead("product.supplierinfo", [], { fields: fields("product.supplierinfo") }),
  },
  {
    name: "on hand in internal locations",
    readsModel: "stock.quant",
    run: (odoo) =>
      odoo.searchRead("stock.quant", [["location_id.usage", "=", "internal"]], {
        fields: fields("stock.quant"),
      }),
  },
  {
    name: "BoM lines",
    readsModel: "mrp.bom.line",
    run: (odoo) => odoo.searchRead("mrp.bom.line", [], { fields: fields("mrp.bom.line") }),
  },
  {
    name: "reordering rules",
    readsModel: "stock.warehouse.orderpoint",
    run: (odoo) =>
      odoo.searchRead("stock.warehouse.orderpoint", [], {
        fields: fields("stock.warehouse.orderpoint"),
      }),
  },
  {
    name: "products with archived ones, newest first",
    readsModel: "product.product",
    run: (odoo) =>
      odoo.searchRead("product.product", [], {
        fields: fields("product.product"),
        order: "id desc",
        context: { active_test: false },
      }),
  },
  {
    name: "units of measure",
    readsModel: "uom.uom",
    run: (odoo) =>
      odoo.searchRead("uom.uom", [], {
        fields: fields("uom.uom"),
        context: { active_test: false },
      }),
  },
  {
    name: "five most expensive products (one page, custom order)",
    run: (odoo) =>
      odoo.searchRead("product.product", [], {
        fields: ["name", "list_price"],
        order: "list_price desc, id",
        limit: 5,
      }),
  },
  {
    name: "count storable products",
    run: (odoo) => odoo.searchCount("product.product", [["is_storable", "=", true]]),
  },
  {
    name: "search then read three products",
    readsModel: "product.product",
    run: async (odoo) =>
      odoo.read(
        "product.product",
        await odoo.search("product.product", [], { limit: 3, order: "id" }),
        { fields: fields("product.product") },
      ),
  },
  {
    name: "fields of the models we read",
    run: async (odoo) => {
      const described: Record<string, unknown> = {};
      for (const model of Object.keys(READ_MODELS))
        described[model] = await odoo.fieldsGet(model, {
          fields: fields(model),
          attributes: [...FIELD_ATTRIBUTES],
        });
      return described;
    },
  },
  {
    name: "create in batches, write, archive through a method returning None, read back",
    run: async (odoo) => {
      const names = [
        "Contract test contact A",
        "Contract test contact B",
        "Contract test contact C",
      ];
      const ids = await odoo.create(
        "res.partner",
        names.map((name) => ({ name, ref: "contract-test" })),
      );
      await odoo.write("res.partner", ids, { comment: "written by the contract test" });
      const archived = await odoo.call("res.partner", "action_archive", { ids });
      const records = await odoo.read("res.partner", ids, {
        fields: ["name", "ref", "comment", "active"],
        context: { active_test: false },
      });
      return { ids, archived, records };
    },
    comparable: (value) => {
      const { ids, ...rest } = value as { ids: number[] };
      return { idCount: ids.length, ...(withoutIds(rest) as object) };
    },
  },
  {
    name: "wrong API key",
    connection: "wrong-key",
    expectError: "auth",
    run: (odoo) => odoo.searchCount("product.product", []),
  },
  {
    name: "unknown database",
    connection: "unknown-database",
    expectError: "not_found",
    run: (odoo) => odoo.searchCount("product.product", []),
  },
  {
    name: "private method",
    expectError: "access",
    run: (odoo) => odoo.call("res.partner", "_read", { ids: [1] }),
  },
  {
    name: "unknown model",
    expectError: "not_found",
    run: (odoo) => odoo.searchCount("no.such.model", []),
  },
  {
    name: "unknown method",
    expectError: "not_found",
    run: (odoo) => odoo.call("res.partner", "no_such_method", { ids: [1] }),
  },
  {
    name: "validation error",
    expectError: "validation",
    run: (odoo) => odoo.create("res.partner", [{ name: false }]),
  },
  {
    name: "missing record",
    expectError: "not_found",
    run: (odoo) => odoo.write("res.partner", [999_999_999], { name: "ghost" }),
  },
  {
    name: "invalid field in a domain",
    expectError: "server",
    run: (odoo) => odoo.searchCount("stock.move", [["no_such_field", "=", 1]]),
  },
  {
    name: "arguments the method does not take",
    expectError: "validation",
    run: (odoo) => odoo.call("res.partner", "search_count", { kwargs: { bogus: 1 } }),
  },
];
