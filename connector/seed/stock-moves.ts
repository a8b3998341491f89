/**
 * Loading move specs into Odoo as resumable batches of done moves, and the two phases that need
 * more than moves: customer returns (linked to the delivery they come back from, as Odoo's return
 * wizard links them) and scraps (real `stock.scrap` documents, validated, then back-dated).
 */
import type { OdooClient } from "../odoo/index.js";
import { SeedIntegrityError } from "./errors.js";
import { type MoveContext, type MoveSpec, moveVals } from "./moves.js";
import type { NonDemandEvent } from "./non-demand.js";
import {
  createOriginBatches,
  pushTo,
  QUIET_CONTEXT,
  SEED_ORIGIN,
  writeByValue,
} from "./odoo-batches.js";
import { idOf } from "./odoo-setup.js";
import { odooNoon } from "./plant-window.js";
import { movedQuantity, type ProductUnits } from "./units.js";

export interface MovePhaseRun {
  readonly odoo: OdooClient;
  readonly phase: string;
  readonly batchSize: number;
  readonly context: MoveContext;
  readonly onProgress: (done: number, total: number) => void;
}

/** Creates the moves of a phase batch by batch, skipping the batches already there. */
export async function seedMoves(
  run: MovePhaseRun,
  specs: readonly MoveSpec[],
  returnOf?: (spec: MoveSpec) => number | undefined,
): Promise<Record<string, number>> {
  const { created } = await createOriginBatches(
    { ...run, model: "stock.move" },
    specs.length,
    (start, end, origin) =>
      specs.slice(start, end).map((spec) => moveVals(spec, run.context, origin, returnOf?.(spec))),
  );
  return { "stock.move": created };
}

/** Days between a delivery and the earliest return of it (the plant's rule). */
const RETURN_AFTER_DAYS = 5;

/**
 * For each return, the seeded delivery it comes back from: the product's latest delivery at least
 * five days earlier. One read of those products' seeded deliveries.
 */
export async function deliveriesReturned(
  odoo: OdooClient,
  deliveries: readonly MoveSpec[],
  returns: readonly MoveSpec[],
  context: MoveContext,
): Promise<(spec: MoveSpec) => number | undefined> {
  const products = [...new Set(returns.map((spec) => spec.product))];
  const deliveryDays = new Map<number, number[]>();
  for (const spec of deliveries) pushTo(deliveryDays, spec.product, spec.day);
  const moveIds = new Map<string, number>();
  const productIds = products.map((product) => context.productIds[product] as number);
  for (let start = 0; start < productIds.length; start += 500) {
    const moves = await odoo.searchRead(
      "stock.move",
      [
        ["origin", "=like", `${SEED_ORIGIN}/deliveries/%`],
        ["product_id", "in", productIds.slice(start, start + 500)],
      ],
      { fields: ["product_id", "date"] },
    );
    for (const move of moves) moveIds.set(`${idOf(move.product_id)} ${move.date}`, move.id);
  }
  return (spec) => {
    const days = deliveryDays.get(spec.product) ?? [];
    let latest: number | undefined;
    for (const day of days) if (day <= spec.day - RETURN_AFTER_DAYS) latest = day;
    if (latest === undefined) return undefined;
    return moveIds.get(`${context.productIds[spec.product]} ${odooNoon(latest)}`);
  };
}

/**
 * Scraps as Odoo documents (`stock.scrap`, found again by `origin` = `invseg-seed/scrap/<n>`):
 * created, validated one by one (`action_validate` works on one record), then back-dated.
 */
export async function seedScraps(
  odoo: OdooClient,
  scraps: readonly NonDemandEvent[],
  context: MoveContext,
): Promise<Record<string, number>> {
  const prefix = `${SEED_ORIGIN}/scrap/`;
  const find = () =>
    odoo.searchRead("stock.scrap", [["origin", "=like", `${prefix}%`]], {
      fields: ["origin", "state", "move_ids"],
    });
  const existing = new Set((await find()).map((scrap) => String(scrap.origin)));
  const missing = scraps.flatMap((scrap, position) =>
    existing.has(`${prefix}${position}`) ? [] : [{ scrap, position }],
  );
  await odoo.create(
    "stock.scrap",
    missing.map(({ scrap, position }) => {
      const moved = movedQuantity(
        context.units[scrap.product] as ProductUnits,
        "other",
        scrap.quantity,
      );
      return {
        product_id: context.productIds[scrap.product] as number,
        scrap_qty: moved.quantity,
        product_uom_id: context.setup.uoms[moved.uom],
        location_id: context.setup.locations.stock,
        origin: `${prefix}${position}`,
      };
    }),
    { context: QUIET_CONTEXT },
  );
  for (const scrap of await find()) {
    if (scrap.state === "done") continue;
    await odoo.call("stock.scrap", "action_validate", { ids: [scrap.id], context: QUIET_CONTEXT });
  }
  const scrapsByDay = new Map<string, number[]>();
  const movesByDay = new Map<string, number[]>();
  for (const scrap of await find()) {
    const position = Number(String(scrap.origin).slice(prefix.length));
    const event = scraps[position];
    if (scrap.state !== "done" || event === undefined) {
      throw new SeedIntegrityError(
        `scrap ${scrap.id} (${String(scrap.origin)}) is ${String(scrap.state)}, not done: is there stock to scrap?`,
      );
    }
    pushTo(scrapsByDay, odooNoon(event.day), scrap.id);
    for (const move of scrap.move_ids as number[]) pushTo(movesByDay, odooNoon(event.day), move);
  }
  await writeByValue(odoo, "stock.scrap", "date_done", scrapsByDay);
  await writeByValue(odoo, "stock.move", "date", movesByDay);
  return { "stock.scrap": missing.length };
}
