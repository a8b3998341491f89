/**
 * Where watch mode stands in each model it polls: the `(write_date, id)` of the last change it
 * processed, stored in the watch run's `sync_cursor` after the write-back of each cycle committed.
 *
 * Odoo stamps `write_date` with the start of the writing transaction, so a transaction that
 * commits late carries a stamp older than changes already seen. A poll therefore reads from a
 * floor `overlapSeconds` before the server's time at the previous poll (the watch run's own
 * `write_date`, so no clock of this host is trusted): whatever committed since then is stamped
 * later than that, as long as no transaction lasts longer than the overlap. `SeenChanges` skips
 * what was already processed in that stretch; when nothing happens, the floor moves on and a poll
 * reads nothing. A restarted process starts from its stored cursor minus the overlap and has no
 * memory of the stretch: it processes it again — at-least-once, made exactly-once in effect by the
 * idempotent writes (event dedup keys, `submit_pending`, `write_segmentation`).
 */
import type { SyncCursor } from "../../manifest/contract.js";
import type { Domain } from "../odoo/index.js";

/** The models watch mode polls by cursor. */
export const WATCHED_MODELS = ["stock.move", "stock.quant", "product.supplierinfo"] as const;
export type WatchedModel = (typeof WATCHED_MODELS)[number];

/** A position in a model's change order. */
export interface CursorPosition {
  readonly write_date: string;
  readonly id: number;
}

/** Default overlap, as the sync's (`CURSOR_OVERLAP_SECONDS`): long transactions commit late. */
export const WATCH_OVERLAP_SECONDS = 300;

/** True when `a` comes after `b` in `(write_date, id)` order. */
export function isAfter(a: CursorPosition, b: CursorPosition): boolean {
  return a.write_date > b.write_date || (a.write_date === b.write_date && a.id > b.id);
}

/**
 * The records to read: changed at or after `floor` (all records without one), or — to page
 * through a burst — strictly after `continueAfter`.
 */
export function changedDomain(floor: string | undefined, continueAfter?: CursorPosition): Domain {
  if (continueAfter) {
    return [
      "|",
      ["write_date", ">", continueAfter.write_date],
      "&",
      ["write_date", "=", continueAfter.write_date],
      ["id", ">", continueAfter.id],
    ];
  }
  return floor === undefined ? [] : [["write_date", ">=", floor]];
}

/** The cursor moved to `position` for `model`, if that is later. */
export function advance(cursor: SyncCursor, model: string, position: CursorPosition): SyncCursor {
  const current = cursor[model];
  if (current && !isAfter(position, current)) return cursor;
  return { ...cursor, [model]: { write_date: position.write_date, id: position.id } };
}

/** Changes processed within the overlap, so that a poll reading them again skips them. */
export class SeenChanges {
  readonly #seen = new Map<string, string>();

  has(model: string, id: number, writeDate: string): boolean {
    return this.#seen.get(`${model}:${id}`) === writeDate;
  }

  add(model: string, id: number, writeDate: string): void {
    this.#seen.set(`${model}:${id}`, writeDate);
  }

  /** Forgets changes below the floors (a poll can no longer return them). */
  prune(floors: Readonly<Partial<Record<string, string>>>): void {
    for (const [key, writeDate] of this.#seen) {
      const floor = floors[key.slice(0, key.lastIndexOf(":"))];
      if (floor !== undefined && writeDate < floor) this.#seen.delete(key);
    }
  }
}

export function shiftSeconds(stamp: string, seconds: number): string {
  const ms = Date.parse(`${stamp.replace(" ", "T")}Z`) + seconds * 1000;
  return new Date(ms).toISOString().slice(0, 19).replace("T", " ");
}
