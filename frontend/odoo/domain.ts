/**
 * Odoo search domains and field lists with typed names. For a contract model (one listed in
 * `manifest/contract.json`) a name must be one of its contract fields, a path through one of them
 * (`run_id.state`), or one of the few core Odoo fields the frontend uses; a renamed contract field
 * fails the type check at every call. Other models (`stock.warehouse`) take any name.
 */
import type { FieldName, ModelName } from "../../manifest/contract.js";

/** Core Odoo fields (not in the contract) that the frontend filters on or reads. */
export type CoreField = "id" | "company_id" | "display_name" | "active" | "create_date";

/** A readable field of model `M`. */
export type FieldOf<M extends string> = M extends ModelName ? FieldName<M> | CoreField : string;

export type FieldPath<M extends string> =
  | FieldOf<M>
  | (M extends ModelName ? `${FieldName<M> | "company_id"}.${string}` : never);

export type Operator = "=" | "!=" | ">" | ">=" | "<" | "<=" | "in" | "not in";

export type DomainValue = string | number | boolean | readonly (string | number | false)[];

export type DomainLeaf<M extends string = string> = readonly [FieldPath<M>, Operator, DomainValue];

/** Prefix notation, as Odoo reads it: leaves are and-ed unless an operator says otherwise. */
export type Domain<M extends string = string> = readonly (DomainLeaf<M> | "|" | "&" | "!")[];
