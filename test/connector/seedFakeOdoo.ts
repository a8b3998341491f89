/**
 * A fake Odoo 19 inventory for the seeder's CI tests: the models `seedOdoo` touches, with the
 * document flows it relies on done the way Odoo does them — `product.template.create` makes the
 * variant and supplier infos, `purchase.order.button_confirm` makes a ready receipt, and
 * `stock.picking.button_validate` / `stock.scrap.action_validate` stamp the current time on what
 * they finish (so the seeder has to back-date them). `now` is a fixed "today".
 */
import type { FakeField, FakeMethod, FakeModel } from "../support/fakeStore.js";
import { FakeStore } from "../support/fakeStore.js";

export const FAKE_NOW = "2026-11-25 08:00:00";

type Row = Record<string, unknown>;

const char = { type: "char" } as const;
const float = { type: "float" } as const;
const integer = { type: "integer" } as const;
const boolean = { type: "boolean" } as const;
const datetime = { type: "datetime" } as const;
const many2one = (relation: string): FakeField => ({ type: "many2one", relation });
const one2many = (relation: string): FakeField => ({ type: "one2many", relation });
const many2many = (relation: string): FakeField => ({ type: "many2many", relation });

/** `default_get` answering fixed defaults, like Odoo's for the user's company. */
function defaults(values: Row): FakeMethod {
  return {
    model: true,
    params: ["fields"],
    run: ({ kwargs }) =>
      Object.fromEntries(
        ((kwargs.fields as string[]) ?? []).flatMap((field) =>
          field in values ? [[field, values[field]]] : [],
        ),
      ),
  };
}

/** `create` of a document that starts as a draft. */
function createAsDraft(model: string): FakeMethod {
  return {
    model: true,
    params: ["vals_list"],
    run: ({ store, kwargs }) =>
      store.create(
        model,
        (kwargs.vals_list as Row[]).map((vals) => ({ ...vals, state: "draft" })),
      ),
  };
}

/** The `[0, 0, vals]` commands of an x2many value. */
function created(commands: unknown): Row[] {
  return Array.isArray(commands)
    ? commands.flatMap((command) =>
        Array.isArray(command) && command[0] === 0 ? [command[2] as Row] : [],
      )
    : [];
}

function one(store: FakeStore, model: string, id: number): Row {
  const [record] = store.records(model).filter((row) => row.id === id);
  if (!record) throw new Error(`fake: no ${model} ${id}`);
  return record;
}

const MOVE_FIELDS: Record<string, FakeField> = {
  product_id: many2one("product.product"),
  product_uom: many2one("uom.uom"),
  product_uom_qty: float,
  location_id: many2one("stock.location"),
  location_dest_id: many2one("stock.location"),
  state: char,
  date: datetime,
  origin: char,
  is_inventory: boolean,
  origin_returned_move_id: many2one("stock.move"),
  move_line_ids: one2many("stock.move.line"),
  picking_id: many2one("stock.picking"),
  purchase_line_id: many2one("purchase.order.line"),
};

export interface FakeInventoryOptions {
  /** Install mrp (BoMs); default true. */
  readonly mrp?: boolean;
}

/** The fake database, with stock, purchase (and mrp) "installed" and their base data. */
export function fakeInventory(options: FakeInventoryOptions = {}): FakeStore {
  const mrp = options.mrp ?? true;
  const models: Record<string, FakeModel> = {
    "ir.module.module": { fields: { name: char, state: char } },
    "ir.model.data": { fields: { model: char, module: char, name: char, res_id: integer } },
    "ir.config_parameter": {
      fields: { key: char, value: char },
      methods: {
        get_param: {
          model: true,
          params: ["key", "default"],
          run: ({ store, kwargs }) =>
            store.records("ir.config_parameter").find((row) => row.key === kwargs.key)?.value ??
            false,
        },
        set_param: {
          model: true,
          params: ["key", "value"],
          run: ({ store, kwargs }) => {
            const [existing] = store.search("ir.config_parameter", [["key", "=", kwargs.key]]);
            if (existing === undefined)
              store.create("ir.config_parameter", [{ key: kwargs.key, value: kwargs.value }]);
            else store.write("ir.config_parameter", [existing], { value: kwargs.value });
            return false;
          },
        },
      },
    },
    "stock.location": {
      fields: { name: char, usage: char, location_id: many2one("stock.location") },
    },
    "stock.warehouse": {
      fields: { company_id: integer, lot_stock_id: many2one("stock.location") },
      methods: { default_get: defaults({ company_id: 1 }) },
    },
    "uom.uom": {
      fields: {
        name: char,
        factor: float,
        relative_factor: float,
        relative_uom_id: many2one("uom.uom"),
        active: boolean,
      },
    },
    "res.partner": {
      fields: {
        name: char,
        ref: char,
        is_company: boolean,
        supplier_rank: integer,
        active: boolean,
      },
      methods: {
        default_get: defaults({ property_stock_customer: 2, property_stock_supplier: 1 }),
      },
    },
    "product.category": { fields: { name: char, parent_id: many2one("product.category") } },
    "product.template": {
      fields: {
        name: char,
        default_code: char,
        type: char,
        is_storable: boolean,
        categ_id: many2one("product.category"),
        uom_id: many2one("uom.uom"),
        standard_price: float,
        list_price: float,
        sale_ok: boolean,
        purchase_ok: boolean,
        route_ids: many2many("stock.route"),
        uom_ids: many2many("uom.uom"),
        seller_ids: one2many("product.supplierinfo"),
        active: boolean,
      },
      methods: {
        default_get: defaults({
          property_stock_inventory: 4,
          property_stock_production: 5,
          uom_id: 1,
        }),
        // Like Odoo: the variant and the supplier infos come with the template.
        create: {
          model: true,
          params: ["vals_list"],
          run: ({ store, kwargs }) => {
            const valsList = kwargs.vals_list as Row[];
            const ids = store.create("product.template", valsList);
            valsList.forEach((vals, index) => {
              const template = ids[index] as number;
              store.create("product.product", [
                { default_code: vals.default_code, product_tmpl_id: template, uom_id: vals.uom_id },
              ]);
              store.create(
                "product.supplierinfo",
                created(vals.seller_ids).map((seller) => ({
                  ...seller,
                  product_tmpl_id: template,
                })),
              );
            });
            return ids;
          },
        },
      },
    },
    "product.product": {
      fields: {
        default_code: char,
        product_tmpl_id: many2one("product.template"),
        uom_id: many2one("uom.uom"),
        active: boolean,
      },
    },
    "product.supplierinfo": {
      fields: {
        partner_id: many2one("res.partner"),
        product_tmpl_id: many2one("product.template"),
        product_uom_id: many2one("uom.uom"),
        delay: integer,
        min_qty: float,
        price: float,
        sequence: integer,
      },
    },
    "purchase.order": {
      fields: {
        partner_id: many2one("res.partner"),
        date_order: datetime,
        date_approve: datetime,
        origin: char,
        order_line: one2many("purchase.order.line"),
        state: char,
        picking_ids: one2many("stock.picking"),
      },
      methods: {
        create: createAsDraft("purchase.order"),
        button_confirm: { params: [], run: ({ store, ids }) => confirmOrders(store, ids) },
        button_approve: { params: ["force"], run: () => ({}) },
      },
    },
    "stock.picking": {
      fields: { state: char, date_done: datetime, origin: char, move_ids: one2many("stock.move") },
      methods: {
        button_validate: {
          params: [],
          run: ({ store, ids }) => {
            for (const id of ids) {
              store.write("stock.picking", [id], { state: "done", date_done: store.now() });
              const moves = store.search("stock.move", [["picking_id", "=", id]]);
              store.write("stock.move", moves, { state: "done", date: store.now() });
            }
            return true;
          },
        },
      },
    },
    "stock.move": { fields: MOVE_FIELDS },
    "stock.scrap": {
      fields: {
        product_id: many2one("product.product"),
        product_uom_id: many2one("uom.uom"),
        scrap_qty: float,
        location_id: many2one("stock.location"),
        origin: char,
        state: char,
        date_done: datetime,
        move_ids: one2many("stock.move"),
      },
      methods: {
        create: createAsDraft("stock.scrap"),
        action_validate: {
          params: [],
          run: ({ store, ids }) => {
            if (ids.length !== 1) throw new Error("fake: Expected singleton");
            const scrap = one(store, "stock.scrap", ids[0] as number);
            const [move] = store.create("stock.move", [
              {
                product_id: scrap.product_id,
                product_uom: scrap.product_uom_id,
                product_uom_qty: scrap.scrap_qty,
                location_id: scrap.location_id,
                location_dest_id: 4,
                state: "done",
                date: store.now(),
                origin: scrap.origin,
              },
            ]);
            store.write("stock.scrap", ids, {
              state: "done",
              date_done: store.now(),
              move_ids: [move],
            });
            return true;
          },
        },
      },
    },
  };
  if (mrp) {
    models["mrp.bom"] = {
      fields: {
        product_tmpl_id: many2one("product.template"),
        product_qty: float,
        product_uom_id: many2one("uom.uom"),
        type: char,
        produce_delay: integer,
        bom_line_ids: one2many("mrp.bom.line"),
        active: boolean,
      },
    };
  }
  const store = new FakeStore(models);
  store.now = () => FAKE_NOW;
  store.insert(
    "ir.module.module",
    ["stock", "purchase", ...(mrp ? ["mrp"] : [])].map((name) => ({ name, state: "installed" })),
  );
  // ids 1–5 as the defaults above say: vendors, customers, stock, inventory loss, production.
  store.insert("stock.location", [
    { name: "Vendors", usage: "supplier" },
    { name: "Customers", usage: "customer" },
    { name: "Stock", usage: "internal" },
    { name: "Inventory adjustment", usage: "inventory" },
    { name: "Production", usage: "production" },
  ]);
  store.insert("stock.warehouse", [{ company_id: 1, lot_stock_id: 3 }]);
  store.insert("uom.uom", [
    { name: "Units", factor: 1, relative_factor: 1, active: true },
    { name: "Pack of 6", factor: 6, relative_factor: 6, relative_uom_id: 1, active: true },
    { name: "g", factor: 1, relative_factor: 1, active: true },
    { name: "kg", factor: 1000, relative_factor: 1000, relative_uom_id: 3, active: true },
  ]);
  store.insert("ir.model.data", [
    { model: "stock.route", module: "purchase_stock", name: "route_warehouse0_buy", res_id: 9 },
    ...(mrp
      ? [{ model: "stock.route", module: "mrp", name: "route_warehouse0_manufacture", res_id: 6 }]
      : []),
  ]);
  return store;
}

/** Confirms drafts: state purchase, approval now, one ready receipt with a move per line. */
function confirmOrders(store: FakeStore, ids: readonly number[]): true {
  for (const id of ids) {
    const order = one(store, "purchase.order", id);
    if (order.state !== "draft") continue;
    const [picking] = store.create("stock.picking", [{ state: "assigned", origin: `P${id}` }]);
    const moves = store.create(
      "stock.move",
      created(order.order_line).map((line) => ({
        product_id: line.product_id,
        product_uom: line.product_uom_id,
        product_uom_qty: line.product_qty,
        location_id: 1,
        location_dest_id: 3,
        state: "assigned",
        date: line.date_planned,
        origin: `P${id}`,
        picking_id: picking,
      })),
    );
    store.write("stock.picking", [picking as number], { move_ids: moves });
    store.write("purchase.order", [id], {
      state: "purchase",
      date_approve: store.now(),
      picking_ids: [picking],
    });
  }
  return true;
}
