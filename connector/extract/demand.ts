/**
 * Demand, as DESIGN.md "Methods" defines it: the done quantity leaving internal locations for
 * customer or production locations, net of customer returns (customer → internal), in the product's
 * unit. Inventory adjustments, internal transfers (internal → internal) and scrap (to an
 * `inventory` location) are not demand, and neither is a dropship (supplier → customer).
 *
 * Odoo aggregates on the server: `formatted_read_group` by product, move unit and both locations,
 * with each group's done `quantity` and `date` as arrays (`array_agg`, which Odoo orders by move
 * id, so the two arrays line up). A product moves in several units, so quantities are converted
 * per unit group with the 19.0 factors, from the done `quantity` (never the demanded
 * `product_uom_qty`), and summed per UTC day here. Grouping by `date:day` on the server would
 * return one group per move where a product moves at most once a day (the medium demo plant:
 * 236,642 groups for 237,719 moves, slower than reading the moves); the arrays carry the same
 * facts in a tenth of the time. Paged `search_read` of the moves gives the same rows: it is the
 * fallback for servers that refuse the grouped call, and the benchmark's reference.
 */
import { z } from "zod";
import {
  type Domain,
  domainAnd,
  domainOr,
  isOdooError,
  type OdooClient,
  type OdooGroup,
} from "../odoo/index.js";
import type { HistoryWindow } from "./history-window.js";
import { datetime, dayOf, finite, recordId, requiredMany2one } from "./odoo-values.js";
import type { ProductFacts } from "./products.js";
import { type IssueLog, parseRecords } from "./record-issues.js";
import type { CompanyScope } from "./scope.js";
import { UnitMismatchError, type UnitTable } from "./units.js";

/** One day's net demand of a product at one warehouse (0: internal locations under no warehouse). */
export type DemandEntry = readonly [warehouseId: number, day: string, quantity: number];

/** How demand is read: aggregated by Odoo, or move by move. */
export type DemandReadMode = "grouped" | "moves";

export interface DemandReadOptions {
  readonly mode?: DemandReadMode;
  /** Most moves one grouped call may aggregate (bounds a response; default 50,000). */
  readonly movesPerCall?: number;
  /** Most products in one call's domain (default 1,000). */
  readonly productsPerCall?: number;
  /** Called after each chunk with products done and in all. */
  readonly onProgress?: (done: number, total: number) => void;
}

export interface DemandRead {
  /** By product id: entries sorted by day then warehouse. Products without demand are absent. */
  readonly demand: Map<number, DemandEntry[]>;
  /** The mode actually used (the grouped call falls back to moves when the server refuses it). */
  readonly mode: DemandReadMode;
  /** Moves aggregated, for reports and benchmarks. */
  readonly moveCount: number;
}

const DEMAND_LOCATIONS = ["customer", "production"];

/** The done moves that count as demand or as a customer return, in the window. */
function demandDomain(window: HistoryWindow, productIds: readonly number[]): Domain {
  return domainAnd(
    [
      ["state", "=", "done"],
      ["is_inventory", "=", false],
      ["date", ">=", window.fromDatetime],
      ["date", "<", window.untilDatetime],
      ["product_id", "in", [...productIds]],
    ],
    domainOr(
      [
        ["location_usage", "=", "internal"],
        ["location_dest_usage", "in", DEMAND_LOCATIONS],
      ],
      [
        ["location_usage", "=", "customer"],
        ["location_dest_usage", "=", "internal"],
      ],
    ),
  );
}

const GROUP_BY = ["product_id", "product_uom", "location_id", "location_dest_id"];
const AGGREGATES = ["quantity:array_agg", "date:array_agg", "__count"];

/**
 * A `stock.move` group by product, move unit and both locations, with its done quantities and
 * dates as `array_agg` arrays (lined up by move id); also read by `connector/feedback`.
 */
export const moveArraysGroupSchema = z
  .object({
    product_id: requiredMany2one,
    product_uom: requiredMany2one,
    location_id: requiredMany2one,
    location_dest_id: requiredMany2one,
    "quantity:array_agg": z.array(finite),
    "date:array_agg": z.array(datetime),
  })
  .refine((group) => group["quantity:array_agg"].length === group["date:array_agg"].length, {
    message: "quantity and date arrays differ in length",
  });

const moveSchema = z.object({
  id: recordId,
  product_id: requiredMany2one,
  product_uom: requiredMany2one,
  location_id: requiredMany2one,
  location_dest_id: requiredMany2one,
  date: datetime,
  quantity: finite,
});

/** One aggregated row before unit conversion. */
interface RawDemand {
  readonly productId: number;
  readonly unitId: number;
  readonly fromLocationId: number;
  readonly toLocationId: number;
  readonly day: string;
  readonly quantity: number;
  readonly moves: number;
}

/**
 * Reads the demand of `products` over the window.
 * @param products the products to read (their unit is the target of the conversion).
 */
export async function readDemand(
  odoo: OdooClient,
  scope: CompanyScope,
  window: HistoryWindow,
  units: UnitTable,
  products: readonly ProductFacts[],
  log: IssueLog,
  options: DemandReadOptions = {},
): Promise<DemandRead> {
  const productById = new Map(products.map((product) => [product.id, product]));
  const accumulator = new DemandAccumulator(scope, units, productById, log);
  let mode = options.mode ?? "grouped";
  const ids = products.map((product) => product.id);
  if (mode === "grouped") {
    try {
      await readGrouped(odoo, scope, window, ids, accumulator, options);
    } catch (error) {
      // Only a server that does not offer the grouped read gets the slow path; other errors stop.
      if (!isOdooError(error) || (error.code !== "not_found" && error.code !== "access"))
        throw error;
      log.add(
        "stock.move",
        0,
        `formatted_read_group refused (${error.message}); read move by move`,
      );
      accumulator.reset();
      mode = "moves";
    }
  }
  if (mode === "moves") await readMoves(odoo, scope, window, ids, accumulator, log, options);
  return { demand: accumulator.result(), mode, moveCount: accumulator.moveCount };
}

async function readGrouped(
  odoo: OdooClient,
  scope: CompanyScope,
  window: HistoryWindow,
  productIds: readonly number[],
  accumulator: DemandAccumulator,
  options: DemandReadOptions,
): Promise<void> {
  if (productIds.length === 0) return;
  // Moves per product first, so that each grouped call stays within a bounded size.
  const counts = await odoo.formattedReadGroup(
    "stock.move",
    demandDomain(window, productIds),
    ["product_id"],
    ["__count"],
    { context: scope.context },
  );
  const moveCounts = new Map<number, number>();
  for (const group of counts) {
    const id = Array.isArray(group.product_id) ? group.product_id[0] : undefined;
    if (typeof id === "number" && typeof group.__count === "number")
      moveCounts.set(id, group.__count);
  }
  const chunks = packChunks(
    productIds.filter((id) => moveCounts.has(id)),
    moveCounts,
    options.movesPerCall ?? 50_000,
    options.productsPerCall ?? 1_000,
  );
  let done = 0;
  await Promise.all(
    chunks.map(async (chunk) => {
      const groups = await odoo.formattedReadGroup(
        "stock.move",
        demandDomain(window, chunk),
        GROUP_BY,
        AGGREGATES,
        { context: scope.context },
      );
      for (const group of groups) accumulator.addGroup(group);
      done += chunk.length;
      options.onProgress?.(done, productIds.length);
    }),
  );
}

async function readMoves(
  odoo: OdooClient,
  scope: CompanyScope,
  window: HistoryWindow,
  productIds: readonly number[],
  accumulator: DemandAccumulator,
  log: IssueLog,
  options: DemandReadOptions,
): Promise<void> {
  const size = options.productsPerCall ?? 1_000;
  let done = 0;
  for (let start = 0; start < productIds.length; start += size) {
    const chunk = productIds.slice(start, start + size);
    for await (const page of odoo.searchReadPages("stock.move", demandDomain(window, chunk), {
      fields: ["product_id", "product_uom", "location_id", "location_dest_id", "date", "quantity"],
      context: scope.context,
    })) {
      for (const move of parseRecords("stock.move", moveSchema, page, log)) {
        accumulator.add({
          productId: move.product_id,
          unitId: move.product_uom,
          fromLocationId: move.location_id,
          toLocationId: move.location_dest_id,
          day: dayOf(move.date),
          quantity: move.quantity,
          moves: 1,
        });
      }
    }
    done += chunk.length;
    options.onProgress?.(done, productIds.length);
  }
}

/** Greedy packing of products into calls of at most `maxMoves` moves and `maxProducts` products. */
function packChunks(
  productIds: readonly number[],
  moveCounts: ReadonlyMap<number, number>,
  maxMoves: number,
  maxProducts: number,
): number[][] {
  const chunks: number[][] = [];
  let current: number[] = [];
  let moves = 0;
  for (const id of productIds) {
    const count = moveCounts.get(id) ?? 0;
    if (current.length > 0 && (moves + count > maxMoves || current.length >= maxProducts)) {
      chunks.push(current);
      current = [];
      moves = 0;
    }
    current.push(id);
    moves += count;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

/** Sums converted quantities per product, warehouse and day; reports what cannot be used. */
class DemandAccumulator {
  #cells = new Map<number, Map<string, number>>();
  #reported = new Set<string>();
  moveCount = 0;

  constructor(
    private readonly scope: CompanyScope,
    private readonly units: UnitTable,
    private readonly products: ReadonlyMap<number, ProductFacts>,
    private readonly log: IssueLog,
  ) {}

  reset(): void {
    this.#cells = new Map();
    this.moveCount = 0;
  }

  addGroup(group: OdooGroup): void {
    const parsed = moveArraysGroupSchema.safeParse(group);
    if (!parsed.success) {
      this.log.add("stock.move", 0, `unreadable group ${JSON.stringify(group).slice(0, 200)}`);
      return;
    }
    const row = parsed.data;
    const dates = row["date:array_agg"];
    row["quantity:array_agg"].forEach((quantity, index) => {
      this.add({
        productId: row.product_id,
        unitId: row.product_uom,
        fromLocationId: row.location_id,
        toLocationId: row.location_dest_id,
        day: dayOf(dates[index] as string),
        quantity,
        moves: 1,
      });
    });
  }

  add(raw: RawDemand): void {
    const product = this.products.get(raw.productId);
    if (!product) return;
    // Outgoing: counted at the warehouse it left; a return: at the warehouse it came back to.
    const outgoing = this.scope.warehouseOfLocation.get(raw.fromLocationId);
    const returned = this.scope.warehouseOfLocation.get(raw.toLocationId);
    const warehouseId = outgoing ?? returned;
    if (warehouseId === undefined) return; // neither end is one of the company's internal locations
    let quantity: number;
    try {
      quantity = this.units.convert(raw.quantity, raw.unitId, product.uomId);
    } catch (error) {
      if (!(error instanceof UnitMismatchError)) throw error;
      const key = `${raw.productId}:${raw.unitId}`;
      if (!this.#reported.has(key)) {
        this.#reported.add(key);
        this.log.add(
          "product.product",
          raw.productId,
          `done moves left out of demand: ${error.message}`,
        );
      }
      return;
    }
    const sign = outgoing !== undefined ? 1 : -1;
    let cells = this.#cells.get(raw.productId);
    if (!cells) {
      cells = new Map();
      this.#cells.set(raw.productId, cells);
    }
    const key = `${raw.day}|${warehouseId}`;
    cells.set(key, (cells.get(key) ?? 0) + sign * quantity);
    this.moveCount += raw.moves;
  }

  result(): Map<number, DemandEntry[]> {
    const demand = new Map<number, DemandEntry[]>();
    for (const [productId, cells] of this.#cells) {
      const entries: DemandEntry[] = [...cells].map(([key, quantity]) => {
        const [day = "", warehouse = "0"] = key.split("|");
        return [Number(warehouse), day, quantity] as const;
      });
      entries.sort((a, b) => (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : a[0] - b[0]));
      demand.set(productId, entries);
    }
    return demand;
  }
}
