/**
 * The watch's run record (`inventory.segment.run`, mode `watch`): created when a watch process
 * starts, kept `running` with a heartbeat while it polls, holding the cursor of the last cycle
 * whose write-back committed (`sync_cursor`), and closed `done` on a clean shutdown (or `failed`
 * with the reason).
 *
 * Only one watch process may work a company at a time. Its run key names the host and process
 * (`watch:<host>:<pid>:<uuid>`): a new process on the same host takes over at once from one whose
 * process is gone (killed, crashed); a run from another host is taken over once it has been silent
 * for the lease. The new process resumes from the newest cursor any watch run stored.
 */
import { randomUUID } from "node:crypto";
import { z } from "zod";
import {
  jsonFormatSchemas,
  type ProductBaseline,
  type SyncCursor,
} from "../../manifest/contract.js";
import { datetime, optionalText, recordId } from "../extract/odoo-values.js";
import type { CompanyScope } from "../extract/scope.js";
import { isOdooError, type OdooClient } from "../odoo/index.js";
import type { ContractVals } from "../writeback/contract-vals.js";
import { ageSeconds, CONNECTOR_VERSION } from "../writeback/runs.js";

const RUN = "inventory.segment.run";

/** Another watch process works this company; the message says where and since when. */
export class WatchInProgressError extends Error {
  override readonly name = "WatchInProgressError";
}

/** Who this process is, for its run key. */
export interface WatchIdentity {
  readonly host: string;
  readonly pid: number;
  /** True when a process with this id runs on this host (`process.kill(pid, 0)`). */
  readonly isAlive: (pid: number) => boolean;
}

export interface ClaimOptions {
  readonly identity: WatchIdentity;
  /** A silent watch run of another host is taken over after this many seconds. */
  readonly leaseSeconds: number;
  readonly now: () => number;
}

export interface Claim {
  readonly run: WatchRun;
  /**
   * The cursor to resume from: the newest a watch run stored (`fromWatch`), else the last done
   * sync run's.
   */
  readonly resumedFrom: {
    readonly run: string;
    readonly cursor: SyncCursor;
    readonly fromWatch: boolean;
  } | null;
  /** Watch runs found dead and closed. */
  readonly closed: readonly string[];
  /** The memory the resumed run's last cycle planned from, when it was cut off in its writes. */
  readonly interrupted: ProductBaseline | null;
}

const runSchema = z.object({
  id: recordId,
  name: z.string(),
  connector_run_key: optionalText,
  write_date: datetime,
  sync_cursor: z.unknown(),
  product_baseline: z.unknown(),
});

const KEY = /^watch:(.+):(\d+):[0-9a-f-]+$/;

const stampOf = (ms: number) => new Date(ms).toISOString().slice(0, 19).replace("T", " ");

export class WatchRun {
  private constructor(
    private readonly odoo: OdooClient,
    private readonly scope: CompanyScope,
    readonly id: number,
    readonly name: string,
    readonly key: string,
    private readonly now: () => number,
  ) {}

  /**
   * Closes dead watch runs, creates this process's run and says where to resume.
   * @throws {WatchInProgressError} when a live watch process holds the company.
   */
  static async claim(odoo: OdooClient, scope: CompanyScope, options: ClaimOptions): Promise<Claim> {
    const { identity } = options;
    const read = (domain: Parameters<OdooClient["searchRead"]>[1], limit?: number) =>
      odoo
        .searchRead(RUN, domain, {
          fields: ["name", "connector_run_key", "write_date", "sync_cursor", "product_baseline"],
          order: "id desc",
          ...(limit !== undefined && { limit }),
          context: scope.context,
        })
        .then((records) => records.map((record) => runSchema.parse(record)));
    const [running, lastWatches, lastDone] = await Promise.all([
      read([
        ["mode", "=", "watch"],
        ["state", "=", "running"],
      ]),
      read([["mode", "=", "watch"]], 10),
      read(
        [
          ["state", "=", "done"],
          ["warehouse_id", "=", false],
          ["mode", "in", ["full", "incremental", "requested"]],
        ],
        1,
      ),
    ]);
    const now = options.now();
    const dead: typeof running = [];
    for (const run of running) {
      const owner = KEY.exec(run.connector_run_key ?? "");
      const silent = ageSeconds(run.write_date, now);
      const sameHost = owner?.[1] === identity.host;
      const alive = sameHost
        ? Number(owner?.[2]) !== identity.pid && identity.isAlive(Number(owner?.[2]))
        : silent < options.leaseSeconds;
      if (alive) {
        throw new WatchInProgressError(
          `${run.name} is watching this company (${owner ? `process ${owner[2]} on ${owner[1]}` : "another connector"}, ` +
            `last sign of life ${Math.round(silent)} s ago); stop it first, or wait ${options.leaseSeconds} s after it went silent`,
        );
      }
      dead.push(run);
    }
    const cursorOf = (record: (typeof running)[number] | undefined, fromWatch: boolean) => {
      const parsed = jsonFormatSchemas.sync_cursor.safeParse(record?.sync_cursor);
      return record && parsed.success ? { run: record.name, cursor: parsed.data, fromWatch } : null;
    };
    const resumedFrom =
      lastWatches.map((record) => cursorOf(record, true)).find((found) => found !== null) ??
      cursorOf(lastDone[0], false);
    const resumedRun = lastWatches.find((record) => record.name === resumedFrom?.run);
    const baseline = jsonFormatSchemas.product_baseline.safeParse(resumedRun?.product_baseline);
    const interrupted =
      resumedFrom?.fromWatch && baseline.success && Object.keys(baseline.data.products).length > 0
        ? baseline.data
        : null;
    const key = `watch:${identity.host}:${identity.pid}:${randomUUID()}`;
    const vals: ContractVals<"inventory.segment.run"> = {
      mode: "watch",
      state: "running",
      date_start: stampOf(now),
      connector_run_key: key,
      connector_version: CONNECTOR_VERSION,
      company_id: scope.companyId,
      ...(resumedFrom && { sync_cursor: resumedFrom.cursor }),
    };
    try {
      await odoo.create(RUN, [vals], { context: scope.context, idempotent: true });
    } catch (error) {
      // A retried create whose first attempt committed: the key is taken, by our own record.
      if (!isOdooError(error) || error.code !== "validation") throw error;
    }
    const [created] = await read([["connector_run_key", "=", key]], 1);
    if (!created) throw new Error(`the watch run with key ${key} was not found after its creation`);
    const run = new WatchRun(odoo, scope, created.id, created.name, key, options.now);
    if (dead.length > 0)
      await run.#write(
        dead.map((record) => record.id),
        {
          state: "failed",
          date_end: stampOf(now),
          error: `interrupted: its process stopped without closing it; ${created.name} took over at ${stampOf(now)} UTC`,
        },
      );
    return { run, resumedFrom, closed: dead.map((record) => record.name), interrupted };
  }

  /**
   * The heartbeat; with a cursor, also the commit of a cycle (`event_count` etc. when given),
   * which clears the cycle's baseline.
   */
  async beat(cursor?: SyncCursor, counts?: { events: number; suggestions: number }): Promise<void> {
    await this.#write([this.id], {
      state: "running",
      ...(cursor && {
        sync_cursor: cursor,
        product_baseline: { taken_at: stampOf(this.now()), products: {} },
      }),
      ...(counts && { event_count: counts.events, suggestion_count: counts.suggestions }),
    });
  }

  /** Keeps the memory a cycle plans from until it commits (see `CycleOptions.interrupted`). */
  async keepBaseline(baseline: ProductBaseline): Promise<void> {
    await this.#write([this.id], { product_baseline: baseline });
  }

  /** Ends the run: `done` on a clean shutdown, `failed` with the reason otherwise. */
  async close(now: number, cursor: SyncCursor, error?: string): Promise<void> {
    await this.#write([this.id], {
      state: error === undefined ? "done" : "failed",
      date_end: stampOf(now),
      sync_cursor: cursor,
      error: error ?? false,
    });
  }

  async #write(ids: number[], vals: ContractVals<"inventory.segment.run">): Promise<void> {
    await this.odoo.write(RUN, ids, vals, { context: this.scope.context });
  }
}

/** This process, for `WatchRun.claim`. */
export function processIdentity(host: string): WatchIdentity {
  return {
    host,
    pid: process.pid,
    isAlive: (pid) => {
      try {
        process.kill(pid, 0);
        return true;
      } catch (error) {
        // EPERM: it exists but belongs to another user.
        return (error as NodeJS.ErrnoException).code === "EPERM";
      }
    },
  };
}
