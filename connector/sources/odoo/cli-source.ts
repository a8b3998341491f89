/**
 * The `odoo` source of the CLI's `--source`: `invseg plan --source odoo --out plan.json` plans a
 * live Odoo read-only, with the segmentation settings stored in Odoo (unless `--config` is given).
 */
import type { PlanningInput } from "../planning-input.js";
import { openOdoo } from "./connection.js";
import { loadOdooInput } from "./index.js";

interface SourceOptions {
  readonly period?: "week" | "month";
  readonly odooConfig?: string;
}

interface SourceProgress {
  update(fraction: number): void;
}

/** Shaped like the CLI's `SourceLoader` (registered in `connector/cli/sources.ts`). */
export const odooSource = {
  name: "odoo",
  async load(
    options: SourceOptions,
    progress: SourceProgress,
    through?: string,
  ): Promise<PlanningInput> {
    const { odoo } = await openOdoo(process.env, options.odooConfig);
    try {
      const period = options.period;
      const loaded = await loadOdooInput(odoo, {
        ...(period !== undefined && { period }),
        ...(through !== undefined && { through }),
        onProgress: (phase, done, total) => {
          if (phase === "demand") progress.update(total > 0 ? done / total : 1);
        },
      });
      for (const issue of loaded.issues.slice(0, 20)) {
        process.stderr.write(`invseg: left out ${issue.model} ${issue.id}: ${issue.problem}\n`);
      }
      return { demand: loaded.input.demand, items: loaded.input.items, config: loaded.config };
    } finally {
      odoo.close();
    }
  },
};
