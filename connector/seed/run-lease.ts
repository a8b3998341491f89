/**
 * One seeding at a time per database. Two runs creating the same batch at once could both
 * succeed, and then the batch would be there twice; so a run claims the seed marker, keeps the
 * claim alive while it works, and another run refuses while the claim is fresh. A run that was
 * killed leaves its claim behind; it lapses after `LEASE_MS` without a sign of life.
 */
import { randomUUID } from "node:crypto";
import type { OdooClient } from "../odoo/index.js";
import { SeedConflictError } from "./errors.js";
import { readMarker, type SeedMarker, writeMarker } from "./marker.js";

/** A claim without a heartbeat for this long is taken to belong to a dead run. */
const LEASE_MS = 5 * 60_000;
const HEARTBEAT_MS = 30_000;

export interface RunLease {
  /** Stops the heartbeat and clears the claim (best effort: a lost claim lapses anyway). */
  release(): Promise<void>;
}

/**
 * Claims `marker` (already read from Odoo, or new) for this run and writes it.
 * @throws SeedConflictError while another run holds a fresh claim.
 */
export async function claimRun(
  odoo: OdooClient,
  marker: SeedMarker,
  now: () => Date,
): Promise<RunLease> {
  const held = marker.run;
  if (held && now().getTime() - Date.parse(held.heartbeat) < LEASE_MS) refuse(held.heartbeat);
  const id = randomUUID();
  marker.run = { id, heartbeat: now().toISOString() };
  await writeMarker(odoo, marker);
  // Two runs starting together both write; the one whose claim is not the one stored gives way.
  const stored = await readMarker(odoo);
  if (stored?.run?.id !== id) refuse(stored?.run?.heartbeat ?? marker.run.heartbeat);
  const heartbeat = setInterval(() => {
    if (!marker.run) return;
    marker.run.heartbeat = now().toISOString();
    writeMarker(odoo, marker).catch(() => {
      // A missed heartbeat only shortens the claim; the next one retries.
    });
  }, HEARTBEAT_MS);
  heartbeat.unref();
  return {
    async release() {
      clearInterval(heartbeat);
      delete marker.run;
      await writeMarker(odoo, marker).catch(() => undefined);
    },
  };
}

function refuse(heartbeat: string): never {
  const lapses = new Date(Date.parse(heartbeat) + LEASE_MS).toISOString();
  throw new SeedConflictError(
    `another seed-odoo run is working on this database (last sign of life ${heartbeat}); ` +
      `let it finish. If it was killed, its claim lapses at ${lapses}: re-run after that to resume.`,
  );
}
