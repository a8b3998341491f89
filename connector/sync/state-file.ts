/**
 * The local copy of the last run's snapshot, so that an incremental run re-reads only what changed:
 * one gzipped JSON file per Odoo database and company in the state directory
 * (`$INVSEG_STATE_DIR`, else `$XDG_STATE_HOME/invseg`, else `~/.local/state/invseg`). It holds
 * planning facts (quantities, dates, ids, costs), never credentials. It is valid only for the run
 * that wrote it: an incremental run whose last done run has another key reads everything again.
 */
import { createHash } from "node:crypto";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { homedir } from "node:os";
import { join } from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import type { SyncCursor } from "../../manifest/contract.js";
import type { BomRead } from "../extract/boms.js";
import type { HistoryWindow } from "../extract/history-window.js";
import type { SkippedProduct } from "../extract/products.js";
import type { WarehouseFacts } from "../extract/scope.js";
import type { ProductData, Snapshot } from "../extract/snapshot.js";
import { type UnitFacts, UnitTable } from "../extract/units.js";
import type { VendorLine } from "../extract/vendors.js";

// 2: products carry `createdOn`; a format-1 file is read again in full rather than planned without.
const FORMAT = 2;

interface StateDocument {
  readonly format: typeof FORMAT;
  /** `connector_run_key` of the done run this snapshot ends. */
  readonly runKey: string;
  readonly companyId: number;
  readonly window: HistoryWindow;
  readonly warehouses: readonly WarehouseFacts[];
  readonly units: readonly UnitFacts[];
  readonly countUnitRootId: number | null;
  readonly products: readonly ProductData[];
  readonly skipped: readonly SkippedProduct[];
  readonly vendorLines: readonly (readonly [number, readonly VendorLine[]])[];
  readonly bom: BomRead;
  readonly cursor: SyncCursor;
}

/** The default state directory. */
export function defaultStateDir(env: Readonly<Record<string, string | undefined>>): string {
  if (env.INVSEG_STATE_DIR) return env.INVSEG_STATE_DIR;
  const base = env.XDG_STATE_HOME || join(homedir(), ".local", "state");
  return join(base, "invseg");
}

/** The file of one database and company (named by a hash: no URL in a file name). */
export function stateFilePath(
  dir: string,
  url: string,
  database: string,
  companyId: number,
): string {
  const hash = createHash("sha256")
    .update(`${url}\n${database}\n${companyId}`)
    .digest("hex")
    .slice(0, 16);
  return join(dir, `sync-${hash}.json.gz`);
}

export async function saveState(path: string, runKey: string, snapshot: Snapshot): Promise<void> {
  const document: StateDocument = {
    format: FORMAT,
    runKey,
    companyId: snapshot.companyId,
    window: snapshot.window,
    warehouses: snapshot.warehouses,
    units: snapshot.units.list(),
    countUnitRootId: snapshot.units.countUnitRootId,
    products: [...snapshot.products.values()],
    skipped: snapshot.skipped,
    vendorLines: [...snapshot.vendorLines],
    bom: snapshot.bom,
    cursor: snapshot.cursor,
  };
  await mkdir(join(path, ".."), { recursive: true, mode: 0o700 });
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, gzipSync(JSON.stringify(document)), { mode: 0o600 });
  await rename(temporary, path);
}

/** The saved snapshot if it ends the run `runKey`; null when absent, unreadable or of another run. */
export async function loadState(path: string, runKey: string): Promise<Snapshot | null> {
  let document: StateDocument;
  try {
    document = JSON.parse(gunzipSync(await readFile(path)).toString("utf8")) as StateDocument;
  } catch {
    return null;
  }
  if (document.format !== FORMAT || document.runKey !== runKey) return null;
  return {
    companyId: document.companyId,
    window: document.window,
    warehouses: document.warehouses,
    // A root unit is its own root, so it restores the table's count-unit family.
    units: new UnitTable(document.units, document.countUnitRootId),
    products: new Map(document.products.map((data) => [data.facts.id, data])),
    skipped: document.skipped,
    vendorLines: new Map(document.vendorLines),
    bom: document.bom,
    cursor: document.cursor,
  };
}
