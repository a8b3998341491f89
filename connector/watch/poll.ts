/**
 * One poll of watch mode, in one request (the addon's `inventory.segment.run.watch_poll`), each of
 * its reads answered from an index when nothing changed (`stock_move` and `stock_quant` get a
 * `(write_date, id)` index from the addon):
 * - stock moves changed since the floor that are done, or outgoing and waiting for stock
 *   (new demand that may hit an empty shelf);
 * - stock quants changed since the floor (counts and corrections that move no demand);
 * - vendor lines (`product.supplierinfo`) changed since the floor (promised delays);
 * - runs requested from Odoo ("Recompute now"), together with the watch's own run (a manager who
 *   closes it from Odoo stops the watch), and the server's time; with `beat`, the request also
 *   writes the run's heartbeat.
 * Records already processed within the overlap are left out; a model whose read filled its page
 * is read on at once, after its last record, until it is drained.
 */
import { z } from "zod";
import { contract, type SyncCursor } from "../../manifest/contract.js";
import { datetime, recordId, requiredMany2one } from "../extract/odoo-values.js";
import { type IssueLog, parseRecords } from "../extract/record-issues.js";
import type { CompanyScope } from "../extract/scope.js";
import {
  type Domain,
  domainAnd,
  type OdooClient,
  type OdooRecord,
  type OdooValue,
} from "../odoo/index.js";
import {
  advance,
  type CursorPosition,
  changedDomain,
  type SeenChanges,
  type WatchedModel,
} from "./watch-cursor.js";

export interface ChangedRecord {
  readonly id: number;
  readonly writeDate: string;
}

export interface MoveChange extends ChangedRecord {
  readonly productId: number;
  readonly done: boolean;
}

export interface QuantChange extends ChangedRecord {
  readonly productId: number;
}

export interface VendorLineChange extends ChangedRecord {
  readonly templateId: number;
}

export interface RunSignal {
  readonly id: number;
  readonly name: string;
  readonly state: "requested" | "running" | "done" | "failed";
  /** The record's last change, by the server's clock. */
  readonly writeDate: string;
}

export interface PollResult {
  readonly moves: readonly MoveChange[];
  readonly quants: readonly QuantChange[];
  readonly vendorLines: readonly VendorLineChange[];
  /** Runs waiting in state requested, oldest first. */
  readonly requested: readonly RunSignal[];
  /** The watch's own run as Odoo holds it now (null when it is gone). */
  readonly ownRun: RunSignal | null;
  /** The server's time when it answered (`YYYY-MM-DD HH:MM:SS`, UTC). */
  readonly serverTime: string;
  /** The cursor once these changes are processed. */
  readonly cursor: SyncCursor;
  /** Per model whose read filled its page: where to read on from. */
  readonly continueAfter: Readonly<Partial<Record<WatchedModel, CursorPosition>>>;
}

export interface PollOptions {
  /** Per model, the oldest `write_date` to read (see `watch-cursor.ts`). */
  readonly floors: Readonly<Partial<Record<WatchedModel, string>>>;
  /** Most records per model and poll (default 2000, one page). */
  readonly limit?: number;
  /** Where to read on after a full page (from the previous poll). */
  readonly continueAfter?: Readonly<Partial<Record<WatchedModel, CursorPosition>>>;
  /** Write the run's heartbeat with the poll. */
  readonly beat?: boolean;
  readonly log: IssueLog;
}

const OUTGOING = ["customer", "production"];
/** Outgoing moves waiting for stock, or done moves of any kind. */
const MOVE_DOMAIN: Domain = [
  "|",
  ["state", "=", "done"],
  "&",
  ["state", "in", ["confirmed", "partially_available", "waiting"]],
  ["location_dest_usage", "in", OUTGOING],
];

const POLL = contract.methods["inventory.segment.run.watch_poll"];

const answerSchema = z.object({
  server_time: datetime,
  changes: z.record(z.string(), z.array(z.custom<OdooRecord>(isRecord))),
  runs: z.array(z.custom<OdooRecord>(isRecord)),
});

function isRecord(value: unknown): boolean {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as { id?: unknown }).id === "number"
  );
}

const moveSchema = z.object({
  id: recordId,
  write_date: datetime,
  product_id: requiredMany2one,
  state: z.string(),
});
const quantSchema = z.object({ id: recordId, write_date: datetime, product_id: requiredMany2one });
const lineSchema = z.object({
  id: recordId,
  write_date: datetime,
  product_tmpl_id: requiredMany2one,
});
const runSchema = z
  .object({
    id: recordId,
    name: z.string(),
    state: z.enum(["requested", "running", "done", "failed"]),
    write_date: datetime,
  })
  .transform(({ write_date, ...run }) => ({ ...run, writeDate: write_date }));

export async function poll(
  odoo: OdooClient,
  scope: CompanyScope,
  cursor: SyncCursor,
  seen: SeenChanges,
  ownRunId: number,
  options: PollOptions,
): Promise<PollResult> {
  const limit = options.limit ?? 2000;
  const read = (model: WatchedModel, fields: string[], domain: Domain) => ({
    domain: domainAnd(changedDomain(options.floors[model], options.continueAfter?.[model]), domain),
    fields: ["write_date", ...fields],
    limit,
  });
  const answer = answerSchema.parse(
    await odoo.call(POLL.model, POLL.name, {
      kwargs: {
        run_id: ownRunId,
        reads: {
          "stock.move": read("stock.move", ["product_id", "state"], MOVE_DOMAIN),
          "stock.quant": read("stock.quant", ["product_id"], []),
          "product.supplierinfo": read("product.supplierinfo", ["product_tmpl_id"], []),
        } as unknown as OdooValue,
        beat: options.beat ?? false,
      },
      context: scope.context,
      idempotent: true,
    }),
  );
  const moveRecords = answer.changes["stock.move"] ?? [];
  const quantRecords = answer.changes["stock.quant"] ?? [];
  const lineRecords = answer.changes["product.supplierinfo"] ?? [];
  const runRecords = answer.runs;
  let next = cursor;
  const continueAfter: Partial<Record<WatchedModel, CursorPosition>> = {};
  const fresh = <T extends ChangedRecord>(
    model: WatchedModel,
    records: T[],
    total: number,
  ): T[] => {
    const last = records[records.length - 1];
    if (last) next = advance(next, model, { write_date: last.writeDate, id: last.id });
    if (last && total >= limit) continueAfter[model] = { write_date: last.writeDate, id: last.id };
    return records.filter((record) => !seen.has(model, record.id, record.writeDate));
  };
  const moves = parseRecords("stock.move", moveSchema, moveRecords, options.log).map((record) => ({
    id: record.id,
    writeDate: record.write_date,
    productId: record.product_id,
    done: record.state === "done",
  }));
  const quants = parseRecords("stock.quant", quantSchema, quantRecords, options.log).map(
    (record) => ({ id: record.id, writeDate: record.write_date, productId: record.product_id }),
  );
  const lines = parseRecords("product.supplierinfo", lineSchema, lineRecords, options.log).map(
    (record) => ({
      id: record.id,
      writeDate: record.write_date,
      templateId: record.product_tmpl_id,
    }),
  );
  const runs = parseRecords("inventory.segment.run", runSchema, runRecords, options.log);
  return {
    moves: fresh("stock.move", moves, moveRecords.length),
    quants: fresh("stock.quant", quants, quantRecords.length),
    vendorLines: fresh("product.supplierinfo", lines, lineRecords.length),
    requested: runs.filter((run) => run.state === "requested" && run.id !== ownRunId),
    ownRun: runs.find((run) => run.id === ownRunId) ?? null,
    serverTime: answer.server_time,
    cursor: next,
    continueAfter,
  };
}

/** True when a poll found nothing to process. */
export function isIdle(result: PollResult): boolean {
  return (
    result.moves.length === 0 &&
    result.quants.length === 0 &&
    result.vendorLines.length === 0 &&
    result.requested.length === 0
  );
}

/** Marks a poll's changes as processed, once its cycle committed. */
export function markSeen(seen: SeenChanges, result: PollResult): void {
  for (const move of result.moves) seen.add("stock.move", move.id, move.writeDate);
  for (const quant of result.quants) seen.add("stock.quant", quant.id, quant.writeDate);
  for (const line of result.vendorLines) seen.add("product.supplierinfo", line.id, line.writeDate);
}
