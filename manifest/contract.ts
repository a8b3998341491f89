/**
 * The connector↔addon contract, `manifest/contract.json`, typed for the connector and the
 * frontend. The JSON is the single source of truth: model, field, tier, config-key and method
 * names are its keys, so the types below are derived from it and a renamed field fails the type
 * check wherever it is used. The addon's Python test (`tests/test_contract.py`) checks the
 * installed models against the same file.
 *
 * @example
 * import { contract, selectionValues, writableFields } from "../manifest/contract.js";
 * selectionValues("inventory.segment.suggestion", "state"); // ["pending", "accepted", ...]
 * writableFields("product.product").includes("segment_id"); // true
 */
import { z } from "zod";
import contractJson from "./contract.json" with { type: "json" };

/** Odoo field types the contract uses, as `ir.model.fields.ttype` names them. */
export const FIELD_TYPES = [
  "char",
  "text",
  "integer",
  "float",
  "monetary",
  "boolean",
  "selection",
  "many2one",
  "one2many",
  "many2many",
  "date",
  "datetime",
  "json",
] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

const RELATIONAL: readonly FieldType[] = ["many2one", "one2many", "many2many"];

const fieldSpecSchema = z
  .object({
    type: z.enum(FIELD_TYPES),
    required: z.boolean().optional(),
    /** Readonly in Odoo (computed, related, or set only by a method): the connector never writes it. */
    readonly: z.boolean().optional(),
    relation: z.string().optional(),
    inverse: z.string().optional(),
    selection: z.record(z.string(), z.string()).optional(),
    /** For `json` fields: the key of the payload's shape in `json_formats`. */
    format: z.string().optional(),
  })
  .strict()
  .superRefine((spec, ctx) => {
    // Each attribute belongs to exactly the field types that use it.
    const attributes = [
      ["relation", RELATIONAL.includes(spec.type), spec.relation],
      ["inverse", spec.type === "one2many", spec.inverse],
      ["selection", spec.type === "selection", spec.selection],
      ["format", spec.type === "json", spec.format],
    ] as const;
    for (const [attribute, expected, value] of attributes) {
      if (expected !== (value !== undefined)) {
        const verb = expected ? "needs" : "cannot have";
        ctx.addIssue({ code: "custom", message: `a ${spec.type} field ${verb} "${attribute}"` });
      }
    }
  });

const semver = z.string().regex(/^\d+\.\d+\.\d+$/, "expected MAJOR.MINOR.PATCH");
const xmlId = z.string().regex(/^\w+\.\w+$/, "expected module.name");

const contractSchema = z
  .object({
    contract_version: semver,
    addon: z
      .object({
        name: z.string(),
        version: z.string().regex(/^19\.0\.\d+\.\d+\.\d+$/, "expected 19.0.x.y.z"),
        depends: z.array(z.string()),
      })
      .strict(),
    tiers: z.record(
      z.string(),
      z
        .object({ xml_id: xmlId, tag_xml_id: xmlId, service_target: z.number().min(0).lt(1) })
        .strict(),
    ),
    groups: z.object({ user: xmlId, planner: xmlId, manager: xmlId }).strict(),
    config_parameters: z.record(
      z.string().startsWith("inventory_segmentation."),
      z
        .object({
          type: z.enum(["char", "integer", "float", "selection"]),
          default: z.union([z.string(), z.number()]),
          selection: z.record(z.string(), z.string()).optional(),
          settings_field: z.string(),
        })
        .strict(),
    ),
    json_formats: z.record(z.string(), z.string()),
    models: z.record(
      z.string(),
      z
        .object({
          description: z.string(),
          extends: z.boolean().optional(),
          company_scoped: z.enum(["optional", "required"]).optional(),
          unique: z.array(z.array(z.string())).optional(),
          fields: z.record(z.string(), fieldSpecSchema),
        })
        .strict(),
    ),
    methods: z.record(
      z.string(),
      z
        .object({
          model: z.string(),
          name: z.string().regex(/^[a-z]\w*$/, "a public method name"),
          on: z.enum(["ids", "model"]),
          group: z.enum(["user", "planner", "manager"]),
          params: z.array(z.string()).optional(),
          /** The fields of the model the method writes (and the only ones it accepts). */
          writes: z.array(z.string()).optional(),
          summary: z.string(),
        })
        .strict(),
    ),
  })
  .strict()
  .superRefine((value, ctx) => {
    for (const [model, spec] of Object.entries(value.models)) {
      for (const [name, field] of Object.entries(spec.fields)) {
        if (field.format !== undefined && !(field.format in value.json_formats)) {
          ctx.addIssue({
            code: "custom",
            path: ["models", model, "fields", name, "format"],
            message: `unknown json format "${field.format}"`,
          });
        }
      }
    }
    for (const [key, method] of Object.entries(value.methods)) {
      const model = value.models[method.model];
      if (key !== `${method.model}.${method.name}` || model === undefined) {
        ctx.addIssue({
          code: "custom",
          path: ["methods", key],
          message: "must be keyed model.name of a contract model",
        });
        continue;
      }
      for (const name of method.writes ?? []) {
        const field = model.fields[name];
        if (field === undefined || field.readonly === true) {
          ctx.addIssue({
            code: "custom",
            path: ["methods", key, "writes"],
            message: `"${name}" is not a writable field of ${method.model}`,
          });
        }
      }
    }
  });

/** Thrown when `contract.json` breaks its own rules; the message names the path. */
export class ContractError extends Error {
  override readonly name = "ContractError";
}

export type CheckedContract = z.infer<typeof contractSchema>;

/**
 * Checks a contract document against the contract's own rules, throwing a `ContractError` that
 * lists every problem with its JSON path.
 */
export function checkContract(document: unknown): CheckedContract {
  const result = contractSchema.safeParse(document);
  if (!result.success) {
    const problems = result.error.issues.map(
      (issue) => `${issue.path.join(".")}: ${issue.message}`,
    );
    throw new ContractError(`invalid contract: ${problems.join("; ")}`);
  }
  return result.data;
}

/** Checked when this module loads: a broken contract never reaches a write. */
const checked = checkContract(contractJson);

export type Contract = typeof contractJson;

/** The contract with its literal keys (model, field, tier, config-key and method names). */
export const contract: Contract = contractJson;

export type ModelName = keyof Contract["models"];
type FieldsOf<M extends ModelName> = Contract["models"][M]["fields"];
export type FieldName<M extends ModelName> = keyof FieldsOf<M> & string;
/** The values of a selection field, e.g. `SelectionValue<"inventory.segment.suggestion", "state">`. */
export type SelectionValue<M extends ModelName, F extends FieldName<M>> = FieldsOf<M>[F] extends {
  selection: infer S;
}
  ? keyof S & string
  : never;
export type TierCode = keyof Contract["tiers"];
export type GroupRole = keyof Contract["groups"];
export type ConfigKey = keyof Contract["config_parameters"];
export type MethodKey = keyof Contract["methods"];
export type JsonFormat = keyof Contract["json_formats"];
export type FieldSpec = z.infer<typeof fieldSpecSchema>;

/** Tier codes, most critical first. */
export const TIER_CODES = Object.keys(contract.tiers) as TierCode[];

export function fieldSpec<M extends ModelName>(model: M, name: FieldName<M>): FieldSpec {
  const spec = checked.models[model]?.fields[name];
  if (spec === undefined) throw new ContractError(`${model} has no field ${name}`);
  return spec;
}

/** The fields of a model in contract order. */
export function fieldNames<M extends ModelName>(model: M): FieldName<M>[] {
  return Object.keys(contract.models[model].fields) as FieldName<M>[];
}

/** The fields the connector may write on a model (everything not readonly). */
export function writableFields<M extends ModelName>(model: M): FieldName<M>[] {
  return fieldNames(model).filter((name) => fieldSpec(model, name).readonly !== true);
}

export function selectionValues<M extends ModelName, F extends FieldName<M>>(
  model: M,
  name: F,
): SelectionValue<M, F>[] {
  const { selection } = fieldSpec(model, name);
  if (selection === undefined) throw new ContractError(`${model}.${name} is not a selection`);
  return Object.keys(selection) as SelectionValue<M, F>[];
}

/**
 * The product fields the connector writes through `product.product.write_segmentation` (the
 * lock is the manager's; counts and template fields are computed by the addon).
 */
export const SEGMENTATION_WRITE_FIELDS = methodWrites<"product.product">(
  "product.product.write_segmentation",
);

function methodWrites<M extends ModelName>(key: MethodKey): FieldName<M>[] {
  const writes = checked.methods[key]?.writes;
  if (writes === undefined) throw new ContractError(`${key} lists no written fields`);
  // Checked against the model's writable fields when the contract loaded.
  return writes as FieldName<M>[];
}

/** The payload shape of each `json` field format, as the addon stores it (no nulls: XML-RPC). */
export const jsonFormatSchemas = {
  demand_history: z
    .object({
      period: z.enum(["week", "month"]),
      start: z.string().regex(/^\d{4}-(W\d{2}|\d{2})$/, "expected 2024-W01 or 2024-01"),
      values: z.array(z.number().finite()),
    })
    .strict(),
  metric_values: z.record(z.string(), z.union([z.number().finite(), z.string()])),
  sync_cursor: z.record(
    z.string(),
    z
      .object({
        write_date: z.string().regex(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/),
        id: z.number().int().nonnegative(),
      })
      .strict(),
  ),
  product_baseline: z
    .object({
      taken_at: z.string().regex(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/),
      products: z.record(
        z.string().regex(/^\d+$/, "a product id"),
        z.tuple([
          z.enum(TIER_CODES as [TierCode, ...TierCode[]]),
          z.number().int().nonnegative(),
          z.union([z.string().regex(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/), z.literal("")]),
        ]),
      ),
    })
    .strict(),
  cost_service_curves: z.partialRecord(
    z.enum(TIER_CODES as [TierCode, ...TierCode[]]),
    z.array(
      z
        .object({
          service_target: z.number().min(0).lt(1),
          inventory_value: z.number().finite(),
          carrying_cost: z.number().finite(),
        })
        .strict(),
    ),
  ),
  risk_parts: z.array(
    z
      .object({
        factor: z.enum(["drift", "lateness", "promise", "variability", "exposure"]),
        points: z.number().min(0),
        max_points: z.number().min(0),
        text: z.string(),
      })
      .strict(),
  ),
} satisfies Record<JsonFormat, z.ZodType>;

export type DemandHistory = z.infer<typeof jsonFormatSchemas.demand_history>;
export type MetricValues = z.infer<typeof jsonFormatSchemas.metric_values>;
export type SyncCursor = z.infer<typeof jsonFormatSchemas.sync_cursor>;
export type ProductBaseline = z.infer<typeof jsonFormatSchemas.product_baseline>;
export type CostServiceCurves = z.infer<typeof jsonFormatSchemas.cost_service_curves>;
export type RiskParts = z.infer<typeof jsonFormatSchemas.risk_parts>;
