/**
 * The AUTO data set (3,000 automotive spare parts, 24 months; Syntetos & Boylan, via de Haan 2021,
 * github.com/danieldehaan96/spdf), read where CI keeps it: `../shared/data/auto/` beside the
 * repository. It may not be copied into the project.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { loadCsvInput } from "../../connector/sources/csv/index.js";
import type { PlanningInput } from "../../connector/sources/planning-input.js";

export const AUTO_DIRECTORY = fileURLToPath(new URL("../../../shared/data/auto/", import.meta.url));

/** demand.csv and items.csv through the csv source, on the monthly grid. */
export function loadAuto(): PlanningInput {
  return loadCsvInput({
    demandPath: `${AUTO_DIRECTORY}demand.csv`,
    itemsPath: `${AUTO_DIRECTORY}items.csv`,
    period: "month",
  });
}

/** One row of sbc_reference.csv. */
export interface SbcReference {
  readonly adi: number;
  readonly cv2: number;
  readonly pattern: string;
}

/** sbc_reference.csv by SKU. */
export function loadSbcReference(): Map<string, SbcReference> {
  const lines = readFileSync(`${AUTO_DIRECTORY}sbc_reference.csv`, "utf8").trim().split("\n");
  const reference = new Map<string, SbcReference>();
  for (const line of lines.slice(1)) {
    const [sku, adi, cv2, pattern] = line.split(",");
    reference.set(sku as string, {
      adi: Number(adi),
      cv2: Number(cv2),
      pattern: pattern as string,
    });
  }
  return reference;
}
