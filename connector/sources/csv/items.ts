import { type ItemMaster, TIERS, type Tier } from "../../../analytics/types.js";
import { CsvInputError } from "./errors.js";
import { fieldError, optionalNumber, requiredNumber } from "./fields.js";
import { readHeader } from "./header.js";
import { CsvRecordReader } from "./record-reader.js";

const REQUIRED = ["sku", "unit_cost"] as const;
const OPTIONAL = [
  "order_cost",
  "holding_rate",
  "holding_cost_per_year",
  "lead_time_days",
  "lead_time_weeks",
  "lead_time_sd_days",
  "min_order_qty",
  "order_multiple",
  "criticality",
  "on_hand",
] as const;

const NON_NEGATIVE = { min: 0 } as const;
const DAYS_PER_WEEK = 7;

/**
 * Reads `items.csv`: `sku,unit_cost` and the optional columns of DESIGN.md "File formats", plus
 * `on_hand` (stock now, for the report's stock value and cash projection). Empty optional fields
 * fall back to the configuration's defaults. `criticality` locks the item's tier.
 * @param path the file to read.
 * @param file how to name it in error messages; defaults to `path`.
 * @returns one record per row, in file order.
 * @throws {CsvInputError} naming the file, line and column: `empty_file`, `missing_column`,
 *   `not_a_number`, `out_of_range`, `bad_value` (an empty SKU, an unknown criticality, clashing
 *   lead-time columns) or `duplicate_sku`.
 */
export function readItems(path: string, file: string = path): ItemMaster[] {
  const reader = new CsvRecordReader(path, file);
  try {
    const columns = readHeader(reader, REQUIRED, OPTIONAL);
    const items: ItemMaster[] = [];
    const lineOfSku = new Map<string, number>();
    while (reader.next()) {
      const sku = reader.text(columns.sku).trim();
      if (sku === "") throw fieldError(reader, columns.sku, "sku", "bad_value", "the SKU is empty");
      const firstLine = lineOfSku.get(sku);
      if (firstLine !== undefined) {
        throw fieldError(
          reader,
          columns.sku,
          "sku",
          "duplicate_sku",
          `duplicate SKU "${sku}" (first on line ${firstLine})`,
        );
      }
      lineOfSku.set(sku, reader.line);
      items.push(readItem(reader, columns, sku));
    }
    if (items.length === 0) {
      throw new CsvInputError("empty_file", { file }, "the file has a header but no items");
    }
    return items;
  } finally {
    reader.close();
  }
}

type ItemColumns = Record<(typeof REQUIRED)[number] | (typeof OPTIONAL)[number], number>;

function readItem(reader: CsvRecordReader, columns: ItemColumns, sku: string): ItemMaster {
  const unitCost = requiredNumber(reader, columns.unit_cost, "unit_cost", NON_NEGATIVE);
  const orderCost = optionalNumber(reader, columns.order_cost, "order_cost", NON_NEGATIVE);
  const holdingRate = optionalNumber(reader, columns.holding_rate, "holding_rate", {
    min: 0,
    max: 1,
    hint: "a fraction of unit cost per year: 0.25 means 25 %",
  });
  const holdingCostPerYear = optionalNumber(
    reader,
    columns.holding_cost_per_year,
    "holding_cost_per_year",
    NON_NEGATIVE,
  );
  const leadTimeDays = readLeadTimeDays(reader, columns);
  const leadTimeSdDays = optionalNumber(
    reader,
    columns.lead_time_sd_days,
    "lead_time_sd_days",
    NON_NEGATIVE,
  );
  const minOrderQty = optionalNumber(reader, columns.min_order_qty, "min_order_qty", NON_NEGATIVE);
  const orderMultiple = optionalNumber(reader, columns.order_multiple, "order_multiple", {
    min: 0,
    exclusiveMin: true,
  });
  const lockedTier = readCriticality(reader, columns.criticality);
  const onHand = optionalNumber(reader, columns.on_hand, "on_hand", NON_NEGATIVE);
  return {
    sku,
    unitCost,
    ...(orderCost !== undefined && { orderCost }),
    ...(holdingRate !== undefined && { holdingRate }),
    ...(holdingCostPerYear !== undefined && { holdingCostPerYear }),
    ...(leadTimeDays !== undefined && { leadTimeDays }),
    ...(leadTimeSdDays !== undefined && { leadTimeSdDays }),
    ...(minOrderQty !== undefined && { minOrderQty }),
    ...(orderMultiple !== undefined && { orderMultiple }),
    ...(lockedTier !== undefined && { lockedTier }),
    ...(onHand !== undefined && { onHand }),
  };
}

/** `lead_time_days`, or `lead_time_weeks` × 7; both on one row must agree. */
function readLeadTimeDays(reader: CsvRecordReader, columns: ItemColumns): number | undefined {
  const days = optionalNumber(reader, columns.lead_time_days, "lead_time_days", NON_NEGATIVE);
  const weeks = optionalNumber(reader, columns.lead_time_weeks, "lead_time_weeks", NON_NEGATIVE);
  if (weeks === undefined) return days;
  if (days !== undefined && Math.abs(days - weeks * DAYS_PER_WEEK) > 1e-9) {
    throw fieldError(
      reader,
      columns.lead_time_weeks,
      "lead_time_weeks",
      "bad_value",
      `${weeks} weeks disagrees with lead_time_days ${days}; give one of the two`,
    );
  }
  return weeks * DAYS_PER_WEEK;
}

function readCriticality(reader: CsvRecordReader, field: number): Tier | undefined {
  if (field < 0 || reader.isEmpty(field)) return undefined;
  const text = reader.text(field).trim().toLowerCase();
  const tier = TIERS.find((candidate) => candidate === text);
  if (tier === undefined) {
    throw fieldError(
      reader,
      field,
      "criticality",
      "bad_value",
      `"${reader.text(field)}" is not a tier; use one of ${TIERS.join(", ")} or leave it empty`,
    );
  }
  return tier;
}
