/**
 * Values the connector sends to Odoo, typed by the contract (`manifest/contract.json`): a writer can
 * only name fields the contract lists for that model, so a renamed field fails the type check, and
 * `test/connector/writeback-contract.test.ts` checks every value that crosses the wire at run time.
 */
import {
  type FieldName,
  type ModelName,
  SEGMENTATION_WRITE_FIELDS,
} from "../../manifest/contract.js";
import type { OdooValue } from "../odoo/index.js";

/** Values for `create`/`write` (or a method's `vals_list`) on a contract model. */
export type ContractVals<M extends ModelName> = { readonly [F in FieldName<M>]?: OdooValue };

/** A `write_segmentation` row: the product id and its segmentation fields. */
export type SegmentationRow = ContractVals<"product.product"> & { readonly id: number };

/**
 * The product fields the connector owns and writes through `product.product.write_segmentation`,
 * as the contract lists them for that method (the lock is the planner's, the counts and the
 * template fields are computed by the addon).
 */
export const PRODUCT_SEGMENTATION_FIELDS = SEGMENTATION_WRITE_FIELDS;

export type ProductSegmentationField = (typeof PRODUCT_SEGMENTATION_FIELDS)[number];
