/**
 * Builds plant data in a `segmentationStore()` the way Odoo 19 stores it after real operations:
 * locations with their usage, done moves with the related `location_usage` fields, purchase lines
 * with their confirmation and promised dates, quants, vendor lines, BoMs and reordering rules.
 * `PlantBuilder` makes single records for hand-made extraction cases; `seedPlant` a small plant
 * with every demand pattern and the records extraction must leave out, for sync tests.
 */
import { createRandom } from "../../analytics/index.js";
import type { FakeStore } from "./fakeStore.js";

type Row = Record<string, unknown>;

export interface PlantIds {
  readonly units: number;
  readonly pack6: number;
  readonly dozens: number;
  readonly kg: number;
  readonly gram: number;
  readonly hours: number;
  readonly supplier: number;
  readonly customer: number;
  readonly production: number;
  readonly adjustment: number;
  readonly scrap: number;
  readonly stock: number;
  readonly output: number;
  readonly warehouse: number;
  /** The second warehouse, when built with `secondWarehouse`. */
  readonly stock2?: number;
  readonly warehouse2?: number;
}

export class PlantBuilder {
  readonly ids: PlantIds;
  #nextMoveSecond = 0;

  constructor(
    readonly store: FakeStore,
    options: { secondWarehouse?: boolean } = {},
  ) {
    const uom = (vals: Row) =>
      store.insert("uom.uom", [{ active: true, rounding: 0.01, ...vals }])[0] as number;
    const units = uom({ name: "Units", factor: 1, relative_factor: 1 });
    const pack6 = uom({ name: "Pack of 6", factor: 6, relative_factor: 6, relative_uom_id: units });
    const dozens = uom({
      name: "Dozens",
      factor: 12,
      relative_factor: 12,
      relative_uom_id: units,
      active: false,
    });
    const kg = uom({ name: "kg", factor: 1, relative_factor: 1 });
    const gram = uom({ name: "g", factor: 0.001, relative_factor: 0.001, relative_uom_id: kg });
    const hours = uom({ name: "Hours", factor: 1, relative_factor: 1 });
    store.insert("ir.model.data", [{ module: "uom", name: "product_uom_unit", res_id: units }]);
    const location = (vals: Row) =>
      store.insert("stock.location", [{ active: true, company_id: 1, ...vals }])[0] as number;
    const supplier = location({ name: "Partners/Vendors", usage: "supplier", company_id: false });
    const customer = location({ name: "Partners/Customers", usage: "customer", company_id: false });
    const production = location({ name: "Virtual Locations/Production", usage: "production" });
    const adjustment = location({
      name: "Virtual Locations/Inventory adjustment",
      usage: "inventory",
    });
    const scrap = location({ name: "Virtual Locations/Scrap", usage: "inventory" });
    const [warehouse] = store.insert("stock.warehouse", [
      { name: "Main", code: "WH", company_id: 1 },
    ]);
    const stock = location({ name: "WH/Stock", usage: "internal", warehouse_id: warehouse });
    const output = location({ name: "WH/Output", usage: "internal", warehouse_id: warehouse });
    store.write("stock.warehouse", [warehouse as number], { lot_stock_id: stock });
    let second: { stock2: number; warehouse2: number } | undefined;
    if (options.secondWarehouse) {
      const [warehouse2] = store.insert("stock.warehouse", [
        { name: "East", code: "E", company_id: 1 },
      ]);
      const stock2 = location({ name: "E/Stock", usage: "internal", warehouse_id: warehouse2 });
      store.write("stock.warehouse", [warehouse2 as number], { lot_stock_id: stock2 });
      second = { stock2, warehouse2: warehouse2 as number };
    }
    this.ids = {
      units,
      pack6,
      dozens,
      kg,
      gram,
      hours,
      supplier,
      customer,
      production,
      adjustment,
      scrap,
      stock,
      output,
      warehouse: warehouse as number,
      ...second,
    };
  }

  /**
   * A product variant with its own template, created (`create_date`) at `createdAt`, else at the
   * store's clock: the seed time, as in a database seeded today with back-dated history.
   */
  product(vals: {
    name: string;
    code?: string;
    cost?: number;
    uom?: number;
    type?: "consu" | "service" | "combo";
    storable?: boolean;
    active?: boolean;
    /** `'YYYY-MM-DD HH:MM:SS'` (UTC), served as given. */
    createdAt?: string;
    extra?: Row;
  }): { id: number; templateId: number } {
    const created = vals.createdAt !== undefined && { create_date: vals.createdAt };
    const [templateId] = this.store.insert("product.template", [
      { name: vals.name, product_tag_ids: [], ...created },
    ]);
    const [id] = this.store.insert("product.product", [
      {
        name: vals.name,
        display_name: vals.code ? `[${vals.code}] ${vals.name}` : vals.name,
        default_code: vals.code ?? false,
        type: vals.type ?? "consu",
        is_storable: vals.storable ?? (vals.type ?? "consu") === "consu",
        active: vals.active ?? true,
        uom_id: vals.uom ?? this.ids.units,
        standard_price: vals.cost ?? 10,
        product_tmpl_id: templateId,
        segment_locked: false,
        segment_deescalation_streak: 0,
        ...created,
        ...vals.extra,
      },
    ]);
    return { id: id as number, templateId: templateId as number };
  }

  /** A done move; `usage` fields are filled from the locations, like Odoo's related fields. */
  move(vals: {
    product: number;
    from: number;
    to: number;
    day: string;
    quantity: number;
    uom?: number;
    isInventory?: boolean;
    purchaseLine?: number;
    state?: string;
    writeDate?: string;
  }): number {
    const usage = (location: number) =>
      this.store.records("stock.location").find((record) => record.id === location)?.usage ?? false;
    // Distinct times within a day keep moves apart; all land on the given UTC day.
    const second = this.#nextMoveSecond++ % 36_000;
    const time = `${String(Math.floor(second / 3600) + 8).padStart(2, "0")}:${String(Math.floor((second % 3600) / 60)).padStart(2, "0")}:${String(second % 60).padStart(2, "0")}`;
    const product = this.store
      .records("product.product")
      .find((record) => record.id === vals.product);
    const [id] = this.store.insert("stock.move", [
      {
        product_id: vals.product,
        product_uom: vals.uom ?? product?.uom_id ?? this.ids.units,
        quantity: vals.quantity,
        product_uom_qty: vals.quantity,
        date: `${vals.day} ${time}`,
        state: vals.state ?? "done",
        location_id: vals.from,
        location_dest_id: vals.to,
        location_usage: usage(vals.from),
        location_dest_usage: usage(vals.to),
        is_inventory: vals.isInventory ?? false,
        purchase_line_id: vals.purchaseLine ?? false,
        company_id: 1,
        // Odoo stamps a move when it is done: its write date is its date (unless told otherwise).
        write_date: vals.writeDate ?? `${vals.day} ${time}`,
      },
    ]);
    return id as number;
  }

  delivery(
    product: number,
    day: string,
    quantity: number,
    uom?: number,
    from = this.ids.stock,
  ): number {
    return this.move({
      product,
      from,
      to: this.ids.customer,
      day,
      quantity,
      ...(uom !== undefined && { uom }),
    });
  }

  vendor(name: string): number {
    return this.store.insert("res.partner", [{ name }])[0] as number;
  }

  vendorLine(vals: {
    vendor: number;
    templateId: number;
    productId?: number;
    delay: number;
    minQty?: number;
    uom?: number;
    sequence?: number;
    dateStart?: string;
    dateEnd?: string;
  }): number {
    return this.store.insert("product.supplierinfo", [
      {
        partner_id: vals.vendor,
        product_tmpl_id: vals.templateId,
        product_id: vals.productId ?? false,
        delay: vals.delay,
        min_qty: vals.minQty ?? 0,
        product_uom_id: vals.uom ?? false,
        sequence: vals.sequence ?? 1,
        date_start: vals.dateStart ?? false,
        date_end: vals.dateEnd ?? false,
        company_id: 1,
      },
    ])[0] as number;
  }

  /** A purchase line confirmed on `orderedOn`, promised for `promisedOn`, received on `receivedOn`. */
  receipt(vals: {
    product: number;
    vendor: number;
    orderedOn: string;
    promisedOn: string;
    receivedOn: string;
    quantity: number;
  }): { line: number; move: number } {
    const [line] = this.store.insert("purchase.order.line", [
      {
        partner_id: vals.vendor,
        product_id: vals.product,
        date_approve: `${vals.orderedOn} 09:00:00`,
        date_planned: `${vals.promisedOn} 12:00:00`,
        product_qty: vals.quantity,
      },
    ]);
    const move = this.move({
      product: vals.product,
      from: this.ids.supplier,
      to: this.ids.stock,
      day: vals.receivedOn,
      quantity: vals.quantity,
      purchaseLine: line as number,
    });
    return { line: line as number, move };
  }

  quant(product: number, quantity: number, location = this.ids.stock): void {
    this.store.insert("stock.quant", [{ product_id: product, location_id: location, quantity }]);
  }

  orderpoint(
    product: number,
    min: number,
    max: number,
    location = this.ids.stock,
    replenishmentUom?: number,
  ): number {
    const warehouse = this.store
      .records("stock.location")
      .find((record) => record.id === location)?.warehouse_id;
    return this.store.insert("stock.warehouse.orderpoint", [
      {
        product_id: product,
        location_id: location,
        warehouse_id: warehouse ?? false,
        product_min_qty: min,
        product_max_qty: max,
        replenishment_uom_id: replenishmentUom ?? false,
        trigger: "auto",
        active: true,
        company_id: 1,
      },
    ])[0] as number;
  }

  bom(parentTemplateId: number, components: readonly number[]): number {
    const [bom] = this.store.insert("mrp.bom", [
      { product_tmpl_id: parentTemplateId, active: true, type: "normal" },
    ]);
    this.store.insert(
      "mrp.bom.line",
      components.map((component) => ({ bom_id: bom, product_id: component, product_qty: 1 })),
    );
    return bom as number;
  }
}

/** Days from `from` (inclusive), as `YYYY-MM-DD`. */
export function dayAfter(from: string, days: number): string {
  return new Date(Date.parse(`${from}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

type ProductRef = { readonly id: number; readonly templateId: number };

/** The seeded products by role. */
export interface PlantProducts {
  readonly smooth: ProductRef;
  readonly erratic: ProductRef;
  readonly intermittent: ProductRef;
  readonly lumpy: ProductRef;
  readonly dead: ProductRef;
  readonly finished: ProductRef;
  readonly componentA: ProductRef;
  readonly componentB: ProductRef;
  readonly bought: ProductRef;
  readonly packed: ProductRef;
  readonly grams: ProductRef;
  readonly locked: ProductRef;
  readonly service: ProductRef;
  readonly untracked: ProductRef;
  readonly archived: ProductRef;
}

export interface SeededPlant {
  readonly builder: PlantBuilder;
  readonly products: PlantProducts;
  /** The day the plant's history ends (plan as of the day after). */
  readonly lastDay: string;
  readonly vendors: { readonly reliable: number; readonly stretching: number };
}

/**
 * A small plant over two years up to `lastDay`: smooth, erratic, intermittent and lumpy items, a
 * dead one, a finished product with two components consumed by production, a bought item with
 * receipts from a reliable and a stretching vendor, an item moved in packs, a locked item, and the
 * records extraction must leave out (a service, an untracked consumable, an archived product,
 * adjustments, internal transfers, scrap, a move in a unit of another kind).
 */
export function seedPlant(
  store: FakeStore,
  options: { lastDay?: string; seed?: number; secondWarehouse?: boolean } = {},
): SeededPlant {
  const lastDay = options.lastDay ?? "2025-06-29";
  const builder = new PlantBuilder(store, { secondWarehouse: options.secondWarehouse ?? false });
  const { ids } = builder;
  const random = createRandom(options.seed ?? 7);
  const firstDay = dayAfter(lastDay, -730);
  const products: PlantProducts = {
    smooth: builder.product({ name: "Bolt M8", code: "BOLT-M8", cost: 0.4 }),
    erratic: builder.product({ name: "Gasket", code: "GASKET", cost: 3 }),
    intermittent: builder.product({ name: "Pump seal", code: "SEAL", cost: 45 }),
    lumpy: builder.product({ name: "Gearbox", code: "GEARBOX", cost: 900 }),
    dead: builder.product({ name: "Old lever", code: "LEVER-OLD", cost: 12 }),
    finished: builder.product({ name: "Pump assembly", code: "PUMP", cost: 300 }),
    componentA: builder.product({ name: "Impeller", code: "IMPELLER", cost: 60 }),
    componentB: builder.product({ name: "Housing", code: "HOUSING", cost: 80 }),
    bought: builder.product({ name: "Bearing", code: "BEARING", cost: 25 }),
    packed: builder.product({ name: "Washer", code: "WASHER", cost: 0.1 }),
    grams: builder.product({ name: "Grease", code: "GREASE", cost: 20, uom: ids.kg }),
    locked: builder.product({ name: "Safety valve", code: "VALVE", cost: 150 }),
    service: builder.product({ name: "Repair service", code: "SRV", type: "service" }),
    untracked: builder.product({ name: "Rags", code: "RAGS", storable: false }),
    archived: builder.product({ name: "Discontinued", code: "DISC", active: false }),
  };
  const reliable = builder.vendor("Reliable Parts");
  const stretching = builder.vendor("Stretching Metals");
  builder.bom(products.finished.templateId, [products.componentA.id, products.componentB.id]);
  builder.vendorLine({
    vendor: reliable,
    templateId: products.bought.templateId,
    delay: 10,
    sequence: 1,
  });
  builder.vendorLine({
    vendor: stretching,
    templateId: products.bought.templateId,
    delay: 14,
    sequence: 2,
  });
  builder.vendorLine({
    vendor: stretching,
    templateId: products.componentA.templateId,
    delay: 20,
    minQty: 12,
  });
  builder.vendorLine({
    vendor: reliable,
    templateId: products.packed.templateId,
    delay: 5,
    uom: ids.pack6,
  });
  builder.vendorLine({ vendor: reliable, templateId: products.smooth.templateId, delay: 7 });
  store.write("product.product", [products.locked.id], {
    segment_locked: true,
    segment_id: 1,
    segment_code: "critical",
  });

  for (let offset = 0; offset <= 730; offset++) {
    const day = dayAfter(firstDay, offset);
    builder.delivery(products.smooth.id, day, 20 + Math.round(random.next() * 6));
    if (random.next() < 0.6)
      builder.delivery(products.erratic.id, day, Math.round(1 + random.next() * 30));
    if (offset % 9 === 0) builder.delivery(products.intermittent.id, day, 2);
    if (random.next() < 0.05)
      builder.delivery(products.lumpy.id, day, Math.round(1 + random.next() * 8));
    if (offset < 200 && offset % 5 === 0) builder.delivery(products.dead.id, day, 3);
    if (offset % 3 === 0) {
      builder.move({
        product: products.componentA.id,
        from: ids.stock,
        to: ids.production,
        day,
        quantity: 2,
      });
      builder.move({
        product: products.componentB.id,
        from: ids.stock,
        to: ids.production,
        day,
        quantity: 2,
      });
      builder.delivery(products.finished.id, day, 1);
    }
    if (offset % 4 === 0) builder.delivery(products.packed.id, day, 5, ids.pack6);
    if (offset % 2 === 0) builder.delivery(products.grams.id, day, 250, ids.gram);
    if (offset % 6 === 0) builder.delivery(products.locked.id, day, 1);
    if (offset % 7 === 0) builder.delivery(products.bought.id, day, 3 + (offset % 5));
    if (options.secondWarehouse && ids.stock2 !== undefined && offset % 2 === 0) {
      builder.delivery(products.smooth.id, day, 8, undefined, ids.stock2);
    }
  }
  // Receipts: the reliable vendor on time; the stretching vendor later and later.
  for (let order = 0; order < 16; order++) {
    const orderedOn = dayAfter(firstDay, 20 + order * 42);
    builder.receipt({
      product: products.bought.id,
      vendor: reliable,
      orderedOn,
      promisedOn: dayAfter(orderedOn, 10),
      receivedOn: dayAfter(orderedOn, 9 + (order % 3)),
      quantity: 40,
    });
    builder.receipt({
      product: products.componentA.id,
      vendor: stretching,
      orderedOn,
      promisedOn: dayAfter(orderedOn, 20),
      receivedOn: dayAfter(orderedOn, 18 + order * 2),
      quantity: 60,
    });
  }
  // Customer returns net out; the rest is not demand.
  builder.move({
    product: products.smooth.id,
    from: ids.customer,
    to: ids.stock,
    day: dayAfter(lastDay, -3),
    quantity: 15,
  });
  builder.move({
    product: products.smooth.id,
    from: ids.adjustment,
    to: ids.stock,
    day: dayAfter(lastDay, -40),
    quantity: 500,
    isInventory: true,
  });
  builder.move({
    product: products.smooth.id,
    from: ids.stock,
    to: ids.output,
    day: dayAfter(lastDay, -2),
    quantity: 70,
  });
  builder.move({
    product: products.erratic.id,
    from: ids.stock,
    to: ids.scrap,
    day: dayAfter(lastDay, -5),
    quantity: 9,
  });
  builder.move({
    product: products.smooth.id,
    from: ids.stock,
    to: ids.customer,
    day: dayAfter(lastDay, -1),
    quantity: 999,
    state: "cancel",
  });
  builder.move({
    product: products.erratic.id,
    from: ids.stock,
    to: ids.customer,
    day: dayAfter(lastDay, -6),
    quantity: 2,
    uom: ids.hours,
  });
  builder.delivery(products.service.id, dayAfter(lastDay, -6), 1);
  builder.delivery(products.untracked.id, dayAfter(lastDay, -6), 4);

  builder.quant(products.smooth.id, 400);
  builder.quant(products.erratic.id, 30);
  builder.quant(products.intermittent.id, 4);
  builder.quant(products.lumpy.id, 0);
  builder.quant(products.dead.id, 60);
  builder.quant(products.componentA.id, 80);
  builder.quant(products.bought.id, 25);
  builder.quant(products.packed.id, 200);
  builder.quant(products.grams.id, 12.5);
  builder.orderpoint(products.smooth.id, 100, 300);
  builder.orderpoint(products.dead.id, 10, 40);
  builder.orderpoint(products.packed.id, 60, 120, ids.stock, ids.pack6);
  return { builder, products, lastDay, vendors: { reliable, stretching } };
}
