/**
 * Batch helpers the seeding phases share: finding records by a natural key, creating resumable
 * batches tagged by `origin`, and back-dating many records with one write per distinct date.
 */
import type { Domain, OdooClient, OdooContext, OdooRecord, OdooVals } from "../odoo/index.js";
import { SeedIntegrityError } from "./errors.js";

/** Keeps chatter and followers out of bulk creates: history, not conversations. */
export const QUIET_CONTEXT: OdooContext = {
  tracking_disable: true,
  mail_create_nolog: true,
  mail_create_nosubscribe: true,
  mail_notrack: true,
};

/** `origin` of everything the seeder creates in batches: `invseg-seed/<phase>/<n>`. */
export const SEED_ORIGIN = "invseg-seed";

const LOOKUP_CHUNK = 2000;

/**
 * Records whose `field` is one of `keys`, archived ones included, by key (the first record of a
 * key wins). One request per 2,000 keys.
 */
export async function recordsByKey(
  odoo: OdooClient,
  model: string,
  field: string,
  keys: readonly string[],
  fields: readonly string[] = [],
  extra: Domain = [],
): Promise<Map<string, OdooRecord>> {
  const found = new Map<string, OdooRecord>();
  for (let start = 0; start < keys.length; start += LOOKUP_CHUNK) {
    const chunk = keys.slice(start, start + LOOKUP_CHUNK);
    const records = await odoo.searchRead(model, [[field, "in", chunk], ...extra], {
      fields: [field, ...fields],
      context: { active_test: false },
    });
    for (const record of records) {
      const key = String(record[field]);
      if (!found.has(key)) found.set(key, record);
    }
  }
  return found;
}

/** Writes `field` = each value on its ids: one request per distinct value (and 500 ids). */
export async function writeByValue(
  odoo: OdooClient,
  model: string,
  field: string,
  idsByValue: ReadonlyMap<string, readonly number[]>,
  onProgress?: (done: number, total: number) => void,
): Promise<number> {
  let done = 0;
  for (const [value, ids] of idsByValue) {
    await odoo.write(model, ids, { [field]: value }, { context: QUIET_CONTEXT });
    done++;
    onProgress?.(done, idsByValue.size);
  }
  return [...idsByValue.values()].reduce((sum, ids) => sum + ids.length, 0);
}

/** Adds `id` under `key`. */
export function pushTo<K>(map: Map<K, number[]>, key: K, id: number): void {
  const list = map.get(key);
  if (list) list.push(id);
  else map.set(key, [id]);
}

export interface OriginBatches {
  readonly odoo: OdooClient;
  readonly model: string;
  /** Names the batches: `invseg-seed/<phase>/<n>`. */
  readonly phase: string;
  readonly batchSize: number;
  readonly onProgress?: ((done: number, total: number) => void) | undefined;
}

/**
 * Creates `count` records in batches of `batchSize`, each batch tagged with its own `origin`, and
 * skips the batches already in Odoo. A batch is one request and so one transaction: it is wholly
 * there or not at all, which is what lets an interrupted run resume without duplicates.
 * @param valsOf the values of records `start` to `end` (exclusive), tagged with `origin`.
 * @returns how many records were created and how many were already there.
 * @throws SeedIntegrityError when a batch is in Odoo with a different number of records.
 */
export async function createOriginBatches(
  run: OriginBatches,
  count: number,
  valsOf: (start: number, end: number, origin: string) => OdooVals[] | Promise<OdooVals[]>,
): Promise<{ created: number; existing: number }> {
  const prefix = `${SEED_ORIGIN}/${run.phase}/`;
  const groups = await run.odoo.formattedReadGroup(
    run.model,
    [["origin", "=like", `${prefix}%`]],
    ["origin"],
    ["__count"],
  );
  const present = new Map(groups.map((group) => [String(group.origin), Number(group.__count)]));
  let created = 0;
  let existing = 0;
  for (let start = 0; start < count; start += run.batchSize) {
    const end = Math.min(count, start + run.batchSize);
    const origin = `${prefix}${start / run.batchSize}`;
    const there = present.get(origin);
    if (there !== undefined) {
      if (there !== end - start) {
        throw new SeedIntegrityError(
          `${run.model} batch "${origin}" holds ${there} records where ${end - start} were created; ` +
            "it was changed by hand: delete its records and re-run",
        );
      }
      existing += there;
    } else {
      const vals = await valsOf(start, end, origin);
      await run.odoo.create(run.model, vals, { batchSize: vals.length, context: QUIET_CONTEXT });
      created += vals.length;
    }
    run.onProgress?.(end, count);
  }
  return { created, existing };
}
