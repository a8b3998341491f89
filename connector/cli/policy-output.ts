import { extname } from "node:path";
import type { ItemPlan } from "../../analytics/types.js";
import { UsageError } from "./errors.js";

/** The output columns of `invseg plan`, as DESIGN.md "File formats" lists them. */
export const POLICY_COLUMNS = [
  "sku",
  "abc",
  "xyz",
  "pattern",
  "tier",
  "service_target",
  "review_days",
  "demand_per_period",
  "safety_stock",
  "reorder_point",
  "max_stock",
  "reason",
] as const;

export type PolicyRecord = Record<(typeof POLICY_COLUMNS)[number], string | number>;

/** Output formats, chosen by the file extension. */
export type OutputFormat = "json" | "csv";

/**
 * The format of an output file from its extension.
 * @throws {UsageError} for any other extension.
 */
export function outputFormatOf(path: string): OutputFormat {
  const extension = extname(path).toLowerCase();
  if (extension === ".json") return "json";
  if (extension === ".csv") return "csv";
  throw new UsageError(`--out must end in .json or .csv, got "${path}"`);
}

/** One output record per item, in the planner's column names. */
export function policyRecord(plan: ItemPlan): PolicyRecord {
  return {
    sku: plan.sku,
    abc: plan.abc,
    xyz: plan.xyz,
    pattern: plan.pattern,
    tier: plan.tier,
    service_target: round(plan.serviceTarget, 4),
    review_days: plan.reviewDays,
    demand_per_period: round(plan.demandPerPeriod, 4),
    safety_stock: round(plan.safetyStock, 4),
    reorder_point: round(plan.reorderPoint, 4),
    max_stock: round(plan.maxStock, 4),
    reason: plan.reason,
  };
}

/** The policies as the text of a `.json` (an array of records) or `.csv` file. */
export function formatPolicies(plans: readonly ItemPlan[], format: OutputFormat): string {
  const records = plans.map(policyRecord);
  if (format === "json") return `${JSON.stringify(records, null, 2)}\n`;
  const lines = [POLICY_COLUMNS.join(",")];
  for (const record of records) {
    lines.push(POLICY_COLUMNS.map((column) => csvField(record[column])).join(","));
  }
  return `${lines.join("\n")}\n`;
}

/** RFC 4180: quote a field holding a comma, a quote or a line break; double inner quotes. */
export function csvField(value: string | number): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}
