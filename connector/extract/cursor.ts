/**
 * Change cursors: per source model, a server time stamp and the newest id seen. An incremental run
 * reads what changed since the cursor of the last done run. Odoo stamps `write_date` with the start
 * of the writing transaction, so a transaction that commits late can carry an older stamp than a
 * cursor taken meanwhile: reads start a safety overlap before the cursor, and re-reading a change
 * is harmless because affected products are recomputed from scratch.
 *
 * The stamp is the newest `write_date` of all these models and of the run records (the last run's
 * close is a recent server time): a model nobody touched for a while then gets a cursor near now,
 * instead of its own last change, whose overlap would re-read that model's last five minutes of
 * activity on every run.
 */
import { z } from "zod";
import type { SyncCursor } from "../../manifest/contract.js";
import type { Domain, OdooClient } from "../odoo/index.js";
import { datetime, datetimeMs, recordId } from "./odoo-values.js";
import type { CompanyScope } from "./scope.js";

/** The models whose changes make a product's plan stale. */
const CURSOR_MODELS = [
  "stock.move",
  "product.product",
  "product.supplierinfo",
  "stock.warehouse.orderpoint",
] as const;
export type CursorModel = (typeof CURSOR_MODELS)[number];

/** How far before a cursor a read starts (long transactions commit with older stamps). */
export const CURSOR_OVERLAP_SECONDS = 300;

const newestSchema = z.object({ id: recordId, write_date: datetime });

/** Read for their latest stamp only: they change on every run. */
const CLOCK_MODELS = ["inventory.segment.run"];

/** The cursor now, for `models`; models without records are left out. */
export async function readCursor(
  odoo: OdooClient,
  scope: CompanyScope,
  models: readonly string[] = CURSOR_MODELS,
): Promise<SyncCursor> {
  const cursor: Record<string, { write_date: string; id: number }> = {};
  await Promise.all(
    [...models, ...CLOCK_MODELS].map(async (model) => {
      const [newest] = await odoo.searchRead(model, [], {
        fields: ["write_date"],
        order: "write_date desc, id desc",
        limit: 1,
        context: { ...scope.context, active_test: false },
      });
      const parsed = newestSchema.safeParse(newest);
      if (parsed.success)
        cursor[model] = { write_date: parsed.data.write_date, id: parsed.data.id };
    }),
  );
  const clock =
    Object.values(cursor)
      .map((entry) => entry.write_date)
      .sort()
      .at(-1) ?? "";
  // Keys in a fixed order: the cursor is compared and stored as JSON.
  return Object.fromEntries(
    models
      .filter((model) => cursor[model])
      .map((model) => [model, { write_date: clock, id: cursor[model]?.id ?? 0 }]),
  ) as SyncCursor;
}

/** The cursor's server stamp (every entry carries the same), or null for an empty cursor. */
export function cursorClock(cursor: SyncCursor): string | null {
  return (
    Object.values(cursor)
      .map((entry) => entry.write_date)
      .sort()
      .at(-1) ?? null
  );
}

/** Records changed since a stamp, reading `overlapSeconds` further back. */
export function changedSinceStamp(
  stamp: string,
  overlapSeconds: number = CURSOR_OVERLAP_SECONDS,
): Domain {
  return [["write_date", ">=", shiftSeconds(stamp, -overlapSeconds)]];
}

/**
 * Records of `model` changed since its cursor entry, reading `overlapSeconds` further back (all
 * records when the cursor has no entry for the model).
 */
export function changedSince(
  cursor: SyncCursor,
  model: string,
  overlapSeconds: number = CURSOR_OVERLAP_SECONDS,
): Domain {
  const entry = cursor[model];
  if (!entry) return [];
  return [["write_date", ">=", shiftSeconds(entry.write_date, -overlapSeconds)]];
}

function shiftSeconds(stamp: string, seconds: number): string {
  const ms = datetimeMs(stamp) + seconds * 1000;
  return new Date(ms).toISOString().slice(0, 19).replace("T", " ");
}
