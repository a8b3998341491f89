/**
 * Purchase receipts, for actual lead times (DESIGN.md "Lead time"): each done move from a supplier
 * location into an internal one that belongs to a purchase line is one receipt; its lead time runs
 * from the order's confirmation (`date_approve`) to the move's done `date`, and it is on time when
 * it arrived by the line's `date_planned`. Returns to the vendor and dropships are not receipts.
 */
import { z } from "zod";
import { type Domain, domainAnd, type OdooClient } from "../odoo/index.js";
import type { HistoryWindow } from "./history-window.js";
import {
  datetime,
  datetimeMs,
  optionalDatetime,
  recordId,
  requiredMany2one,
} from "./odoo-values.js";
import { type IssueLog, parseRecords } from "./record-issues.js";
import type { CompanyScope } from "./scope.js";

export interface ReceiptFacts {
  readonly moveId: number;
  readonly productId: number;
  readonly vendorId: number;
  /** Order confirmation, receipt and promise, `YYYY-MM-DD HH:MM:SS` UTC. */
  readonly orderedOn: string;
  readonly receivedOn: string;
  readonly promisedOn: string | null;
}

const DAY_MS = 86_400_000;

/** A receipt's lead time in days, order confirmation to receipt. */
export function leadTimeDays(receipt: ReceiptFacts): number {
  return (datetimeMs(receipt.receivedOn) - datetimeMs(receipt.orderedOn)) / DAY_MS;
}

const receiptMoveSchema = z.object({
  id: recordId,
  product_id: requiredMany2one,
  date: datetime,
  purchase_line_id: requiredMany2one,
});

const purchaseLineSchema = z.object({
  id: recordId,
  partner_id: requiredMany2one,
  date_approve: optionalDatetime,
  date_planned: optionalDatetime,
});

/** Done receipts of purchase lines in the window. */
function receiptDomain(window: HistoryWindow, productIds: readonly number[]): Domain {
  return [
    ["state", "=", "done"],
    ["location_usage", "=", "supplier"],
    ["location_dest_usage", "=", "internal"],
    ["purchase_line_id", "!=", false],
    ["date", ">=", window.fromDatetime],
    ["date", "<", window.untilDatetime],
    ["product_id", "in", [...productIds]],
  ];
}

/**
 * Reads the receipts of `productIds`, oldest first per product.
 * @returns by product id.
 */
export async function readReceipts(
  odoo: OdooClient,
  scope: CompanyScope,
  window: HistoryWindow,
  productIds: readonly number[],
  log: IssueLog,
  extraDomain: Domain = [],
): Promise<Map<number, ReceiptFacts[]>> {
  const receipts = new Map<number, ReceiptFacts[]>();
  if (productIds.length === 0) return receipts;
  const moves = parseRecords(
    "stock.move",
    receiptMoveSchema,
    await odoo.searchRead("stock.move", domainAnd(receiptDomain(window, productIds), extraDomain), {
      fields: ["product_id", "date", "purchase_line_id"],
      context: scope.context,
    }),
    log,
  );
  const lineIds = [...new Set(moves.map((move) => move.purchase_line_id))].sort((a, b) => a - b);
  const lines = new Map(
    parseRecords(
      "purchase.order.line",
      purchaseLineSchema,
      await odoo.read("purchase.order.line", lineIds, {
        fields: ["partner_id", "date_approve", "date_planned"],
        context: scope.context,
      }),
      log,
    ).map((line) => [line.id, line]),
  );
  for (const move of moves) {
    const line = lines.get(move.purchase_line_id);
    if (!line) continue; // reported by parseRecords
    if (line.date_approve === null) {
      log.add("purchase.order.line", line.id, "date_approve: the order has no confirmation date");
      continue;
    }
    if (move.date < line.date_approve) {
      log.add(
        "stock.move",
        move.id,
        `received ${move.date}, before its order was confirmed (${line.date_approve})`,
      );
      continue;
    }
    const list = receipts.get(move.product_id) ?? [];
    list.push({
      moveId: move.id,
      productId: move.product_id,
      vendorId: line.partner_id,
      orderedOn: line.date_approve,
      receivedOn: move.date,
      promisedOn: line.date_planned,
    });
    receipts.set(move.product_id, list);
  }
  for (const list of receipts.values()) {
    list.sort((a, b) =>
      a.orderedOn < b.orderedOn ? -1 : a.orderedOn > b.orderedOn ? 1 : a.moveId - b.moveId,
    );
  }
  return receipts;
}
