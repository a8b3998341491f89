/**
 * `seedOdoo` against the fake Odoo inventory (`seedFakeOdoo.ts`), over both transports: what it
 * creates, that the documents it finishes are back-dated, that stock balances to the plant's,
 * that re-runs and interrupted runs end with exactly one copy of everything, and that it refuses
 * a database seeded with another plant.
 */
import { afterEach, describe, expect, it } from "vitest";
import {
  connectOdoo,
  type OdooClient,
  OdooConnectionError,
  type TransportKind,
} from "../../connector/odoo/index.js";
import {
  SEED_MARKER_KEY,
  SEED_PHASES,
  SeedConflictError,
  type SeedOptions,
  type SeedReport,
  seedOdoo,
} from "../../connector/seed/index.js";
import { demandMoves } from "../../connector/seed/moves.js";
import { productUnits } from "../../connector/seed/units.js";
import {
  DEMAND_EVENT_KINDS,
  generatePlant,
  isoDay,
  type Plant,
} from "../../connector/sources/demo/index.js";
import { fakeConfig } from "../support/fakeConnection.js";
import { type FakeOdoo, startFakeOdoo } from "../support/fakeOdoo.js";
import type { FakeStore } from "../support/fakeStore.js";
import { fakeInventory } from "./seedFakeOdoo.js";

/** Small, but with BoMs, returns, open orders, a kg item and pack items. */
const plant = generatePlant({ seed: 23, productCount: 60, months: 8, startDate: "2024-01-01" });
const BATCH = 50;
const DAY_MS = 86_400_000;
const INTERNAL = new Set([3, 6]); // Stock, and the Overflow shelf the seeder creates

const servers: FakeOdoo[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

/** A fake server on `store` (closed after the test) and a client of it. */
async function connectTo(
  store: FakeStore,
  transport: TransportKind = "json2",
): Promise<{ fake: FakeOdoo; odoo: OdooClient }> {
  const fake = await startFakeOdoo({ store });
  servers.push(fake);
  return { fake, odoo: await connectOdoo(fakeConfig(fake, transport)) };
}

async function seedInto(
  store: FakeStore,
  transport: TransportKind = "json2",
  options: SeedOptions = {},
  seeded: Plant = plant,
): Promise<{ fake: FakeOdoo; report: SeedReport }> {
  const { fake, odoo } = await connectTo(store, transport);
  try {
    const report = await seedOdoo(odoo, seeded, { moveBatchSize: BATCH, ...options });
    return { fake, report };
  } finally {
    odoo.close();
  }
}

const noon = (day: number) => `${isoDay(day)} 12:00:00`;
const idOf = (value: unknown) => (Array.isArray(value) ? (value[0] as number) : (value as number));

/** A move's quantity in its product's unit (uom 2 is a pack of 6, 3 is g of a kg product). */
function inProductUnit(move: Record<string, unknown>): number {
  const quantity = move.product_uom_qty as number;
  const uom = idOf(move.product_uom);
  return uom === 2 ? quantity * 6 : uom === 3 ? quantity / 1000 : quantity;
}

function doneMoves(store: FakeStore) {
  return store.records("stock.move").filter((move) => move.state === "done");
}

function seededMoves(store: FakeStore, phase: string) {
  return doneMoves(store).filter((move) => String(move.origin).startsWith(`invseg-seed/${phase}/`));
}

/** A stable picture of everything seeded, to compare two databases. */
function snapshot(store: FakeStore) {
  const models = [
    "res.partner",
    "product.template",
    "product.product",
    "product.supplierinfo",
    "mrp.bom",
    "purchase.order",
    "stock.picking",
    "stock.move",
    "stock.scrap",
  ];
  const counts = Object.fromEntries(models.map((model) => [model, store.records(model).length]));
  const moves = store
    .records("stock.move")
    .map((move) =>
      [
        idOf(move.product_id),
        move.state,
        move.date,
        move.product_uom_qty,
        idOf(move.product_uom),
        idOf(move.location_id),
        idOf(move.location_dest_id),
        move.origin,
      ].join(" "),
    )
    .sort();
  const orders = store
    .records("purchase.order")
    .map((order) => `${order.origin} ${order.state} ${order.date_approve}`)
    .sort();
  return { counts, moves, orders };
}

describe("seedOdoo into a fake Odoo", () => {
  it("has the features the assertions below rely on", () => {
    const units = productUnits(plant);
    expect(units.some((unit) => unit.unit === "kg")).toBe(true);
    expect(units.some((unit) => unit.packs)).toBe(true);
    expect(plant.purchaseOrders.some((order) => order.receiptDay === undefined)).toBe(true);
    expect(demandMoves(plant, "return").length).toBeGreaterThan(0);
  });

  it.each(["json2", "xmlrpc"] as const)(
    "loads the catalogue: products with vendors' offers (packs per pack), BoMs, units (%s)",
    async (transport) => {
      const store = fakeInventory();
      await seedInto(store, transport);
      const units = productUnits(plant);
      const products = store.records("product.template");
      expect(products.map((product) => product.default_code)).toEqual(
        plant.products.map((product) => product.sku),
      );
      expect(products.every((product) => product.type === "consu" && product.is_storable)).toBe(
        true,
      );
      plant.products.forEach((product, index) => {
        const template = products[index] as Record<string, unknown>;
        expect(template.standard_price).toBe(product.unitCost);
        expect(idOf(template.uom_id)).toBe(units[index]?.unit === "kg" ? 4 : 1);
      });
      expect(store.records("res.partner").map((partner) => partner.ref)).toEqual(
        plant.vendors.map((vendor) => vendor.code),
      );
      const offers = store.records("product.supplierinfo");
      expect(offers).toHaveLength(plant.supplierInfos.length);
      const packed = offers.filter((offer) => idOf(offer.product_uom_id) === 2);
      expect(packed.length).toBeGreaterThan(0);
      for (const offer of packed) {
        const template = products.find((product) => product.id === idOf(offer.product_tmpl_id));
        const info = plant.supplierInfos.find(
          (candidate) =>
            candidate.sku === template?.default_code && candidate.sequence === offer.sequence,
        );
        expect((offer.min_qty as number) * 6).toBe(info?.minQty);
        expect(offer.price).toBeCloseTo((info?.price ?? 0) * 6, 2);
      }
      const boms = store.records("mrp.bom");
      expect(boms).toHaveLength(plant.boms.length);
      expect(boms.flatMap((bom) => bom.bom_line_ids as unknown[])).toHaveLength(
        plant.boms.reduce((sum, bom) => sum + bom.lines.length, 0),
      );
    },
  );

  it("confirms every purchase, receives the received ones, and back-dates them: lead times are the plant's", async () => {
    const store = fakeInventory();
    const { report } = await seedInto(store);
    const orders = store.records("purchase.order");
    expect(orders).toHaveLength(plant.purchaseOrders.length);
    const moves = store.records("stock.move");
    let received = 0;
    for (const order of orders) {
      const plantOrder = plant.purchaseOrders[Number(String(order.origin).split("/")[2])];
      expect(order.state).toBe("purchase");
      expect(order.date_approve).toBe(noon(plantOrder?.approveDay ?? 0));
      const picking = store
        .records("stock.picking")
        .find((candidate) => candidate.id === (order.picking_ids as number[])[0]);
      const [move] = moves.filter((candidate) => idOf(candidate.picking_id) === picking?.id);
      expect(inProductUnit(move as Record<string, unknown>)).toBe(plantOrder?.quantity);
      if (plantOrder?.receiptDay === undefined) {
        expect(picking?.state).toBe("assigned");
        expect(move?.date).toBe(noon(plantOrder?.plannedDay ?? 0));
        continue;
      }
      received++;
      expect(picking?.state).toBe("done");
      expect(picking?.date_done).toBe(noon(plantOrder.receiptDay));
      const leadTime =
        (Date.parse(`${move?.date}Z`) - Date.parse(`${order.date_approve}Z`)) / DAY_MS;
      expect(leadTime).toBe(plantOrder.receiptDay - plantOrder.approveDay);
    }
    expect(report.created["stock.picking validated"]).toBe(received);
    expect(received).toBeLessThan(orders.length);
  });

  it("records demand as done moves per product and day, in the product's unit once converted", async () => {
    const store = fakeInventory();
    await seedInto(store);
    const routes = { delivery: [3, 2], consumption: [3, 5], return: [2, 3] } as const;
    const phases = { delivery: "deliveries", consumption: "consumption", return: "returns" };
    for (const kind of DEMAND_EVENT_KINDS) {
      const moves = seededMoves(store, phases[kind]);
      expect(moves).toHaveLength(demandMoves(plant, kind).length);
      for (const move of moves) {
        expect([idOf(move.location_id), idOf(move.location_dest_id)]).toEqual(routes[kind]);
        expect(move.is_inventory ?? false).toBe(false);
        const [[, , line]] = move.move_line_ids as [[0, 0, Record<string, unknown>]];
        expect(line.date).toBe(move.date);
        expect(line.quantity).toBe(move.product_uom_qty);
      }
      // Quantities per product over the history match the plant's events.
      const expected = new Map<number, number>();
      const code = DEMAND_EVENT_KINDS.indexOf(kind);
      for (let event = 0; event < plant.demand.count; event++) {
        if (plant.demand.kind[event] !== code) continue;
        const product = plant.demand.product[event] as number;
        expected.set(
          product,
          (expected.get(product) ?? 0) + (plant.demand.quantity[event] as number),
        );
      }
      const actual = new Map<number, number>();
      for (const move of moves) {
        const product = idOf(move.product_id) - 1; // variants were created in plant order
        actual.set(product, (actual.get(product) ?? 0) + inProductUnit(move));
      }
      expect(actual).toEqual(expected);
    }
    const grams = seededMoves(store, "consumption").filter((move) => idOf(move.product_uom) === 3);
    const packs = seededMoves(store, "deliveries").filter((move) => idOf(move.product_uom) === 2);
    expect(grams.length).toBeGreaterThan(0);
    expect(packs.length).toBeGreaterThan(0);
  });

  it("links each return to an earlier delivery of the same product", async () => {
    const store = fakeInventory();
    await seedInto(store);
    const moves = new Map(store.records("stock.move").map((move) => [move.id, move]));
    for (const ret of seededMoves(store, "returns")) {
      const delivery = moves.get(idOf(ret.origin_returned_move_id));
      expect(String(delivery?.origin)).toMatch(/^invseg-seed\/deliveries\//);
      expect(idOf(delivery?.product_id)).toBe(idOf(ret.product_id));
      expect(String(delivery?.date) < String(ret.date)).toBe(true);
    }
  });

  it("dates every seeded move inside the history, and ends with the plant's stock on hand", async () => {
    const store = fakeInventory();
    await seedInto(store);
    const first = noon(plant.startDay - 1);
    const last = noon(plant.endDay);
    const balance = new Map<number, number>();
    for (const move of doneMoves(store)) {
      expect(String(move.date) >= first && String(move.date) <= last).toBe(true);
      const product = idOf(move.product_id) - 1;
      const quantity = inProductUnit(move);
      if (INTERNAL.has(idOf(move.location_dest_id)))
        balance.set(product, (balance.get(product) ?? 0) + quantity);
      if (INTERNAL.has(idOf(move.location_id)))
        balance.set(product, (balance.get(product) ?? 0) - quantity);
    }
    plant.products.forEach((product, index) => {
      expect(balance.get(index) ?? 0, product.sku).toBeCloseTo(product.onHand, 6);
    });
    // Non-demand: transfers to the shelf and back, count corrections, scraps.
    const other = seededMoves(store, "other-moves");
    expect(other.filter((move) => idOf(move.location_dest_id) === 6)).toHaveLength(5);
    expect(other.filter((move) => move.is_inventory)).toHaveLength(6);
    const scraps = store.records("stock.scrap");
    expect(scraps).toHaveLength(3);
    for (const scrap of scraps) {
      expect(scrap.state).toBe("done");
      expect(String(scrap.date_done) < last).toBe(true);
      const [move] = store
        .records("stock.move")
        .filter((m) => m.id === (scrap.move_ids as number[])[0]);
      expect(move?.date).toBe(scrap.date_done);
    }
  });

  it("records the seed and the finished phases in a system parameter, and reports per phase", async () => {
    const store = fakeInventory();
    const { report } = await seedInto(store, "json2", { scale: "tiny" });
    const [parameter] = store
      .records("ir.config_parameter")
      .filter((p) => p.key === SEED_MARKER_KEY);
    const marker = JSON.parse(String(parameter?.value));
    expect(marker).toMatchObject({
      seed: 23,
      scale: "tiny",
      products: 60,
      startDate: "2024-01-01",
      endDate: isoDay(plant.endDay),
      moveBatchSize: BATCH,
    });
    expect(Object.keys(marker.phases)).toEqual([...SEED_PHASES]);
    expect(marker.completedAt).toEqual(expect.any(String));
    expect(report.phases.map((phase) => phase.phase)).toEqual([...SEED_PHASES]);
    expect(report.phases.every((phase) => phase.status === "seeded")).toBe(true);
    expect(report.created["stock.move"]).toBe(
      // Scrap moves are made by validating the scraps, not created by the seeder.
      store
        .records("stock.move")
        .filter((move) => /^invseg-seed\/(?!scrap)/.test(String(move.origin))).length,
    );
    expect(report.resumed).toBe(false);
  });

  it("creates nothing on a re-run", async () => {
    const store = fakeInventory();
    const { fake } = await seedInto(store);
    const before = snapshot(store);
    const callsBefore = fake.calls.length;
    const { report } = await seedInto(store, "xmlrpc");
    expect(snapshot(store)).toEqual(before);
    expect(report.resumed).toBe(true);
    expect(report.created).toEqual({});
    expect(report.phases.every((phase) => phase.status === "already done")).toBe(true);
    expect(fake.calls.length).toBe(callsBefore); // the first server saw nothing more
  });

  it("resumes a run cut off after a batch of moves committed, without duplicates", async () => {
    const reference = fakeInventory();
    await seedInto(reference);

    const store = fakeInventory();
    const { fake, odoo } = await connectTo(store);
    let armed = false;
    const cut = seedOdoo(odoo, plant, {
      moveBatchSize: BATCH,
      onProgress: (phase, done) => {
        if (phase === "deliveries" && done >= 2 * BATCH && !armed) {
          armed = true;
          // The next batch commits, but the answer never arrives.
          fake.injectFault(
            { kind: "destroy-socket", when: "after" },
            { match: { model: "stock.move", method: "create" } },
          );
        }
      },
    });
    await expect(cut).rejects.toBeInstanceOf(OdooConnectionError);
    odoo.close();
    const marker = JSON.parse(
      String(store.records("ir.config_parameter").find((p) => p.key === SEED_MARKER_KEY)?.value),
    );
    expect(Object.keys(marker.phases)).not.toContain("deliveries");
    expect(seededMoves(store, "deliveries")).toHaveLength(3 * BATCH);

    const { report } = await seedInto(store);
    expect(report.resumed).toBe(true);
    expect(snapshot(store)).toEqual(snapshot(reference));
  });

  it("resumes a run cut off while validating receipts", async () => {
    const reference = fakeInventory();
    await seedInto(reference);

    const store = fakeInventory();
    const { fake, odoo } = await connectTo(store);
    fake.injectFault(
      { kind: "destroy-socket", when: "after" },
      { match: { model: "stock.picking", method: "button_validate" } },
    );
    await expect(seedOdoo(odoo, plant, { moveBatchSize: BATCH })).rejects.toBeInstanceOf(
      OdooConnectionError,
    );
    odoo.close();
    // Validated, but not yet back-dated.
    expect(store.records("stock.picking").some((p) => p.date_done === "2026-11-25 08:00:00")).toBe(
      true,
    );

    await seedInto(store);
    expect(snapshot(store)).toEqual(snapshot(reference));
  });

  it("refuses to start while another run works on the database, and takes over a lapsed claim", async () => {
    const store = fakeInventory();
    const { fake, odoo: first } = await connectTo(store);
    const second = await connectOdoo(fakeConfig(fake, "json2"));
    let refusal: Promise<unknown> | undefined;
    await seedOdoo(first, plant, {
      moveBatchSize: BATCH,
      onPhase: (phase) => {
        if (phase !== "purchases") return;
        refusal = seedOdoo(second, plant, { moveBatchSize: BATCH });
        refusal.catch(() => undefined); // awaited below
      },
    });
    await expect(refusal).rejects.toThrow(/another seed-odoo run is working on this database/);
    // A run killed without releasing its claim: fresh, it blocks; five minutes stale, it lapses.
    const [parameter] = store.search("ir.config_parameter", [["key", "=", SEED_MARKER_KEY]]);
    const marker = () =>
      JSON.parse(String(store.records("ir.config_parameter")[0]?.value)) as Record<string, unknown>;
    expect(marker().run).toBeUndefined();
    const claim = (heartbeat: string) =>
      store.write("ir.config_parameter", [parameter as number], {
        value: JSON.stringify({ ...marker(), run: { id: "dead", heartbeat } }),
      });
    claim(new Date().toISOString());
    await expect(seedOdoo(second, plant, { moveBatchSize: BATCH })).rejects.toBeInstanceOf(
      SeedConflictError,
    );
    claim(new Date(Date.now() - 6 * 60_000).toISOString());
    const report = await seedOdoo(second, plant, { moveBatchSize: BATCH });
    expect(report.created).toEqual({});
    first.close();
    second.close();
  });

  it("stops at a batch boundary when aborted, releases its claim, and resumes", async () => {
    const reference = fakeInventory();
    await seedInto(reference);

    const store = fakeInventory();
    const { odoo } = await connectTo(store);
    const controller = new AbortController();
    const reason = new Error("stop requested");
    const run = seedOdoo(odoo, plant, {
      moveBatchSize: BATCH,
      signal: controller.signal,
      onProgress: (phase, done) => {
        if (phase === "deliveries" && done >= 2 * BATCH) controller.abort(reason);
      },
    });
    await expect(run).rejects.toBe(reason);
    odoo.close();
    expect(seededMoves(store, "deliveries")).toHaveLength(3 * BATCH);
    const marker = JSON.parse(String(store.records("ir.config_parameter")[0]?.value));
    expect(marker.run).toBeUndefined();
    expect(Object.keys(marker.phases)).not.toContain("deliveries");

    await seedInto(store);
    expect(snapshot(store)).toEqual(snapshot(reference));
  });

  it("refuses a database that holds another plant, before writing anything", async () => {
    const store = fakeInventory();
    await seedInto(store);
    const other = generatePlant({ seed: 24, productCount: 60, months: 8, startDate: "2024-01-01" });
    const { fake, odoo } = await connectTo(store);
    const refusal = seedOdoo(odoo, other, { moveBatchSize: BATCH });
    await expect(refusal).rejects.toBeInstanceOf(SeedConflictError);
    await expect(refusal).rejects.toThrow(
      /seed 23, scale custom .* asked for the demo plant seed 24/,
    );
    odoo.close();
    expect(
      fake.calls.filter((call) => ["create", "write", "set_param"].includes(call.method)),
    ).toEqual([]);
  });

  it("refuses the same seed from another version of the generator", async () => {
    const store = fakeInventory();
    await seedInto(store);
    const changed: Plant = { ...plant, purchaseOrders: plant.purchaseOrders.slice(1) };
    const { odoo } = await connectTo(store);
    await expect(seedOdoo(odoo, changed, { moveBatchSize: BATCH })).rejects.toThrow(
      /another version of the demo plant generator/,
    );
    odoo.close();
  });

  it("seeds without mrp: no BoMs, production consumption still recorded", async () => {
    const store = fakeInventory({ mrp: false });
    const { fake, report } = await seedInto(store);
    expect(report.mrp).toBe(false);
    expect(fake.calls.some((call) => call.model === "mrp.bom")).toBe(false);
    expect(seededMoves(store, "consumption")).toHaveLength(
      demandMoves(plant, "consumption").length,
    );
    expect(
      store
        .records("product.template")
        .every(
          (p) =>
            !p.route_ids ||
            (p.route_ids as unknown[]).length === 0 ||
            JSON.stringify(p.route_ids).includes("9"),
        ),
    ).toBe(true);
  });
});
