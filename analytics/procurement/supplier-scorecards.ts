import type { Tier } from "../types.js";
import {
  exposureUnits,
  type SupplierExposure,
  type SupplierRisk,
  type SupplierRiskOptions,
  supplierRisk,
} from "./supplier-risk.js";
import {
  PerformanceInputError,
  type PerformanceOptions,
  type VendorPerformance,
  vendorPerformance,
} from "./vendor-performance.js";

/** A vendor's offer for an item (Odoo's `product.supplierinfo` in force). */
export interface SupplierOffer {
  readonly vendor: string;
  readonly sku: string;
  /** The promised delivery delay in days. */
  readonly promisedDays: number;
}

/** A receipt of an item from a vendor. Dates as in `vendorPerformance`. */
export interface VendorReceipt {
  readonly vendor: string;
  readonly sku: string;
  readonly orderedOn: string;
  readonly receivedOn: string;
  readonly promisedOn?: string | undefined;
}

/** What the scorecards are drawn from. */
export interface ScorecardInput {
  readonly offers: readonly SupplierOffer[];
  readonly receipts: readonly VendorReceipt[];
  /** Each item's tier (items absent here count as neither critical nor essential). */
  readonly tierOf: ReadonlyMap<string, Tier>;
  /** Purchase value per vendor over the period the caller chose (e.g. the last 12 months). */
  readonly purchaseValues?: ReadonlyMap<string, number>;
}

/** The exposure of a vendor, with the items behind the counts. */
export interface ScorecardExposure extends SupplierExposure {
  readonly criticalSkus: readonly string[];
  readonly essentialSkus: readonly string[];
  /** The critical and essential items this vendor is the only source of. */
  readonly singleSourcedSkus: readonly string[];
}

/** One vendor's scorecard. */
export interface SupplierScorecard {
  readonly vendor: string;
  /** 1 = the highest risk. */
  readonly rank: number;
  /** Items it has an offer for. */
  readonly offeredItems: number;
  readonly performance: VendorPerformance;
  readonly exposure: ScorecardExposure;
  readonly purchaseValue: number;
  readonly risk: SupplierRisk;
}

/** Options of {@link supplierScorecards}: the performance window and the risk score's knobs. */
export interface ScorecardOptions extends PerformanceOptions {
  readonly risk?: SupplierRiskOptions;
}

/** Thrown on a receipt that cannot be read, naming the vendor and item. */
export class ScorecardInputError extends Error {
  override readonly name = "ScorecardInputError";
}

/**
 * A scorecard per vendor — every vendor with an offer, a receipt or a purchase value — ranked by
 * risk (see `supplierRisk`): performance from its receipts (each compared with the promised delay
 * of its offer for that item), exposure from its offers (an item is single-sourced when exactly
 * one vendor offers it), and purchase value. Ties rank by exposure, then purchase value, then
 * vendor key, so the order is stable.
 * @param input offers, receipts, tiers and purchase values; not modified.
 * @param options as-of day, recent window, minimum receipts, risk knobs.
 * @returns the scorecards, highest risk first.
 * @throws {ScorecardInputError} on an unreadable receipt, naming its vendor and item.
 * @example
 * const cards = supplierScorecards(
 *   {
 *     offers: [{ vendor: "V1", sku: "BOLT", promisedDays: 10 }],
 *     receipts: [],
 *     tierOf: new Map([["BOLT", "critical"]]),
 *   },
 *   { asOfDay: "2025-01-01" },
 * );
 * cards[0]?.exposure.singleSourcedSkus; // ["BOLT"]
 */
export function supplierScorecards(
  input: ScorecardInput,
  options: ScorecardOptions,
): SupplierScorecard[] {
  const vendorsOf = new Map<string, Set<string>>();
  const promisedDays = new Map<string, number>();
  const offered = new Map<string, Set<string>>();
  for (const offer of input.offers) {
    setOf(vendorsOf, offer.sku).add(offer.vendor);
    setOf(offered, offer.vendor).add(offer.sku);
    const key = `${offer.vendor}\u0000${offer.sku}`;
    // Several offers of one vendor for one item: the shortest promise is the one to hold it to.
    promisedDays.set(key, Math.min(promisedDays.get(key) ?? Infinity, offer.promisedDays));
  }
  const receiptsOf = new Map<string, VendorReceipt[]>();
  for (const receipt of input.receipts) {
    const list = receiptsOf.get(receipt.vendor) ?? [];
    list.push(receipt);
    receiptsOf.set(receipt.vendor, list);
  }
  const vendors = new Set([
    ...offered.keys(),
    ...receiptsOf.keys(),
    ...(input.purchaseValues?.keys() ?? []),
  ]);
  const cards = [...vendors].map((vendor) => {
    const receipts = receiptsOf.get(vendor) ?? [];
    let performance: VendorPerformance;
    try {
      performance = vendorPerformance(
        receipts.map((receipt) => ({
          orderedOn: receipt.orderedOn,
          receivedOn: receipt.receivedOn,
          promisedOn: receipt.promisedOn,
          promisedDays: promisedDays.get(`${vendor}\u0000${receipt.sku}`),
        })),
        options,
      );
    } catch (error) {
      if (error instanceof PerformanceInputError) {
        const receipt = receipts[error.index] as VendorReceipt;
        throw new ScorecardInputError(
          `vendor ${vendor}, item ${receipt.sku}: ${error.message.replace(/^receipt \d+: /, "")}`,
          { cause: error },
        );
      }
      throw error;
    }
    const exposure = exposureOf([...(offered.get(vendor) ?? [])], input.tierOf, vendorsOf);
    return {
      vendor,
      offeredItems: offered.get(vendor)?.size ?? 0,
      performance,
      exposure,
      purchaseValue: input.purchaseValues?.get(vendor) ?? 0,
      risk: supplierRisk(performance, exposure, options.risk),
    };
  });
  cards.sort(
    (a, b) =>
      b.risk.score - a.risk.score ||
      exposureUnits(b.exposure) - exposureUnits(a.exposure) ||
      b.purchaseValue - a.purchaseValue ||
      (a.vendor < b.vendor ? -1 : a.vendor > b.vendor ? 1 : 0),
  );
  return cards.map((card, index) => ({ ...card, rank: index + 1 }));
}

function exposureOf(
  skus: readonly string[],
  tierOf: ReadonlyMap<string, Tier>,
  vendorsOf: ReadonlyMap<string, ReadonlySet<string>>,
): ScorecardExposure {
  const criticalSkus: string[] = [];
  const essentialSkus: string[] = [];
  const singleSourcedSkus: string[] = [];
  let singleSourcedCritical = 0;
  let singleSourcedEssential = 0;
  for (const sku of [...skus].sort()) {
    const tier = tierOf.get(sku);
    if (tier !== "critical" && tier !== "essential") continue;
    (tier === "critical" ? criticalSkus : essentialSkus).push(sku);
    if (vendorsOf.get(sku)?.size === 1) {
      singleSourcedSkus.push(sku);
      if (tier === "critical") singleSourcedCritical++;
      else singleSourcedEssential++;
    }
  }
  return {
    criticalCount: criticalSkus.length,
    essentialCount: essentialSkus.length,
    singleSourcedCritical,
    singleSourcedEssential,
    criticalSkus,
    essentialSkus,
    singleSourcedSkus,
  };
}

function setOf(map: Map<string, Set<string>>, key: string): Set<string> {
  let set = map.get(key);
  if (set === undefined) {
    set = new Set();
    map.set(key, set);
  }
  return set;
}
