/**
 * The seed marker: an `ir.config_parameter` that says which demo plant a database holds and which
 * phases are complete. Written before the first record, so a database half-seeded with one plant
 * refuses another; updated after each phase, so a re-run skips what is done.
 */
import { z } from "zod";
import type { OdooClient } from "../odoo/index.js";
import { SeedConflictError } from "./errors.js";

export const SEED_MARKER_KEY = "invseg.seed";

/** The phases of seeding, in the order they run. */
export const SEED_PHASES = [
  "catalog",
  "opening",
  "purchases",
  "production",
  "deliveries",
  "consumption",
  "returns",
  "other-moves",
] as const;
export type SeedPhase = (typeof SEED_PHASES)[number];

/** What makes two seedings the same plant. */
export interface SeedIdentity {
  readonly seed: number;
  /** `small`, `medium`, `large`, or `custom` for a plant built by hand. */
  readonly scale: string;
  readonly products: number;
  /** First and last day of the history, `YYYY-MM-DD`. */
  readonly startDate: string;
  readonly endDate: string;
}

const markerSchema = z.object({
  version: z.literal(1),
  seed: z.number().int(),
  scale: z.string(),
  products: z.number().int().positive(),
  startDate: z.string(),
  endDate: z.string(),
  /** Moves per create request: fixed for the database, since batches are how resuming finds its place. */
  moveBatchSize: z.number().int().positive(),
  /** Completion time of each finished phase (ISO). */
  phases: z.partialRecord(z.enum(SEED_PHASES), z.string()),
  completedAt: z.string().optional(),
});
export type SeedMarker = z.infer<typeof markerSchema>;

/** The marker, or `undefined` on a database never seeded. */
export async function readMarker(odoo: OdooClient): Promise<SeedMarker | undefined> {
  const value = await odoo.call("ir.config_parameter", "get_param", {
    kwargs: { key: SEED_MARKER_KEY },
    idempotent: true,
  });
  if (value === false || value === null || value === "") return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(String(value));
  } catch {
    parsed = undefined;
  }
  const marker = markerSchema.safeParse(parsed);
  if (!marker.success) {
    throw new SeedConflictError(
      `the system parameter ${SEED_MARKER_KEY} does not hold a seed marker this version can read (${String(value).slice(0, 120)}); seed a fresh database`,
    );
  }
  return marker.data;
}

export async function writeMarker(odoo: OdooClient, marker: SeedMarker): Promise<void> {
  await odoo.call("ir.config_parameter", "set_param", {
    kwargs: { key: SEED_MARKER_KEY, value: JSON.stringify(markerSchema.parse(marker)) },
    idempotent: true,
  });
}

/**
 * @throws SeedConflictError when the database holds another plant.
 */
export function checkSameSeed(marker: SeedMarker, wanted: SeedIdentity): void {
  const fields = ["seed", "scale", "products", "startDate", "endDate"] as const;
  const differences = fields.filter((field) => marker[field] !== wanted[field]);
  if (differences.length === 0) return;
  throw new SeedConflictError(
    `this database already holds ${describeSeed(marker)}; asked for ${describeSeed(wanted)}. ` +
      "Seed a fresh database (e.g. createdb -T <template> <new>), or re-run with the same seed, scale and end date to resume.",
  );
}

export function describeSeed(identity: SeedIdentity): string {
  return `the demo plant seed ${identity.seed}, scale ${identity.scale} (${identity.products} products, ${identity.startDate} – ${identity.endDate})`;
}
