/**
 * The demo plant: a deterministic, plain-data picture of a small manufacturer over a history
 * window — catalogue, vendors, bills of materials, every demand event, production and purchase
 * orders, stock. The `demo` source plans on it; `invseg seed-odoo` loads it into a live Odoo.
 *
 * Days are whole UTC days counted from 1970-01-01 (`isoDay` formats them).
 */

/** Finished goods are sold; sub-assemblies go into finished goods; components are bought. */
export type ProductKind = "finished" | "subassembly" | "component";

/**
 * The shape given to an item's independent demand (customer orders or spare-part sales).
 * `dependent` items have none: all their demand is consumption by their BoM parents.
 */
export type DemandProfile =
  | "smooth"
  | "erratic"
  | "intermittent"
  | "lumpy"
  | "seasonal"
  | "trending"
  | "new"
  | "dead"
  | "dependent";

export interface PlantProduct {
  /** Unique code, e.g. `FG-00012`, `SA-00003`, `CP-00150`. */
  readonly sku: string;
  readonly name: string;
  readonly kind: ProductKind;
  /** Standard cost of one unit. */
  readonly unitCost: number;
  readonly profile: DemandProfile;
  /** Bought from vendors (components) or made in house (finished goods, sub-assemblies). */
  readonly purchased: boolean;
  /** Days to make one lot, for made items. */
  readonly manufactureDays?: number;
  /** Purchases come in multiples of this (a pack or pallet size). */
  readonly orderMultiple?: number;
  /** Stock on `startDay`, before any event of the history (an opening inventory count). */
  readonly openingStock: number;
  /** Stock at the end of `endDay`: opening stock + receipts + production − net demand. */
  readonly onHand: number;
}

export interface LeadTimeDistribution {
  /** Mean of the actual days from order confirmation to receipt. */
  readonly meanDays: number;
  readonly sdDays: number;
}

export interface PlantVendor {
  /** Unique code, e.g. `V0007`. */
  readonly code: string;
  readonly name: string;
  /** The delivery delay it quotes on its supplier infos. */
  readonly promisedDays: number;
  /** How long its deliveries really take (before any shift, see `Plant.leadTimeShift`). */
  readonly leadTime: LeadTimeDistribution;
}

/** A vendor's offer for a component (Odoo's `product.supplierinfo`). */
export interface SupplierInfo {
  readonly vendorCode: string;
  readonly sku: string;
  /** The promised delivery delay in days. */
  readonly delayDays: number;
  /** Minimum order quantity (0 when none). */
  readonly minQty: number;
  readonly price: number;
  /** 1 for the preferred vendor, then 2, 3… */
  readonly sequence: number;
}

export interface BomLine {
  readonly sku: string;
  /** Units consumed per unit of the parent made. */
  readonly quantity: number;
}

/** How to make one unit of `sku`. */
export interface Bom {
  readonly sku: string;
  readonly lines: readonly BomLine[];
}

/** A lot made on `day`; it consumes `quantity` × each BoM line on the same day. */
export interface ProductionOrder {
  readonly sku: string;
  readonly quantity: number;
  readonly day: number;
}

export interface PurchaseOrder {
  readonly vendorCode: string;
  readonly sku: string;
  readonly quantity: number;
  readonly price: number;
  /** Order confirmation (Odoo's `date_approve`). */
  readonly approveDay: number;
  /** Promised receipt (Odoo's `date_planned`): approval + the vendor's promised delay. */
  readonly plannedDay: number;
  /** Actual receipt; absent while the order is still open at the end of the history. */
  readonly receiptDay?: number;
}

/** The kinds of demand event, in the order `DemandEvents.kind` codes them. */
export const DEMAND_EVENT_KINDS = ["delivery", "consumption", "return"] as const;
export type DemandEventKind = (typeof DEMAND_EVENT_KINDS)[number];

/**
 * Every demand event of the history, in day order, stored column-wise so that millions of them
 * stay small. Event `e` is: on day `day[e]`, `quantity[e]` units of `products[product[e]]`,
 * of kind `DEMAND_EVENT_KINDS[kind[e]]`: a customer delivery, a consumption by production, or a
 * customer return (stock coming back: negative demand).
 */
export interface DemandEvents {
  readonly count: number;
  readonly day: Int32Array;
  readonly product: Int32Array;
  readonly quantity: Float64Array;
  readonly kind: Uint8Array;
}

/** One demand event as a record (see {@link demandEventsOf}). */
export interface DemandEvent {
  readonly day: number;
  readonly sku: string;
  readonly quantity: number;
  readonly kind: DemandEventKind;
}

/** The vendor whose real lead time jumps mid-history while its promise stays the same. */
export interface LeadTimeShift {
  readonly vendorCode: string;
  /** Orders confirmed from this day on take `afterDays` on average. */
  readonly day: number;
  readonly beforeDays: number;
  readonly afterDays: number;
}

export interface Plant {
  readonly seed: number;
  /** First day of the history. */
  readonly startDay: number;
  /** Last day of the history, inclusive: the plant's "today". */
  readonly endDay: number;
  readonly products: readonly PlantProduct[];
  readonly vendors: readonly PlantVendor[];
  readonly supplierInfos: readonly SupplierInfo[];
  readonly boms: readonly Bom[];
  readonly demand: DemandEvents;
  readonly productionOrders: readonly ProductionOrder[];
  readonly purchaseOrders: readonly PurchaseOrder[];
  readonly leadTimeShift: LeadTimeShift;
}

const DAY_MS = 86_400_000;

/**
 * A day number as `YYYY-MM-DD`.
 * @example
 * isoDay(19800); // "2024-03-18"
 */
export function isoDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The demand events one at a time, as records, in day order, without materialising them all.
 * @example
 * for (const event of demandEventsOf(plant)) if (event.kind === "return") console.log(event.sku);
 */
export function* demandEventsOf(plant: Plant): Generator<DemandEvent> {
  const { demand, products } = plant;
  for (let event = 0; event < demand.count; event++) {
    yield {
      day: demand.day[event] as number,
      sku: (products[demand.product[event] as number] as PlantProduct).sku,
      quantity: demand.quantity[event] as number,
      kind: DEMAND_EVENT_KINDS[demand.kind[event] as number] as DemandEventKind,
    };
  }
}
