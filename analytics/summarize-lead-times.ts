import { parseInstant } from "./_lib/instant.js";
import { mean, sumOfSquaredDeviations } from "./_lib/moments.js";

/** One receipt of a purchase: when it was ordered, received and promised. */
export interface Receipt {
  /** When the order was confirmed: `YYYY-MM-DD` or `YYYY-MM-DD HH:MM[:SS]` (UTC; `T` also accepted). */
  readonly orderedOn: string;
  /** When the goods were received (same formats). */
  readonly receivedOn: string;
  /** When the vendor promised them, for the on-time rate (same formats). */
  readonly promisedOn?: string;
}

/** Options of {@link summarizeLeadTimes}. */
export interface LeadTimeOptions {
  /** Fewer receipts than this fall back to the promised delay. Default 3. */
  readonly minReceipts?: number;
}

/** Lead-time statistics of one product from one vendor. */
export interface LeadTimeSummary {
  /** Mean lead time in days: of the receipts, or the promised delay on fallback. */
  readonly meanDays: number;
  /** Sample standard deviation (n − 1) in days; 0 on fallback. */
  readonly sdDays: number;
  /** How many receipts were measured. */
  readonly receipts: number;
  /** Share of receipts with a promise that arrived on or before the promised day; null without one. */
  readonly onTimeRate: number | null;
  readonly source: "receipts" | "promised";
}

/** Thrown on a receipt that cannot be read; `index` is its position in the input. */
export class LeadTimeInputError extends Error {
  override readonly name = "LeadTimeInputError";
  constructor(
    readonly index: number,
    message: string,
  ) {
    super(message);
  }
}

const DAY_MS = 86_400_000;

/**
 * Lead-time statistics from receipt records: actual lead time = received − ordered, in (fractional)
 * days. With fewer than `minReceipts` receipts the vendor's promised delay is used instead, with no
 * spread, because a mean of one or two receipts says less than the vendor's own figure.
 * On time means received on or before the promised calendar day.
 * @param receipts the receipts of one product from one vendor; not modified.
 * @param promisedDelayDays the vendor's promised delay in days (Odoo `supplierinfo.delay`).
 * @param options `minReceipts`, default 3.
 * @returns mean, sd, count, on-time rate and which source the mean comes from.
 * @throws {LeadTimeInputError} on an unreadable date or a receipt dated before its order.
 * @throws {RangeError} on a negative or non-finite promised delay.
 * @example
 * summarizeLeadTimes(
 *   [
 *     { orderedOn: "2024-01-02", receivedOn: "2024-01-12", promisedOn: "2024-01-12" },
 *     { orderedOn: "2024-02-01", receivedOn: "2024-02-15", promisedOn: "2024-02-11" },
 *     { orderedOn: "2024-03-01", receivedOn: "2024-03-13" },
 *   ],
 *   10,
 * );
 * // { meanDays: 12, sdDays: 2, receipts: 3, onTimeRate: 0.5, source: "receipts" }
 */
export function summarizeLeadTimes(
  receipts: readonly Receipt[],
  promisedDelayDays: number,
  options: LeadTimeOptions = {},
): LeadTimeSummary {
  if (!(promisedDelayDays >= 0) || !Number.isFinite(promisedDelayDays)) {
    throw new RangeError(`promised delay must be a finite number ≥ 0, got ${promisedDelayDays}`);
  }
  const minReceipts = options.minReceipts ?? 3;
  const days = new Float64Array(receipts.length);
  let promised = 0;
  let onTime = 0;
  receipts.forEach((receipt, index) => {
    const ordered = readInstant(receipt.orderedOn, index, "orderedOn");
    const received = readInstant(receipt.receivedOn, index, "receivedOn");
    days[index] = (received - ordered) / DAY_MS;
    if (received < ordered) {
      throw new LeadTimeInputError(
        index,
        `receipt ${index}: received ${receipt.receivedOn} before it was ordered ${receipt.orderedOn}`,
      );
    }
    if (receipt.promisedOn !== undefined) {
      const promisedDay = Math.floor(readInstant(receipt.promisedOn, index, "promisedOn") / DAY_MS);
      promised++;
      if (Math.floor(received / DAY_MS) <= promisedDay) onTime++;
    }
  });
  const count = receipts.length;
  const onTimeRate = promised > 0 ? onTime / promised : null;
  if (count < minReceipts) {
    return {
      meanDays: promisedDelayDays,
      sdDays: 0,
      receipts: count,
      onTimeRate,
      source: "promised",
    };
  }
  const meanDays = mean(days);
  const sdDays = count > 1 ? Math.sqrt(sumOfSquaredDeviations(days, meanDays) / (count - 1)) : 0;
  return { meanDays, sdDays, receipts: count, onTimeRate, source: "receipts" };
}

function readInstant(text: string, index: number, field: string): number {
  const instant = parseInstant(text);
  if (instant === undefined) {
    throw new LeadTimeInputError(index, `receipt ${index}: ${field} "${text}" is not a date`);
  }
  return instant;
}
