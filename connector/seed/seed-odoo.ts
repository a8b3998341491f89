/**
 * `seedOdoo`: loads a demo plant into a live Odoo 19 through its API — catalogue, opening stock,
 * purchase history as real documents, two years of done stock moves — resumably, and reports what
 * it did. See the module files for each phase; `marker.ts` for how re-runs find their place.
 */
import type { MethodStats, OdooClient, RequestStats } from "../odoo/index.js";
import { isoDay, type Plant } from "../sources/demo/index.js";
import { type CatalogIds, seedCatalog } from "./catalog.js";
import { plantFingerprint } from "./fingerprint.js";
import {
  checkSameSeed,
  readMarker,
  SEED_PHASES,
  type SeedIdentity,
  type SeedMarker,
  type SeedPhase,
  writeMarker,
} from "./marker.js";
import {
  demandMoves,
  indexBySku,
  type MoveContext,
  openingMoves,
  productionMoves,
} from "./moves.js";
import { nonDemandMoves, nonDemandPlan } from "./non-demand.js";
import { discoverSetup, type SeedSetup } from "./odoo-setup.js";
import { seedPurchases } from "./purchases.js";
import { claimRun } from "./run-lease.js";
import { deliveriesReturned, seedMoves, seedScraps } from "./stock-moves.js";
import { productUnits } from "./units.js";

export interface SeedOptions {
  /** Recorded in the marker: `small`, `medium`, `large`, or `custom` (the default) for other plants. */
  readonly scale?: string;
  /** Moves per `create` request on a database seeded for the first time (default 500). */
  readonly moveBatchSize?: number;
  /** Called when a phase starts. */
  readonly onPhase?: (phase: SeedPhase) => void;
  /** Called as a phase advances. */
  readonly onProgress?: (phase: SeedPhase, done: number, total: number) => void;
  /**
   * Stops the run at the next batch boundary (the request in flight completes first, so nothing
   * is left half-done); the promise then rejects with the signal's reason. Re-run to resume.
   */
  readonly signal?: AbortSignal;
  /** The client's request counters (pass the one given to `connectOdoo`), for RPC counts. */
  readonly stats?: RequestStats;
  readonly now?: () => Date;
}

export interface SeedPhaseReport {
  readonly phase: SeedPhase;
  /** `already done`: the marker says a previous run finished it, so it was skipped. */
  readonly status: "seeded" | "already done";
  readonly seconds: number;
  /** RPC requests it sent (with `stats`). */
  readonly requests?: number;
  /** Records created (by model) and actions done (`purchase.order confirmed`…). */
  readonly created: Record<string, number>;
}

export interface SeedReport extends SeedIdentity {
  readonly mrp: boolean;
  /** A previous run had started on this database. */
  readonly resumed: boolean;
  readonly phases: readonly SeedPhaseReport[];
  /** Totals over the phases. */
  readonly created: Record<string, number>;
  readonly seconds: number;
  readonly requests?: number;
  readonly rpc?: Record<string, MethodStats>;
}

export const DEFAULT_MOVE_BATCH_SIZE = 500;

type Progress = (done: number, total: number) => void;
type PhaseWork = (progress: Progress) => Promise<Record<string, number>>;

/**
 * Seeds `plant` into the database `odoo` is connected to, or finishes an interrupted seeding of the
 * same plant. Safe to re-run: it creates only what is missing.
 * @throws SeedConflictError when the database holds another plant.
 * @throws SeedPrerequisiteError when Inventory or Purchase is missing.
 * @example
 * const odoo = await connectOdoo(loadConnectionConfig(process.env));
 * const report = await seedOdoo(odoo, seedPlant({ scale: "small", endDate: defaultEndDate() }), { scale: "small" });
 */
export async function seedOdoo(
  odoo: OdooClient,
  plant: Plant,
  options: SeedOptions = {},
): Promise<SeedReport> {
  const now = options.now ?? (() => new Date());
  const started = performance.now();
  const identity: SeedIdentity = {
    seed: plant.seed,
    scale: options.scale ?? "custom",
    products: plant.products.length,
    startDate: isoDay(plant.startDay),
    endDate: isoDay(plant.endDay),
    fingerprint: plantFingerprint(plant),
  };
  const setup = await discoverSetup(odoo);
  const existing = await readMarker(odoo);
  if (existing) checkSameSeed(existing, identity);
  const marker: SeedMarker = existing ?? {
    version: 1,
    ...identity,
    moveBatchSize: options.moveBatchSize ?? DEFAULT_MOVE_BATCH_SIZE,
    phases: {},
  };
  options.signal?.throwIfAborted();
  const lease = await claimRun(odoo, marker, now);
  try {
    const state = { identity, setup, marker, resumed: existing !== undefined, started };
    return await seedPhases(odoo, plant, options, state);
  } finally {
    await lease.release();
  }
}

interface SeedState {
  readonly identity: SeedIdentity;
  readonly setup: SeedSetup;
  readonly marker: SeedMarker;
  readonly resumed: boolean;
  /** `performance.now()` when the run began. */
  readonly started: number;
}

async function seedPhases(
  odoo: OdooClient,
  plant: Plant,
  options: SeedOptions,
  { identity, setup, marker, resumed, started }: SeedState,
): Promise<SeedReport> {
  const now = options.now ?? (() => new Date());

  const units = productUnits(plant);
  const plan = nonDemandPlan(plant);
  const phases: SeedPhaseReport[] = [];
  const runPhase = async (phase: SeedPhase, work: PhaseWork) => {
    const alreadyDone = marker.phases[phase] !== undefined;
    // The catalogue always runs: later phases need its ids, and finding them is cheap.
    if (alreadyDone && phase !== "catalog") {
      phases.push({ phase, status: "already done", seconds: 0, created: {} });
      return;
    }
    options.signal?.throwIfAborted();
    options.onPhase?.(phase);
    const phaseStarted = performance.now();
    const requestsBefore = options.stats?.requests ?? 0;
    const created = await work((done, total) => {
      // Called between requests: the place to stop without leaving anything half-done.
      options.signal?.throwIfAborted();
      options.onProgress?.(phase, done, total);
    });
    phases.push({
      phase,
      status: alreadyDone && Object.keys(created).length === 0 ? "already done" : "seeded",
      seconds: (performance.now() - phaseStarted) / 1000,
      ...(options.stats && { requests: options.stats.requests - requestsBefore }),
      created,
    });
    if (!alreadyDone) {
      marker.phases[phase] = now().toISOString();
      await writeMarker(odoo, marker);
    }
  };

  let ids: CatalogIds | undefined;
  await runPhase("catalog", async (progress) => {
    const catalog = await seedCatalog(odoo, plant, setup, units, progress);
    ids = catalog.ids;
    return catalog.created;
  });
  const catalogIds = ids as CatalogIds;
  const context: MoveContext = { setup, productIds: catalogIds.productIds, units };
  const moves = (phase: SeedPhase, onProgress: Progress) => ({
    odoo,
    phase,
    batchSize: marker.moveBatchSize,
    context,
    onProgress,
  });
  const deliveries = () => demandMoves(plant, "delivery");
  const work: Record<Exclude<SeedPhase, "catalog">, PhaseWork> = {
    opening: (progress) =>
      seedMoves(moves("opening", progress), openingMoves(plant, plan.extraOpening)),
    purchases: (progress) =>
      seedPurchases(
        odoo,
        plant,
        { setup, units, ids: catalogIds, indexOfSku: indexBySku(plant) },
        progress,
      ),
    production: (progress) => seedMoves(moves("production", progress), productionMoves(plant)),
    deliveries: (progress) => seedMoves(moves("deliveries", progress), deliveries()),
    consumption: (progress) =>
      seedMoves(moves("consumption", progress), demandMoves(plant, "consumption")),
    returns: async (progress) => {
      const returns = demandMoves(plant, "return");
      const returnOf = await deliveriesReturned(odoo, deliveries(), returns, context);
      return seedMoves(moves("returns", progress), returns, returnOf);
    },
    "other-moves": async (progress) => ({
      ...(await seedMoves(moves("other-moves", progress), nonDemandMoves(plan))),
      ...(await seedScraps(odoo, plan.scraps, context)),
    }),
  };
  for (const phase of SEED_PHASES) if (phase !== "catalog") await runPhase(phase, work[phase]);
  if (!marker.completedAt) {
    marker.completedAt = now().toISOString();
    await writeMarker(odoo, marker);
  }

  const totals: Record<string, number> = {};
  for (const report of phases) {
    for (const [key, count] of Object.entries(report.created))
      totals[key] = (totals[key] ?? 0) + count;
  }
  return {
    ...identity,
    mrp: setup.mrp,
    resumed,
    phases,
    created: totals,
    seconds: (performance.now() - started) / 1000,
    ...(options.stats && { requests: options.stats.requests, rpc: options.stats.snapshot() }),
  };
}
