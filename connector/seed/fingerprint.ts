/**
 * A short digest of everything in a demo plant that ends up in Odoo, so that a database seeded by
 * one version of the generator is not "resumed" with another's plant.
 */
import { createHash } from "node:crypto";
import type { Plant } from "../sources/demo/index.js";

/**
 * @returns 16 hex digits of a SHA-256 over the plant's records and demand columns.
 * @example
 * plantFingerprint(generatePlant({ seed: 42 })) === plantFingerprint(generatePlant({ seed: 42 })); // true
 */
export function plantFingerprint(plant: Plant): string {
  const hash = createHash("sha256");
  hash.update(
    JSON.stringify([
      plant.seed,
      plant.startDay,
      plant.endDay,
      plant.products,
      plant.vendors,
      plant.supplierInfos,
      plant.boms,
      plant.productionOrders,
      plant.purchaseOrders,
      plant.leadTimeShift,
    ]),
  );
  const { demand } = plant;
  for (const column of [demand.day, demand.product, demand.quantity, demand.kind]) {
    hash.update(new Uint8Array(column.buffer, column.byteOffset, column.byteLength));
  }
  return hash.digest("hex").slice(0, 16);
}
