/**
 * How the demo plant was run during its history: made items are produced in lots when their stock
 * runs low, bought items are reordered at a weekly review against a reorder point that trusts the
 * preferred vendor's promise. Lots are why dependent demand looks lumpier than the finished goods
 * it serves (Orlicky); the trusted promise is why the shifting vendor's parts run short after the
 * shift — the story the demo tells.
 */
import type { Random } from "../../../analytics/random.js";
import type { CatalogProduct } from "./catalog.js";
import type { LeadTimeShift, PlantVendor, SupplierInfo } from "./plant.js";

/** The plant's weeks: week `w` runs from `starts[w]` to `ends[w]`, both inside the history. */
export interface WeekGrid {
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  readonly endDay: number;
}

/** Mean and sd of weekly demand over the item's active life (first to last week with demand). */
function activeStatistics(weekly: Float64Array): { mean: number; sd: number } {
  let first = -1;
  let last = -1;
  for (let week = 0; week < weekly.length; week++) {
    if ((weekly[week] as number) > 0) {
      if (first < 0) first = week;
      last = week;
    }
  }
  if (first < 0) return { mean: 0, sd: 0 };
  let sum = 0;
  let sumSquares = 0;
  for (let week = first; week <= last; week++) {
    const value = weekly[week] as number;
    sum += value;
    sumSquares += value * value;
  }
  const count = last - first + 1;
  const mean = sum / count;
  return { mean, sd: Math.sqrt(Math.max(0, sumSquares / count - mean * mean)) };
}

/**
 * Lots of a made item: whenever a week's demand would take stock below a week of cover, make
 * `lotWeeks` weeks' worth (at least what the week needs).
 * @param makeLot called with the lot's day and quantity.
 * @returns the stock the item started the history with.
 */
export function produceInLots(
  weekly: Float64Array,
  grid: WeekGrid,
  random: Random,
  makeLot: (week: number, day: number, quantity: number) => void,
): number {
  const { mean } = activeStatistics(weekly);
  if (mean === 0) return 0;
  const lotWeeks = 3 + random.int(4);
  const openingStock = Math.ceil(mean * 2);
  let stock = openingStock;
  for (let week = 0; week < weekly.length; week++) {
    const demand = weekly[week] as number;
    if (stock - demand < mean) {
      const quantity = Math.ceil(Math.max(mean * lotWeeks, demand + mean - stock));
      const start = grid.starts[week] as number;
      const day = Math.min(start + random.int(2), grid.ends[week] as number);
      makeLot(week, day, quantity);
      stock += quantity;
    }
    stock -= demand;
  }
  return openingStock;
}

/** A confirmed purchase, before it becomes a `PurchaseOrder` record. */
export interface Purchase {
  readonly offer: number;
  readonly quantity: number;
  readonly approveDay: number;
  readonly plannedDay: number;
  readonly receiptDay: number | undefined;
}

/**
 * Weekly-review purchasing of a bought item: order up to `reorder point + cover` when stock on
 * hand plus on order falls to the reorder point; quantities honour the MOQ and the order multiple.
 * @returns the stock the item started the history with.
 */
export function purchaseOnReview(
  product: CatalogProduct,
  weekly: Float64Array,
  grid: WeekGrid,
  offers: readonly SupplierInfo[],
  vendorOf: (offer: SupplierInfo) => PlantVendor,
  shift: LeadTimeShift,
  random: Random,
  place: (purchase: Purchase) => void,
): number {
  const { mean, sd } = activeStatistics(weekly);
  const preferred = offers[0];
  if (mean === 0 || preferred === undefined) return 0;
  // The buyer plans with the promised delay: the shift is not in the numbers until it hurts.
  const protectedWeeks = preferred.delayDays / 7 + 1;
  const reorderPoint = mean * protectedWeeks + 1.3 * sd * Math.sqrt(protectedWeeks);
  const coverWeeks = 4 + random.int(7) + (product.unitCost < 2 ? 4 : 0);
  const roundUp = (quantity: number) => {
    const atLeast = Math.max(product.minOrderQty ?? 0, Math.ceil(quantity));
    const multiple = product.orderMultiple ?? 1;
    return Math.ceil(atLeast / multiple) * multiple;
  };
  const openingStock = Math.ceil(reorderPoint + roundUp(mean * coverWeeks) / 2);
  let stock = openingStock;
  const pending: Array<{ day: number; quantity: number }> = [];
  let onOrder = 0;
  for (let week = 0; week < weekly.length; week++) {
    const day = grid.starts[week] as number;
    for (let index = pending.length - 1; index >= 0; index--) {
      const receipt = pending[index] as { day: number; quantity: number };
      if (receipt.day <= day) {
        stock += receipt.quantity;
        onOrder -= receipt.quantity;
        pending.splice(index, 1);
      }
    }
    if (stock + onOrder <= reorderPoint) {
      const offerIndex =
        offers.length > 1 && random.next() >= 0.8 ? 1 + random.int(offers.length - 1) : 0;
      const offer = offers[offerIndex] as SupplierInfo;
      const quantity = roundUp(reorderPoint + mean * coverWeeks - stock - onOrder);
      const leadTime = drawLeadTime(vendorOf(offer), day, shift, random);
      const receiptDay = day + leadTime <= grid.endDay ? day + leadTime : undefined;
      place({
        offer: offerIndex,
        quantity,
        approveDay: day,
        plannedDay: day + offer.delayDays,
        receiptDay,
      });
      onOrder += quantity;
      // An order still open at the end stays on order: it is never received within the history.
      pending.push({ day: receiptDay ?? Number.POSITIVE_INFINITY, quantity });
    }
    stock -= weekly[week] as number;
  }
  return openingStock;
}

/** Actual days from confirmation to receipt: gamma with the vendor's mean and sd, at least 1. */
function drawLeadTime(
  vendor: PlantVendor,
  approveDay: number,
  shift: LeadTimeShift,
  random: Random,
): number {
  let { meanDays, sdDays } = vendor.leadTime;
  if (vendor.code === shift.vendorCode && approveDay >= shift.day) {
    sdDays *= shift.afterDays / meanDays;
    meanDays = shift.afterDays;
  }
  const shape = (meanDays / sdDays) ** 2;
  return Math.max(1, Math.round((random.gamma(shape) * meanDays) / shape));
}
