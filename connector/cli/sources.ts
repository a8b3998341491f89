import { loadCsvInput } from "../sources/csv/index.js";
import { generatePlant, plantPlanningInput } from "../sources/demo/index.js";
import { odooSource } from "../sources/odoo/cli-source.js";
import type { PlanningInput } from "../sources/planning-input.js";
import { UsageError } from "./errors.js";
import type { InputOptions } from "./options.js";
import type { Progress } from "./progress.js";

/** Reads planning input for the CLI from one kind of source. */
export interface SourceLoader {
  readonly name: string;
  /**
   * @param through widen the history with zero demand up to this period label (the as-of date).
   */
  load(options: InputOptions, progress: Progress, through?: string): Promise<PlanningInput>;
}

const loaders = new Map<string, SourceLoader>();

/** Makes a source available to `--source` (the odoo source registers itself the same way). */
export function registerSource(loader: SourceLoader): void {
  loaders.set(loader.name, loader);
}

export function sourceNames(): string[] {
  return [...loaders.keys()];
}

/** Reads the input the options point at. */
export async function loadInput(
  options: InputOptions,
  progress: Progress,
  through?: string,
): Promise<PlanningInput> {
  const loader = loaders.get(options.source);
  if (loader === undefined) {
    throw new UsageError(
      `unknown source "${options.source}"; use one of ${sourceNames().join(", ")}`,
    );
  }
  try {
    return await loader.load(options, progress, through);
  } finally {
    progress.done();
  }
}

registerSource({
  name: "csv",
  async load(options, progress, through) {
    if (options.demand === undefined || options.items === undefined) {
      throw new UsageError("the csv source needs --demand demand.csv and --items items.csv");
    }
    return loadCsvInput({
      demandPath: options.demand,
      itemsPath: options.items,
      ...(options.period !== undefined && { period: options.period }),
      ...(through !== undefined && { through }),
      onProgress: (fraction) => progress.update(fraction),
    });
  },
});

registerSource({
  name: "demo",
  async load(options) {
    let plant: ReturnType<typeof generatePlant>;
    try {
      plant = generatePlant({
        ...(options.seed !== undefined && { seed: options.seed }),
        ...(options.products !== undefined && { productCount: options.products }),
      });
    } catch (error) {
      if (error instanceof RangeError) throw new UsageError(`demo plant: ${error.message}`);
      throw error;
    }
    return plantPlanningInput(plant, { period: options.period ?? "week" });
  },
});

registerSource(odooSource);
