import { parsePeriod } from "../../../analytics/periods.js";
import { createRandom, type Random } from "../../../analytics/random.js";
import { buildCatalog, type CatalogProduct } from "./catalog.js";
import { drawProfile, fillWeeklyDemand } from "./demand-profiles.js";
import { DemandEventLog } from "./event-log.js";
import type {
  Bom,
  DemandEvents,
  LeadTimeShift,
  Plant,
  PlantProduct,
  ProductionOrder,
  PurchaseOrder,
  SupplierInfo,
} from "./plant.js";
import { type Purchase, produceInLots, purchaseOnReview, type WeekGrid } from "./replenishment.js";

/** Options of {@link generatePlant}; every one has a default. */
export interface PlantOptions {
  /** Equal seeds give identical plants. Default 42. */
  readonly seed?: number;
  /** Products in all: ~20 % finished goods, ~10 % sub-assemblies, the rest components. Default 400. */
  readonly productCount?: number;
  /** Length of the history in calendar months. Default 24. */
  readonly months?: number;
  /** First day of the history, `YYYY-MM-DD`. Default `2023-01-01`. */
  readonly startDate?: string;
  /** Vendors. Default one per 20 products, at least 5. */
  readonly vendorCount?: number;
  /** The first vendor's lead time jumps halfway through the history. Default 12 → 27 days. */
  readonly leadTimeShift?: { readonly beforeDays: number; readonly afterDays: number };
}

/** The product counts of `invseg seed-odoo --scale`. */
export const PLANT_SCALES = { small: 200, medium: 5_000, large: 50_000 } as const;

const DELIVERY = 0;
const CONSUMPTION = 1;
const RETURN = 2;
const RETURN_CHANCE = 0.01;
const DAY_MS = 86_400_000;

/**
 * Generates a deterministic demo plant: a catalogue with BoMs (finished goods → sub-assemblies →
 * components), vendors with lead-time distributions (one whose lead time jumps mid-history),
 * two years of daily demand covering smooth, erratic, intermittent and lumpy items plus seasonal,
 * trending, new and dead ones, the production lots and purchase orders that served it, and stock.
 * Linear in the number of products; 50,000 products take a few seconds and well under 1 GB.
 * @throws {RangeError} on options out of range.
 * @example
 * const plant = generatePlant({ seed: 7, productCount: 200 });
 * plant.products.length; // 200
 */
export function generatePlant(options: PlantOptions = {}): Plant {
  const seed = options.seed ?? 42;
  const productCount = options.productCount ?? 400;
  const months = options.months ?? 24;
  const startDate = options.startDate ?? "2023-01-01";
  const vendorCount = options.vendorCount ?? Math.max(5, Math.round(productCount / 20));
  const shiftDays = options.leadTimeShift ?? { beforeDays: 12, afterDays: 27 };
  checkOptions(productCount, months, vendorCount, startDate);

  const startDay = parsePeriod(startDate).ordinal;
  const endDay = addMonths(startDay, months) - 1;
  const grid = weekGrid(startDay, endDay);
  const weeks = grid.starts.length;
  const catalog = buildCatalog(
    { productCount, vendorCount, shift: shiftDays },
    createRandom(mix(seed, 0, 0)),
  );
  const { products, vendors, supplierInfos, vendorIndex } = catalog;
  const leadTimeShift: LeadTimeShift = {
    vendorCode: (vendors[0] as { code: string }).code,
    day: startDay + Math.floor((endDay - startDay) / 2),
    ...shiftDays,
  };

  // Gross weekly demand per product (deliveries + consumption), which drives replenishment.
  const weekly = new Float64Array(productCount * weeks);
  const rowOf = (product: number) => weekly.subarray(product * weeks, (product + 1) * weeks);
  const log = new DemandEventLog();
  const openingStock = new Float64Array(productCount);

  products.forEach((product, index) => {
    if (product.profile === "dependent") return;
    const random = createRandom(mix(seed, index, 1));
    const parameters = drawProfile(product.profile, product.typicalSize, weeks, random);
    const row = rowOf(index);
    fillWeeklyDemand(parameters, random, row);
    logDeliveries(index, row, grid, random, log);
  });

  const productionOrders: ProductionOrder[] = [];
  products.forEach((product, index) => {
    if (product.kind === "component") return;
    const random = createRandom(mix(seed, index, 2));
    openingStock[index] = produceInLots(rowOf(index), grid, random, (week, day, quantity) => {
      productionOrders.push({ sku: product.sku, quantity, day });
      for (const line of product.lines) {
        const consumed = quantity * line.quantity;
        log.add(day, line.child, consumed, CONSUMPTION);
        weekly[line.child * weeks + week] =
          (weekly[line.child * weeks + week] as number) + consumed;
      }
    });
  });

  const purchaseOrders: PurchaseOrder[] = [];
  products.forEach((product, index) => {
    if (product.kind !== "component") return;
    const random = createRandom(mix(seed, index, 3));
    const offers = product.offers.map((offer) => supplierInfos[offer] as SupplierInfo);
    const vendorOf = (offer: SupplierInfo) => vendors[vendorIndex.get(offer.vendorCode) as number];
    openingStock[index] = purchaseOnReview(
      product,
      rowOf(index),
      grid,
      offers,
      (offer) => vendorOf(offer) as (typeof vendors)[number],
      leadTimeShift,
      random,
      (purchase: Purchase) => purchaseOrders.push(purchaseOrder(purchase, offers)),
    );
  });

  const demand = log.sortedByDay(startDay, endDay - startDay + 1);
  productionOrders.sort((a, b) => a.day - b.day);
  purchaseOrders.sort((a, b) => a.approveDay - b.approveDay);
  const onHand = settleStock(products, demand, productionOrders, purchaseOrders, openingStock);

  return {
    seed,
    startDay,
    endDay,
    products: products.map((product, index) =>
      plantProduct(product, openingStock[index] as number, onHand[index] as number),
    ),
    vendors,
    supplierInfos,
    boms: products
      .filter((product) => product.lines.length > 0)
      .map(
        (product): Bom => ({
          sku: product.sku,
          lines: product.lines.map((line) => ({
            sku: (products[line.child] as CatalogProduct).sku,
            quantity: line.quantity,
          })),
        }),
      ),
    demand,
    productionOrders,
    purchaseOrders,
    leadTimeShift,
  };
}

function checkOptions(
  productCount: number,
  months: number,
  vendorCount: number,
  startDate: string,
) {
  if (!Number.isInteger(productCount) || productCount < 20) {
    throw new RangeError(`productCount must be an integer ≥ 20, got ${productCount}`);
  }
  if (!Number.isInteger(months) || months < 3 || months > 120) {
    throw new RangeError(`months must be an integer from 3 to 120, got ${months}`);
  }
  if (!Number.isInteger(vendorCount) || vendorCount < 2) {
    throw new RangeError(`vendorCount must be an integer ≥ 2, got ${vendorCount}`);
  }
  if (parsePeriod(startDate).kind !== "day") {
    throw new RangeError(`startDate must be a day (YYYY-MM-DD), got ${startDate}`);
  }
}

/** Weeks run Monday to Sunday (ISO), so weekly buckets of the history line up with the plant's. */
function weekGrid(startDay: number, endDay: number): WeekGrid {
  // Day 4 (1970-01-05) was a Monday.
  const firstMonday = startDay - ((((startDay - 4) % 7) + 7) % 7);
  const weeks = Math.floor((endDay - firstMonday) / 7) + 1;
  const starts = new Int32Array(weeks);
  const ends = new Int32Array(weeks);
  for (let week = 0; week < weeks; week++) {
    starts[week] = Math.max(startDay, firstMonday + 7 * week);
    ends[week] = Math.min(endDay, firstMonday + 7 * week + 6);
  }
  return { starts, ends, endDay };
}

function addMonths(day: number, months: number): number {
  const date = new Date(day * DAY_MS);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, date.getUTCDate()) / DAY_MS;
}

/** Each week's demand ships in one delivery on a working day; about 1 % partly comes back. */
function logDeliveries(
  product: number,
  weekly: Float64Array,
  grid: WeekGrid,
  random: Random,
  log: DemandEventLog,
): void {
  for (let week = 0; week < weekly.length; week++) {
    const quantity = weekly[week] as number;
    if (quantity <= 0) continue;
    const start = grid.starts[week] as number;
    const workingDays = Math.max(1, Math.min(5, (grid.ends[week] as number) - start + 1));
    const day = start + random.int(workingDays);
    log.add(day, product, quantity, DELIVERY);
    if (random.next() < RETURN_CHANCE) {
      const returnDay = day + 5 + random.int(21);
      if (returnDay <= grid.endDay) {
        log.add(returnDay, product, Math.ceil(quantity * (0.1 + 0.5 * random.next())), RETURN);
      }
    }
  }
}

function purchaseOrder(purchase: Purchase, offers: readonly SupplierInfo[]): PurchaseOrder {
  const offer = offers[purchase.offer] as SupplierInfo;
  return {
    vendorCode: offer.vendorCode,
    sku: offer.sku,
    quantity: purchase.quantity,
    price: offer.price,
    approveDay: purchase.approveDay,
    plannedDay: purchase.plannedDay,
    ...(purchase.receiptDay !== undefined && { receiptDay: purchase.receiptDay }),
  };
}

/**
 * Replays every stock movement day by day (within a day, inflows before outflows) and raises each
 * opening stock just enough that no item ever goes below zero, so that the plant can be loaded
 * into an ERP that refuses negative stock.
 * @returns stock on hand at the end of the history; `openingStock` is raised in place.
 */
function settleStock(
  products: readonly CatalogProduct[],
  demand: DemandEvents,
  productionOrders: readonly ProductionOrder[],
  purchaseOrders: readonly PurchaseOrder[],
  openingStock: Float64Array,
): Float64Array {
  const indexOfSku = new Map(products.map((product, index) => [product.sku, index]));
  const inflows = new DemandEventLog();
  let firstDay = Number.POSITIVE_INFINITY;
  let lastDay = Number.NEGATIVE_INFINITY;
  const addInflow = (day: number, sku: string, quantity: number) => {
    inflows.add(day, indexOfSku.get(sku) as number, quantity, 0);
    firstDay = Math.min(firstDay, day);
    lastDay = Math.max(lastDay, day);
  };
  for (const order of productionOrders) addInflow(order.day, order.sku, order.quantity);
  for (const order of purchaseOrders) {
    if (order.receiptDay !== undefined) addInflow(order.receiptDay, order.sku, order.quantity);
  }
  for (let event = 0; event < demand.count; event++) {
    if (demand.kind[event] === RETURN) {
      addInflow(
        demand.day[event] as number,
        products[demand.product[event] as number]?.sku as string,
        demand.quantity[event] as number,
      );
    }
  }
  const balance = new Float64Array(products.length);
  const lowest = new Float64Array(products.length);
  const sortedInflows =
    firstDay <= lastDay
      ? inflows.sortedByDay(firstDay, lastDay - firstDay + 1)
      : inflows.sortedByDay(0, 1);
  let inflow = 0;
  let outflow = 0;
  while (outflow < demand.count) {
    const day = demand.day[outflow] as number;
    while (inflow < sortedInflows.count && (sortedInflows.day[inflow] as number) <= day) {
      const product = sortedInflows.product[inflow] as number;
      balance[product] = (balance[product] as number) + (sortedInflows.quantity[inflow] as number);
      inflow++;
    }
    for (; outflow < demand.count && demand.day[outflow] === day; outflow++) {
      if (demand.kind[outflow] === RETURN) continue;
      const product = demand.product[outflow] as number;
      const level = (balance[product] as number) - (demand.quantity[outflow] as number);
      balance[product] = level;
      if (level < (lowest[product] as number)) lowest[product] = level;
    }
  }
  for (; inflow < sortedInflows.count; inflow++) {
    const product = sortedInflows.product[inflow] as number;
    balance[product] = (balance[product] as number) + (sortedInflows.quantity[inflow] as number);
  }
  const onHand = new Float64Array(products.length);
  for (let product = 0; product < products.length; product++) {
    const opening = Math.max(
      openingStock[product] as number,
      Math.ceil(-(lowest[product] as number)),
    );
    openingStock[product] = opening;
    onHand[product] = opening + (balance[product] as number);
  }
  return onHand;
}

function plantProduct(product: CatalogProduct, openingStock: number, onHand: number): PlantProduct {
  return {
    sku: product.sku,
    name: product.name,
    kind: product.kind,
    unitCost: product.unitCost,
    profile: product.profile,
    purchased: product.kind === "component",
    ...(product.manufactureDays !== undefined && { manufactureDays: product.manufactureDays }),
    ...(product.orderMultiple !== undefined && { orderMultiple: product.orderMultiple }),
    openingStock,
    onHand,
  };
}

/** A seed for one product's stream, so each product's draws do not depend on the others'. */
function mix(seed: number, product: number, stream: number): number {
  return (
    (Math.imul(seed, 0x9e3779b1) ^
      Math.imul(product + 1, 0x85ebca77) ^
      Math.imul(stream + 1, 0xc2b2ae3d)) >>>
    0
  );
}
