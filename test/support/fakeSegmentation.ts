/**
 * A fake Odoo 19 with stock, purchase, mrp and the inventory_segmentation addon, for the sync's
 * stateful tests: the models and fields the connector reads and writes, and the addon's methods
 * with the behaviour of `addon/inventory_segmentation/models/` (locked products keep their tier,
 * tier tags follow the most critical variant, one pending suggestion per product and location,
 * events deduplicated by key, accept = orderpoint upsert, the run key unique per company).
 *
 * ```ts
 * const store = segmentationStore();
 * const plant = seedPlant(store);            // see fakePlant.ts
 * const fake = await startFakeOdoo({ store });
 * ```
 */
import { PRODUCT_SEGMENTATION_FIELDS } from "../../connector/writeback/contract-vals.js";
import { contract, selectionValues } from "../../manifest/contract.js";
import { seedInsightData, withInsightModels } from "./fakeInsights.js";
import { FakeOdooFailure } from "./fakeResponses.js";
import type { FakeField, FakeFieldType, FakeMethod, FakeModel, FakeStore } from "./fakeStore.js";
import { FakeStore as Store } from "./fakeStore.js";
import { watchPoll } from "./fakeWatch.js";

const COMPANY = { type: "many2one", relation: "res.company" } as const;

/** The contract's fields of a model as fake fields (json and monetary included). */
function contractFields(model: keyof typeof contract.models): Record<string, FakeField> {
  const fields: Record<string, FakeField> = {};
  for (const [name, spec] of Object.entries(contract.models[model].fields)) {
    const field = spec as { type: string; relation?: string; required?: boolean };
    fields[name] = {
      type: field.type as FakeFieldType,
      ...(field.relation !== undefined && { relation: field.relation }),
      ...(field.required && { required: true }),
    };
  }
  return fields;
}

const m2o = (relation: string, required = false): FakeField => ({
  type: "many2one",
  relation,
  ...(required && { required: true }),
});

type Row = Record<string, unknown>;

/** Reads the stored record (raw: many2one as ids). */
function raw(store: FakeStore, model: string, id: number): Row {
  const found = store.records(model).find((record) => record.id === id);
  if (!found) throw new FakeOdooFailure("missing", `Record does not exist: ${model}(${id},)`);
  return found;
}

function companyOf(context: Readonly<Record<string, unknown>>): number {
  const allowed = context.allowed_company_ids;
  return Array.isArray(allowed) && typeof allowed[0] === "number" ? allowed[0] : 1;
}

// ---------------------------------------------------------------------------- addon methods

const KEPT_WHEN_LOCKED = new Set(["segment_id", "segment_date", "segment_deescalation_streak"]);
// What the addon's write_segmentation accepts (its CONNECTOR_FIELDS): the connector's own list,
// which `test/manifest/contract.test.ts` checks against the addon's source.
const CONNECTOR_FIELDS = new Set<string>(PRODUCT_SEGMENTATION_FIELDS);

/** Writes product values, keeping `segment_code` in step with `segment_id` (a related field). */
function writeProduct(store: FakeStore, ids: readonly number[], vals: Row): void {
  const extra: Row = {};
  if ("segment_id" in vals) {
    const segmentId = vals.segment_id;
    extra.segment_code =
      typeof segmentId === "number" ? raw(store, "inventory.segment", segmentId).code : false;
  }
  store.write("product.product", ids, { ...vals, ...extra });
}

/** Each template gets the tag of its most critical variant's tier and no other tier tag. */
function syncTemplateTags(store: FakeStore, templateIds: Iterable<number>): void {
  const segments = store.records("inventory.segment");
  const tierTags = new Set(segments.map((segment) => segment.tag_id).filter(Boolean));
  const sequenceOf = new Map(segments.map((segment) => [segment.id, segment.sequence as number]));
  for (const templateId of new Set(templateIds)) {
    const variants = store
      .records("product.product")
      .filter((product) => product.product_tmpl_id === templateId && product.segment_id);
    variants.sort(
      (a, b) =>
        (sequenceOf.get(a.segment_id as number) ?? 0) -
          (sequenceOf.get(b.segment_id as number) ?? 0) || (a.id as number) - (b.id as number),
    );
    const lead = variants[0];
    const wanted = lead
      ? (segments.find((segment) => segment.id === lead.segment_id)?.tag_id ?? false)
      : false;
    const template = raw(store, "product.template", templateId);
    const tags = ((template.product_tag_ids as number[]) ?? []).filter((tag) => !tierTags.has(tag));
    if (wanted) tags.push(wanted as number);
    store.write("product.template", [templateId], {
      product_tag_ids: tags.sort((a, b) => a - b),
      segment_id: lead ? lead.segment_id : false,
    });
  }
}

const writeSegmentation: FakeMethod = {
  model: true,
  params: ["rows"],
  run: ({ store, kwargs }) => {
    const rows = kwargs.rows;
    if (!Array.isArray(rows)) throw new FakeOdooFailure("validation", "expects a list of rows");
    for (const [index, row] of (rows as Row[]).entries()) {
      if (typeof row.id !== "number")
        throw new FakeOdooFailure("validation", `Row ${index} has no integer product id.`);
      const unknown = Object.keys(row).filter((key) => key !== "id" && !CONNECTOR_FIELDS.has(key));
      if (unknown.length > 0) {
        throw new FakeOdooFailure(
          "validation",
          `Row ${index} (product ${row.id}) sets ${unknown.sort().join(", ")}, which the connector may not write.`,
        );
      }
      raw(store, "product.product", row.id);
    }
    const locked: number[] = [];
    const templates: number[] = [];
    for (const row of rows as Row[]) {
      const id = row.id as number;
      const product = raw(store, "product.product", id);
      let { id: _id, ...vals } = row;
      if (product.segment_locked) {
        locked.push(id);
        vals = Object.fromEntries(
          Object.entries(vals).filter(([name]) => !KEPT_WHEN_LOCKED.has(name)),
        );
      }
      if (Object.keys(vals).length > 0) writeProduct(store, [id], vals);
      templates.push(product.product_tmpl_id as number);
    }
    syncTemplateTags(store, templates);
    return { updated: (rows as Row[]).map((row) => row.id), locked };
  },
};

const recordEvents: FakeMethod = {
  model: true,
  params: ["vals_list"],
  run: ({ store, kwargs, context }) => {
    const valsList = kwargs.vals_list as Row[];
    const existing = new Map(
      store
        .records("inventory.segment.event")
        .filter((event) => event.dedup_key)
        .map((event) => [`${event.company_id}:${event.dedup_key}`, event.id as number]),
    );
    return valsList.map((vals) => {
      const company = (vals.company_id as number) || companyOf(context);
      const key = vals.dedup_key ? `${company}:${vals.dedup_key}` : undefined;
      const known = key === undefined ? undefined : existing.get(key);
      if (known !== undefined) return known;
      const [id] = store.create("inventory.segment.event", [
        { severity: "info", ...vals, company_id: company },
      ]);
      if (key !== undefined) existing.set(key, id as number);
      return id;
    });
  },
};

const DECISION_FIELDS = ["state", "decision_user_id", "decision_date", "auto_applied"];
const DETAIL_FIELDS = [
  "current_min",
  "current_max",
  "safety_stock",
  "service_target",
  "value_delta",
  "reason",
  "segment_id",
  "run_id",
];
const same = (a: unknown, b: unknown) => Math.abs(Number(a) - Number(b)) < 0.005;

function upsertOrderpoint(store: FakeStore, suggestion: Row): number {
  const found = store
    .records("stock.warehouse.orderpoint")
    .find(
      (rule) =>
        rule.product_id === suggestion.product_id &&
        rule.location_id === suggestion.location_id &&
        rule.company_id === suggestion.company_id,
    );
  const vals = {
    product_min_qty: suggestion.suggested_min,
    product_max_qty: suggestion.suggested_max,
  };
  if (found) {
    store.write("stock.warehouse.orderpoint", [found.id as number], { ...vals, active: true });
    return found.id as number;
  }
  const warehouse = raw(store, "stock.location", suggestion.location_id as number).warehouse_id;
  const [id] = store.create("stock.warehouse.orderpoint", [
    {
      ...vals,
      product_id: suggestion.product_id,
      location_id: suggestion.location_id,
      warehouse_id: warehouse,
      company_id: suggestion.company_id,
      trigger: "auto",
      active: true,
    },
  ]);
  return id as number;
}

function accept(store: FakeStore, ids: readonly number[], autoApplied: boolean): void {
  for (const id of ids) {
    const suggestion = raw(store, "inventory.segment.suggestion", id);
    const orderpointId = upsertOrderpoint(store, suggestion);
    store.write("inventory.segment.suggestion", [id], {
      state: "accepted",
      orderpoint_id: orderpointId,
      auto_applied: autoApplied,
    });
  }
}

const submitPending: FakeMethod = {
  model: true,
  params: ["vals_list"],
  run: ({ store, kwargs, context }) => {
    const result: (number | false)[] = [];
    for (const [index, given] of (kwargs.vals_list as Row[]).entries()) {
      const missing = ["product_id", "location_id", "suggested_min", "suggested_max"].filter(
        (name) => given[name] === undefined || given[name] === false || given[name] === null,
      );
      if (missing.length > 0)
        throw new FakeOdooFailure("validation", `Proposal ${index} lacks ${missing.join(", ")}.`);
      if (DECISION_FIELDS.some((name) => name in given))
        throw new FakeOdooFailure("validation", `Proposal ${index} sets a decision field.`);
      const vals: Row = { ...given, company_id: given.company_id || companyOf(context) };
      const matches = (state: string) =>
        store
          .records("inventory.segment.suggestion")
          .filter(
            (s) =>
              s.state === state &&
              s.product_id === vals.product_id &&
              s.location_id === vals.location_id &&
              s.company_id === vals.company_id,
          )
          .sort((a, b) => (b.id as number) - (a.id as number))[0];
      const current = matches("pending");
      const rejected = matches("rejected");
      const rule = store
        .records("stock.warehouse.orderpoint")
        .find(
          (candidate) =>
            candidate.product_id === vals.product_id &&
            candidate.location_id === vals.location_id &&
            candidate.company_id === vals.company_id,
        );
      if (rule) {
        vals.orderpoint_id ??= rule.id;
        vals.current_min ??= rule.product_min_qty;
        vals.current_max ??= rule.product_max_qty;
      }
      const sameAs = (row: Row | undefined) =>
        row !== undefined &&
        same(row.suggested_min, vals.suggested_min) &&
        same(row.suggested_max, vals.suggested_max);
      if (current && sameAs(current)) {
        store.write(
          "inventory.segment.suggestion",
          [current.id as number],
          Object.fromEntries(DETAIL_FIELDS.filter((f) => f in vals).map((f) => [f, vals[f]])),
        );
        result.push(current.id as number);
        continue;
      }
      const moot =
        (rule &&
          same(rule.product_min_qty, vals.suggested_min) &&
          same(rule.product_max_qty, vals.suggested_max)) ||
        sameAs(rejected);
      if (current)
        store.write("inventory.segment.suggestion", [current.id as number], {
          state: "superseded",
        });
      if (moot) {
        result.push(false);
        continue;
      }
      const warehouse = raw(store, "stock.location", vals.location_id as number).warehouse_id;
      const [id] = store.create("inventory.segment.suggestion", [
        { ...vals, state: "pending", warehouse_id: warehouse },
      ]);
      result.push(id as number);
    }
    return result;
  },
};

const actionAccept: FakeMethod = {
  run: ({ store, ids }) => {
    const toAccept = ids.filter(
      (id) => raw(store, "inventory.segment.suggestion", id).state !== "accepted",
    );
    for (const id of toAccept) {
      const suggestion = raw(store, "inventory.segment.suggestion", id);
      if (suggestion.state !== "pending")
        throw new FakeOdooFailure(
          "validation",
          `The suggestion ${id} is already ${suggestion.state}.`,
        );
    }
    accept(store, toAccept, false);
    return { type: "ir.actions.client", tag: "display_notification" };
  },
};

const actionAutoApply: FakeMethod = {
  run: ({ store, ids }) => {
    const eligible = ids.filter((id) => {
      const suggestion = raw(store, "inventory.segment.suggestion", id);
      const segment = suggestion.segment_id
        ? raw(store, "inventory.segment", suggestion.segment_id as number)
        : undefined;
      const product = raw(store, "product.product", suggestion.product_id as number);
      return suggestion.state === "pending" && segment?.auto_apply && !product.segment_locked;
    });
    accept(store, eligible, true);
    return eligible;
  },
};

const getSettings: FakeMethod = {
  model: true,
  run: ({ store, context }) => {
    const company = companyOf(context);
    const parameters: Row = {};
    for (const [key, spec] of Object.entries(contract.config_parameters)) {
      const stored = store
        .records("ir.config_parameter")
        .find((parameter) => parameter.key === key)?.value;
      parameters[key] =
        stored === undefined
          ? spec.default
          : spec.type === "float" || spec.type === "integer"
            ? Number(stored)
            : stored;
    }
    const tiers: Row = {};
    for (const segment of store.records("inventory.segment")) {
      if (segment.active === false) continue;
      if (segment.company_id && segment.company_id !== company) continue;
      tiers[segment.code as string] = {
        id: segment.id,
        name: segment.name,
        sequence: segment.sequence,
        service_target: segment.service_target,
        service_measure: segment.service_measure,
        review_days: segment.review_days,
        max_cover_days: segment.max_cover_days,
        min_order_value: segment.min_order_value,
        auto_apply: segment.auto_apply,
        tag_id: segment.tag_id,
      };
    }
    return { parameters, tiers, company_id: company };
  },
};

/** `create` of runs: the connector run key is unique per company where set (a partial index). */
const createRun: FakeMethod = {
  model: true,
  params: ["vals_list"],
  run: ({ store, kwargs, context }) => {
    const valsList = (kwargs.vals_list as Row[]).map(
      (vals): Row => ({
        name: `SEG/${String(store.records("inventory.segment.run").length + 1).padStart(5, "0")}`,
        company_id: companyOf(context),
        ...vals,
      }),
    );
    for (const vals of valsList) {
      const clash = store
        .records("inventory.segment.run")
        .some(
          (run) =>
            vals.connector_run_key &&
            run.connector_run_key === vals.connector_run_key &&
            run.company_id === vals.company_id,
        );
      if (clash)
        throw new FakeOdooFailure(
          "validation",
          "A run with this connector run key already exists in this company.",
        );
    }
    return store.create("inventory.segment.run", valsList);
  },
};

/** `has_access(operation)` on an empty recordset: true unless the test revoked it. */
function hasAccess(denied: ReadonlySet<string>): FakeMethod {
  return {
    model: true,
    params: ["operation"],
    run: ({ model, kwargs }) => !denied.has(`${model}:${String(kwargs.operation)}`),
  };
}

// ---------------------------------------------------------------------------- the models

export interface SegmentationStoreOptions {
  /** `model:operation` pairs `has_access` answers false to (for doctor tests). */
  readonly deniedAccess?: readonly string[];
  /** Leave mrp out, as on a database without manufacturing. */
  readonly withoutMrp?: boolean;
  /** The addon version `ir.module.module` reports (default: the contract's). */
  readonly addonVersion?: string | false;
  /** The API user's groups, by external id (default: the three segmentation groups). */
  readonly groups?: readonly string[];
  /** Contract fields to leave out, `model.field` (an addon older than the connector). */
  readonly missingFields?: readonly string[];
  /** Contract models to leave out (an addon older than the connector). */
  readonly missingModels?: readonly string[];
}

export function segmentationStore(options: SegmentationStoreOptions = {}): Store {
  const access = hasAccess(new Set(options.deniedAccess ?? []));
  const groups = new Set(options.groups ?? Object.values(contract.groups));
  const missing = new Set(options.missingFields ?? []);
  const withAccess = (model: FakeModel): FakeModel => ({
    ...model,
    methods: { has_access: access, ...model.methods },
  });
  const models: Record<string, FakeModel> = {
    "res.company": { fields: { name: { type: "char" } } },
    "res.users": {
      fields: { name: { type: "char" } },
      methods: {
        context_get: { model: true, run: () => ({ lang: "en_US", tz: "UTC", uid: 2 }) },
        has_group: {
          params: ["group_ext_id"],
          run: ({ kwargs }) => groups.has(String(kwargs.group_ext_id)),
        },
      },
    },
    "res.partner": { fields: { name: { type: "char" } } },
    "uom.uom": {
      fields: {
        name: { type: "char" },
        factor: { type: "float" },
        relative_factor: { type: "float" },
        relative_uom_id: m2o("uom.uom"),
        rounding: { type: "float" },
        active: { type: "boolean" },
      },
    },
    "ir.model.data": {
      fields: { module: { type: "char" }, name: { type: "char" }, res_id: { type: "integer" } },
    },
    "ir.config_parameter": { fields: { key: { type: "char" }, value: { type: "char" } } },
    "ir.module.module": {
      fields: {
        name: { type: "char" },
        state: { type: "selection" },
        latest_version: { type: "char" },
        installed_version: { type: "char" },
      },
    },
    "stock.location": {
      fields: {
        name: { type: "char" },
        usage: { type: "selection" },
        warehouse_id: m2o("stock.warehouse"),
        company_id: COMPANY,
        active: { type: "boolean" },
      },
    },
    "stock.warehouse": {
      fields: {
        name: { type: "char" },
        code: { type: "char" },
        lot_stock_id: m2o("stock.location"),
        company_id: COMPANY,
      },
    },
    "product.tag": { fields: { name: { type: "char" } } },
    "product.template": {
      fields: {
        name: { type: "char" },
        product_tag_ids: { type: "many2many", relation: "product.tag" },
        ...contractFields("product.template"),
      },
    },
    "product.product": {
      fields: {
        name: { type: "char" },
        display_name: { type: "char" },
        default_code: { type: "char" },
        type: { type: "selection" },
        is_storable: { type: "boolean" },
        active: { type: "boolean" },
        uom_id: m2o("uom.uom"),
        standard_price: { type: "float" },
        product_tmpl_id: m2o("product.template"),
        company_id: COMPANY,
        ...contractFields("product.product"),
      },
      methods: {
        write_segmentation: writeSegmentation,
        write: {
          params: ["vals"],
          run: ({ store, ids, kwargs }) => {
            writeProduct(store, ids, kwargs.vals as Row);
            return true;
          },
        },
      },
    },
    "stock.move": {
      fields: {
        product_id: m2o("product.product"),
        product_uom: m2o("uom.uom"),
        quantity: { type: "float" },
        product_uom_qty: { type: "float" },
        date: { type: "datetime" },
        state: { type: "selection" },
        location_id: m2o("stock.location"),
        location_dest_id: m2o("stock.location"),
        location_usage: { type: "selection" },
        location_dest_usage: { type: "selection" },
        is_inventory: { type: "boolean" },
        purchase_line_id: m2o("purchase.order.line"),
        company_id: COMPANY,
      },
    },
    "purchase.order.line": {
      fields: {
        partner_id: m2o("res.partner"),
        product_id: m2o("product.product"),
        date_approve: { type: "datetime" },
        date_planned: { type: "datetime" },
        product_qty: { type: "float" },
      },
    },
    "product.supplierinfo": {
      fields: {
        partner_id: m2o("res.partner"),
        product_tmpl_id: m2o("product.template"),
        product_id: m2o("product.product"),
        delay: { type: "integer" },
        min_qty: { type: "float" },
        product_uom_id: m2o("uom.uom"),
        sequence: { type: "integer" },
        date_start: { type: "date" },
        date_end: { type: "date" },
        company_id: COMPANY,
      },
    },
    "stock.quant": {
      fields: {
        product_id: m2o("product.product"),
        location_id: m2o("stock.location"),
        quantity: { type: "float" },
      },
    },
    "stock.warehouse.orderpoint": {
      fields: {
        product_id: m2o("product.product"),
        location_id: m2o("stock.location"),
        warehouse_id: m2o("stock.warehouse"),
        product_min_qty: { type: "float" },
        product_max_qty: { type: "float" },
        replenishment_uom_id: m2o("uom.uom"),
        trigger: { type: "selection" },
        active: { type: "boolean" },
        company_id: COMPANY,
      },
      unique: [["product_id", "location_id", "company_id"]],
    },
    "inventory.segment": {
      fields: contractFields("inventory.segment"),
      methods: { get_segmentation_settings: getSettings },
    },
    "inventory.segment.suggestion": {
      fields: contractFields("inventory.segment.suggestion"),
      methods: {
        submit_pending: submitPending,
        action_accept: actionAccept,
        action_auto_apply: actionAutoApply,
      },
    },
    "inventory.segment.event": {
      fields: contractFields("inventory.segment.event"),
      methods: { record_events: recordEvents },
    },
    "inventory.segment.run": {
      fields: contractFields("inventory.segment.run"),
      methods: { create: createRun, watch_poll: watchPoll },
    },
    "inventory.segment.run.kpi": {
      fields: contractFields("inventory.segment.run.kpi"),
      unique: [["run_id", "segment_id", "warehouse_id"]],
    },
  };
  if (!options.withoutMrp) {
    models["mrp.bom"] = {
      fields: {
        product_tmpl_id: m2o("product.template"),
        active: { type: "boolean" },
        type: { type: "selection" },
      },
    };
    models["mrp.bom.line"] = {
      fields: {
        bom_id: m2o("mrp.bom"),
        product_id: m2o("product.product"),
        product_qty: { type: "float" },
      },
    };
  }
  withInsightModels(models);
  // Contract models no test needs behaviour from still answer as the installed addon does.
  for (const model of Object.keys(contract.models) as (keyof typeof contract.models)[]) {
    models[model] ??= { fields: contractFields(model) };
  }
  for (const model of options.missingModels ?? []) delete models[model];
  const withoutMissing = (name: string, model: FakeModel): FakeModel => ({
    ...model,
    fields: Object.fromEntries(
      Object.entries(model.fields).filter(([field]) => !missing.has(`${name}.${field}`)),
    ),
  });
  const store = new Store(
    Object.fromEntries(
      Object.entries(models).map(([name, model]) => [
        name,
        withAccess(withoutMissing(name, model)),
      ]),
    ),
  );
  seedAddonData(store, options.addonVersion);
  seedInsightData(store);
  return store;
}

/** What installing the addon creates: tier tags and tiers (as its data XML), the module record. */
function seedAddonData(store: FakeStore, addonVersion: string | false | undefined): void {
  store.insert("res.company", [{ name: "My Company" }]);
  const version = addonVersion === undefined ? contract.addon.version : addonVersion;
  store.insert("ir.module.module", [
    {
      name: "stock",
      state: "installed",
      latest_version: "19.0.1.1",
      installed_version: "19.0.1.1",
    },
    {
      name: contract.addon.name,
      state: version === false ? "uninstalled" : "installed",
      latest_version: version,
      installed_version: version,
    },
  ]);
  const codes = selectionValues("inventory.segment", "code");
  const policy: Record<string, Row> = {
    critical: { review_days: 7, service_measure: "cycle", auto_apply: false },
    essential: { review_days: 14, service_measure: "cycle", auto_apply: false },
    standard: { review_days: 30, service_measure: "fill", auto_apply: true },
    obsolete: { review_days: 90, service_measure: "fill", auto_apply: false },
  };
  codes.forEach((code, index) => {
    const [tagId] = store.insert("product.tag", [{ name: code[0]?.toUpperCase() + code.slice(1) }]);
    store.insert("inventory.segment", [
      {
        name: code[0]?.toUpperCase() + code.slice(1),
        code,
        sequence: (index + 1) * 10,
        active: true,
        service_target: contract.tiers[code].service_target,
        max_cover_days: 0,
        min_order_value: 0,
        tag_id: tagId,
        company_id: false,
        ...policy[code],
      },
    ]);
  });
}
