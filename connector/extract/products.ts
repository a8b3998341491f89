/**
 * The products a run plans, read from `product.product` with their current segmentation (the
 * hysteresis memory and the values the connector last wrote). Archived products, services and
 * consumables whose stock is not tracked are set aside as skipped, with the reason, because a
 * reordering rule cannot apply to them.
 */
import { z } from "zod";
import { selectionValues, type TierCode } from "../../manifest/contract.js";
import type { Domain, OdooClient, OdooContext, OdooValue } from "../odoo/index.js";
import {
  PRODUCT_SEGMENTATION_FIELDS,
  type ProductSegmentationField,
} from "../writeback/contract-vals.js";
import {
  dayOf,
  many2one,
  nonNegative,
  optionalDatetime,
  optionalSelection,
  optionalText,
  recordId,
  requiredMany2one,
} from "./odoo-values.js";
import { type IssueLog, parseRecords } from "./record-issues.js";

const TIER_VALUES = selectionValues("product.product", "segment_code") as [TierCode, ...TierCode[]];

/** The product's segmentation as stored in Odoo before this run. */
export interface StoredSegmentation {
  readonly tier: TierCode | null;
  readonly locked: boolean;
  readonly deescalationStreak: number;
  /** When the current tier was assigned (`segment_date`). */
  readonly since: string | null;
  /** The connector-owned fields as read (`false` kept as Odoo sends it), for change detection. */
  readonly values: Readonly<Partial<Record<ProductSegmentationField, OdooValue>>>;
}

/** A product's segment memory before a run: its tier, de-escalation streak and since-date. */
export interface SegmentMemory {
  readonly tier: TierCode | null;
  readonly streak: number;
  readonly since: string | null;
}

export type MemoryOf = (productId: number) => SegmentMemory;

export interface ProductFacts {
  readonly id: number;
  readonly templateId: number;
  /** Internal reference, or null. */
  readonly code: string | null;
  readonly name: string;
  readonly uomId: number;
  /** `standard_price` of the run's company. */
  readonly unitCost: number;
  /**
   * The UTC day the variant was created in Odoo (`create_date`): when it entered the catalogue,
   * unless demand before it proves it older (a catalogue migrated after its history began).
   */
  readonly createdOn: string | null;
  readonly stored: StoredSegmentation;
}

export type SkipReason = "archived" | "service" | "not-stock-tracked" | "combo";

export interface SkippedProduct {
  readonly id: number;
  readonly name: string;
  readonly reason: SkipReason;
}

export interface ProductRead {
  readonly products: ProductFacts[];
  readonly skipped: SkippedProduct[];
}

const MASTER_FIELDS = [
  "default_code",
  "display_name",
  "type",
  "is_storable",
  "active",
  "uom_id",
  "standard_price",
  "product_tmpl_id",
  "create_date",
  "segment_code",
  "segment_locked",
] as const;

const productSchema = z.looseObject({
  id: recordId,
  default_code: optionalText,
  display_name: z.string(),
  type: z.enum(["consu", "service", "combo"]),
  is_storable: z.boolean(),
  active: z.boolean(),
  uom_id: requiredMany2one,
  standard_price: nonNegative,
  product_tmpl_id: requiredMany2one,
  create_date: optionalDatetime,
  segment_code: optionalSelection(TIER_VALUES),
  segment_locked: z.boolean(),
  segment_id: many2one,
  segment_date: optionalDatetime,
  segment_deescalation_streak: z.number().int().min(0),
});

export interface ReadProductsOptions {
  /** Leave out `demand_history` (large) when the caller keeps its own copy. */
  readonly withHistory?: boolean;
  readonly pageSize?: number;
}

/**
 * Reads products matching `domain` (archived ones included, to report them), with their stored
 * segmentation.
 */
export async function readProducts(
  odoo: OdooClient,
  context: OdooContext,
  domain: Domain,
  log: IssueLog,
  options: ReadProductsOptions = {},
): Promise<ProductRead> {
  const segmentationFields = PRODUCT_SEGMENTATION_FIELDS.filter(
    (field) => options.withHistory !== false || field !== "demand_history",
  );
  const records = await odoo.searchRead("product.product", domain, {
    fields: [...MASTER_FIELDS, ...segmentationFields],
    context: { ...context, active_test: false },
    ...(options.pageSize !== undefined && { pageSize: options.pageSize }),
  });
  const products: ProductFacts[] = [];
  const skipped: SkippedProduct[] = [];
  for (const record of parseRecords("product.product", productSchema, records, log)) {
    const reason = skipReason(record);
    if (reason !== null) {
      skipped.push({ id: record.id, name: record.display_name, reason });
      continue;
    }
    const values: Partial<Record<ProductSegmentationField, OdooValue>> = {};
    for (const field of segmentationFields) values[field] = record[field] as OdooValue;
    products.push({
      id: record.id,
      templateId: record.product_tmpl_id,
      code: record.default_code,
      name: record.display_name,
      uomId: record.uom_id,
      unitCost: record.standard_price,
      createdOn: record.create_date === null ? null : dayOf(record.create_date),
      stored: {
        tier: record.segment_code,
        locked: record.segment_locked,
        deescalationStreak: record.segment_deescalation_streak,
        since: record.segment_date,
        values,
      },
    });
  }
  return { products, skipped };
}

function skipReason(record: {
  active: boolean;
  type: string;
  is_storable: boolean;
}): SkipReason | null {
  if (!record.active) return "archived";
  if (record.type === "service") return "service";
  if (record.type === "combo") return "combo";
  if (!record.is_storable) return "not-stock-tracked";
  return null;
}
