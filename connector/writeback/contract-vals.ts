/**
 * Values the connector sends to Odoo, typed by the contract (`manifest/contract.json`): a writer can
 * only name fields the contract lists for that model, so a renamed field fails the type check, and
 * `test/connector/writeback-contract.test.ts` checks every value that crosses the wire at run time.
 */
import type { FieldName, ModelName } from "../../manifest/contract.js";
import type { OdooValue } from "../odoo/index.js";

/** Values for `create`/`write` (or a method's `vals_list`) on a contract model. */
export type ContractVals<M extends ModelName> = { readonly [F in FieldName<M>]?: OdooValue };

/** A `write_segmentation` row: the product id and its segmentation fields. */
export type SegmentationRow = ContractVals<"product.product"> & { readonly id: number };

/**
 * The product fields the connector owns and writes through `product.product.write_segmentation`
 * (the lock is the planner's, the counts and the template fields are computed by the addon).
 */
export const PRODUCT_SEGMENTATION_FIELDS = [
  "segment_id",
  "abc_class",
  "xyz_class",
  "demand_pattern",
  "criticality_score",
  "segment_reason",
  "segment_date",
  "segment_deescalation_streak",
  "avg_daily_demand",
  "demand_cv",
  "demand_adi",
  "demand_cv2",
  "lead_time_mean_days",
  "lead_time_sd_days",
  "lead_time_on_time_rate",
  "annual_consumption_value",
  "bom_parent_count",
  "vendor_count",
  "demand_history",
] as const satisfies readonly FieldName<"product.product">[];

export type ProductSegmentationField = (typeof PRODUCT_SEGMENTATION_FIELDS)[number];
