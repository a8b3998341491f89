import { parseInstant } from "../_lib/instant.js";
import { mean, sumOfSquaredDeviations } from "../_lib/moments.js";

const DAY_MS = 86_400_000;

/** One receipt from a vendor, as the scorecard reads it. */
export interface PerformanceReceipt {
  /** Order confirmation (Odoo `date_approve`): `YYYY-MM-DD` or `YYYY-MM-DD HH:MM[:SS]`, UTC. */
  readonly orderedOn: string;
  /** When the goods were received (same formats). */
  readonly receivedOn: string;
  /** The promised receipt (Odoo `date_planned`), for the on-time rate. */
  readonly promisedOn?: string | undefined;
  /** The vendor's promised delay for this product (Odoo `supplierinfo.delay`), in days. */
  readonly promisedDays?: number | undefined;
}

/** Options of {@link vendorPerformance}. */
export interface PerformanceOptions {
  /** The day the scorecard is drawn up, `YYYY-MM-DD`: "recent" counts back from it. */
  readonly asOfDay: string;
  /** Receipts received in this many days before `asOfDay` are recent. Default 90. */
  readonly recentDays?: number;
  /** A mean needs at least this many receipts (and the drift on both sides). Default 3. */
  readonly minReceipts?: number;
}

/** How a vendor delivered, measured on its receipts. Null where too few receipts say anything. */
export interface VendorPerformance {
  readonly receipts: number;
  /** Share of the receipts with a promised date that arrived on or before its calendar day. */
  readonly onTimeRate: number | null;
  readonly leadTimeMeanDays: number | null;
  /** Sample standard deviation (n − 1). */
  readonly leadTimeSdDays: number | null;
  /** The recent window in days, and the receipts in it with their mean lead time. */
  readonly recentDays: number;
  readonly recentReceipts: number;
  readonly recentMeanDays: number | null;
  /** Receipts before that, and their mean lead time. */
  readonly historyReceipts: number;
  readonly historyMeanDays: number | null;
  /** Recent mean − history mean, in days and as a share of the history mean. */
  readonly driftDays: number | null;
  readonly driftRatio: number | null;
  /** Mean promised delay over the receipts that have one. */
  readonly promisedDelayDays: number | null;
  /** Mean of (actual − promised delay) over those receipts: > 0 is later than promised. */
  readonly delayGapDays: number | null;
}

/** Thrown on a receipt that cannot be read; `index` is its position in the input. */
export class PerformanceInputError extends Error {
  override readonly name = "PerformanceInputError";
  constructor(
    readonly index: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * A vendor's delivery performance from its receipts: count, on-time rate against the promised date,
 * lead-time mean and sample sd (received − confirmed, in fractional days), the drift of the mean
 * lead time of the receipts of the last `recentDays` against those before, and how the actual lead
 * time compares with the promised delay. Means need `minReceipts` receipts, so that two late
 * deliveries do not make a trend.
 * @param receipts the vendor's receipts, any order; not modified.
 * @param options the as-of day, the recent window (default 90 days) and the minimum count (3).
 * @returns the measures; null where there are too few receipts.
 * @throws {PerformanceInputError} on an unreadable date or a receipt before its order.
 * @throws {RangeError} on a malformed as-of day or a negative promised delay.
 * @example
 * vendorPerformance(
 *   [
 *     { orderedOn: "2024-01-01", receivedOn: "2024-01-11", promisedOn: "2024-01-11", promisedDays: 10 },
 *     { orderedOn: "2024-02-01", receivedOn: "2024-02-11", promisedOn: "2024-02-11", promisedDays: 10 },
 *     { orderedOn: "2024-03-01", receivedOn: "2024-03-11", promisedOn: "2024-03-11", promisedDays: 10 },
 *     { orderedOn: "2024-09-01", receivedOn: "2024-09-21", promisedOn: "2024-09-11", promisedDays: 10 },
 *     { orderedOn: "2024-10-01", receivedOn: "2024-10-21", promisedOn: "2024-10-11", promisedDays: 10 },
 *     { orderedOn: "2024-11-01", receivedOn: "2024-11-21", promisedOn: "2024-11-11", promisedDays: 10 },
 *   ],
 *   { asOfDay: "2024-12-01" },
 * );
 * // receipts 6, onTimeRate 0.5, leadTimeMeanDays 15, recentMeanDays 20 (3 receipts since 2024-09-02),
 * // historyMeanDays 10 (3),
 * // driftDays 10, driftRatio 1, promisedDelayDays 10, delayGapDays 5
 */
export function vendorPerformance(
  receipts: readonly PerformanceReceipt[],
  options: PerformanceOptions,
): VendorPerformance {
  const asOf = parseInstant(options.asOfDay);
  if (asOf === undefined) throw new RangeError(`asOfDay "${options.asOfDay}" is not a day`);
  const minReceipts = options.minReceipts ?? 3;
  const recentDays = options.recentDays ?? 90;
  const recentFrom = asOf - recentDays * DAY_MS;
  const count = receipts.length;
  const days = new Float64Array(count);
  const recent: number[] = [];
  const history: number[] = [];
  let promised = 0;
  let onTime = 0;
  let promisedSum = 0;
  let gapSum = 0;
  let withPromise = 0;
  receipts.forEach((receipt, index) => {
    const ordered = readInstant(receipt.orderedOn, index, "orderedOn");
    const received = readInstant(receipt.receivedOn, index, "receivedOn");
    if (received < ordered) {
      throw new PerformanceInputError(
        index,
        `receipt ${index}: received ${receipt.receivedOn} before it was ordered ${receipt.orderedOn}`,
      );
    }
    const leadTime = (received - ordered) / DAY_MS;
    days[index] = leadTime;
    (received >= recentFrom ? recent : history).push(leadTime);
    if (receipt.promisedOn !== undefined) {
      promised++;
      const promisedDay = Math.floor(readInstant(receipt.promisedOn, index, "promisedOn") / DAY_MS);
      if (Math.floor(received / DAY_MS) <= promisedDay) onTime++;
    }
    if (receipt.promisedDays !== undefined) {
      if (!(receipt.promisedDays >= 0) || !Number.isFinite(receipt.promisedDays)) {
        throw new RangeError(`receipt ${index}: promised delay ${receipt.promisedDays} is not ≥ 0`);
      }
      withPromise++;
      promisedSum += receipt.promisedDays;
      gapSum += leadTime - receipt.promisedDays;
    }
  });
  const enough = count >= minReceipts;
  const leadTimeMeanDays = enough ? mean(days) : null;
  const recentMeanDays = recent.length >= minReceipts ? mean(recent) : null;
  const historyMeanDays = history.length >= minReceipts ? mean(history) : null;
  const driftDays =
    recentMeanDays !== null && historyMeanDays !== null ? recentMeanDays - historyMeanDays : null;
  return {
    receipts: count,
    onTimeRate: promised >= minReceipts ? onTime / promised : null,
    leadTimeMeanDays,
    leadTimeSdDays:
      leadTimeMeanDays === null
        ? null
        : count > 1
          ? Math.sqrt(sumOfSquaredDeviations(days, leadTimeMeanDays) / (count - 1))
          : 0,
    recentDays,
    recentReceipts: recent.length,
    recentMeanDays,
    historyReceipts: history.length,
    historyMeanDays,
    driftDays,
    driftRatio:
      driftDays !== null && historyMeanDays !== null && historyMeanDays > 0
        ? driftDays / historyMeanDays
        : null,
    promisedDelayDays: withPromise >= minReceipts ? promisedSum / withPromise : null,
    delayGapDays: withPromise >= minReceipts ? gapSum / withPromise : null,
  };
}

function readInstant(text: string, index: number, field: string): number {
  const instant = parseInstant(text);
  if (instant === undefined) {
    throw new PerformanceInputError(index, `receipt ${index}: ${field} "${text}" is not a date`);
  }
  return instant;
}
