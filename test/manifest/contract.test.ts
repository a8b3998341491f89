/**
 * The contract on the TypeScript side. Odoo cannot run in CI, so besides the contract's own
 * rules this suite reads the addon's Python and XML sources and checks that they declare what
 * the contract promises (the addon's own test checks the installed models on a real Odoo).
 */
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, expectTypeOf, it } from "vitest";
import { ABC_CLASSES, DEMAND_PATTERNS, TIERS, XYZ_CLASSES } from "../../analytics/types.js";
import {
  ContractError,
  checkContract,
  contract,
  fieldNames,
  fieldSpec,
  jsonFormatSchemas,
  type ModelName,
  SEGMENTATION_WRITE_FIELDS,
  type SelectionValue,
  selectionValues,
  TIER_CODES,
  type TierCode,
  writableFields,
} from "../../manifest/contract.js";

const addonDir = new URL("../../addon/inventory_segmentation/", import.meta.url);
const readAddon = (path: string): string => readFileSync(new URL(path, addonDir), "utf8");

interface PythonField {
  readonly type: string;
  /** The source of the declaration, `fields.X(` to the end of its call. */
  readonly source: string;
}

/** Fields and methods each model's Python classes declare, keyed by model name. */
function pythonModels(): Map<string, { fields: Map<string, PythonField>; source: string }> {
  const models = new Map<string, { fields: Map<string, PythonField>; source: string }>();
  for (const file of readdirSync(new URL("models/", addonDir))) {
    if (!file.endsWith(".py")) continue;
    const text = readAddon(`models/${file}`);
    for (const block of text.split(/^(?=class \w+\()/m).slice(1)) {
      const model = /^ {4}_(?:name|inherit) = "([\w.]+)"/m.exec(block)?.[1];
      if (model === undefined) continue;
      const entry = models.get(model) ?? { fields: new Map(), source: "" };
      entry.source += block;
      const starts = [...block.matchAll(/^ {4}(\w+) = fields\.(\w+)\(/gm)];
      for (const match of starts) {
        const [, name = "", fieldClass = ""] = match;
        const rest = block.slice(match.index);
        const end = rest.slice(1).search(/^ {4}\S/m);
        const source = end === -1 ? rest : rest.slice(0, end + 1);
        entry.fields.set(name, { type: fieldClass.toLowerCase(), source });
      }
      models.set(model, entry);
    }
  }
  return models;
}

/** `<record id=… model=…>` bodies of an XML data file, keyed by id. */
function xmlRecords(path: string): Map<string, { model: string; body: string }> {
  const records = new Map<string, { model: string; body: string }>();
  for (const match of readAddon(path).matchAll(
    /<record id="(\w+)" model="([\w.]+)">([\s\S]*?)<\/record>/g,
  )) {
    const [, id = "", model = "", body = ""] = match;
    records.set(id, { model, body });
  }
  return records;
}

const localId = (xmlId: string): string => xmlId.replace(/^inventory_segmentation\./, "");

describe("contract.json", () => {
  it("follows its own rules", () => {
    expect(() => checkContract(contract)).not.toThrow();
    expect(contract.contract_version).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it("names the broken attribute when a selection loses its values", () => {
    const broken = structuredClone(contract) as unknown as {
      models: Record<string, { fields: Record<string, Record<string, unknown>> }>;
    };
    const code = broken.models["inventory.segment"]?.fields.code;
    if (code) delete code.selection;
    expect(() => checkContract(broken)).toThrow(ContractError);
    expect(() => checkContract(broken)).toThrow(
      /models\.inventory\.segment\.fields\.code: a selection field needs "selection"/,
    );
  });

  it("refuses a json field whose format is not described", () => {
    const broken = structuredClone(contract);
    broken.models["product.product"].fields.demand_history.format = "sparkline";
    expect(() => checkContract(broken)).toThrow(/unknown json format "sparkline"/);
  });

  it("uses the analytics' names for tiers, classes and demand patterns", () => {
    expect(TIER_CODES).toEqual([...TIERS]);
    expect(selectionValues("inventory.segment", "code")).toEqual([...TIERS]);
    expect(selectionValues("product.product", "demand_pattern")).toEqual([...DEMAND_PATTERNS]);
    expect(selectionValues("product.product", "abc_class")).toEqual([...ABC_CLASSES]);
    expect(selectionValues("product.product", "xyz_class")).toEqual([...XYZ_CLASSES]);
  });

  it("repeats the tier codes on every segment_code field", () => {
    for (const model of Object.keys(contract.models) as ModelName[]) {
      const names: readonly string[] = fieldNames(model);
      if (!names.includes("segment_code")) continue;
      const spec = fieldSpec(model, "segment_code" as never);
      expect(Object.keys(spec.selection ?? {}), model).toEqual(TIER_CODES);
    }
  });

  it("lets the connector write segments but not what Odoo derives", () => {
    const product = writableFields("product.product");
    expect(product).toContain("segment_id");
    expect(product).toContain("demand_history");
    expect(product).not.toContain("segment_code");
    expect(product).not.toContain("segment_suggestion_count");
    expect(writableFields("inventory.segment.suggestion")).not.toContain("state");
    expect(writableFields("product.template")).toEqual([]);
  });

  it("lists what write_segmentation writes: writable product fields, not the lock", () => {
    const writable: readonly string[] = writableFields("product.product");
    expect(SEGMENTATION_WRITE_FIELDS.length).toBeGreaterThan(10);
    for (const name of SEGMENTATION_WRITE_FIELDS) expect(writable).toContain(name);
    expect(SEGMENTATION_WRITE_FIELDS).not.toContain("segment_locked");

    const broken = structuredClone(contract);
    broken.methods["product.product.write_segmentation"].writes.push("segment_code");
    expect(() => checkContract(broken)).toThrow(/"segment_code" is not a writable field/);
  });

  it("types names from the JSON keys", () => {
    expectTypeOf<TierCode>().toEqualTypeOf<"critical" | "essential" | "standard" | "obsolete">();
    expectTypeOf<SelectionValue<"inventory.segment.suggestion", "state">>().toEqualTypeOf<
      "pending" | "accepted" | "rejected" | "superseded"
    >();
    expectTypeOf(selectionValues("inventory.segment.run", "mode")).toEqualTypeOf<
      ("full" | "incremental" | "watch" | "requested")[]
    >();
    expect(() =>
      // @ts-expect-error: not a field of the contract, so not a valid argument either
      fieldSpec("product.product", "segment_tier"),
    ).toThrow(ContractError);
  });
});

describe("json field payloads", () => {
  it("has a schema for every format, and only those", () => {
    expect(Object.keys(jsonFormatSchemas).sort()).toEqual(
      Object.keys(contract.json_formats).sort(),
    );
  });

  it("accepts what the connector writes", () => {
    expect(
      jsonFormatSchemas.demand_history.parse({
        period: "week",
        start: "2024-W01",
        values: [3, 0, 5],
      }),
    ).toEqual({ period: "week", start: "2024-W01", values: [3, 0, 5] });
    jsonFormatSchemas.metric_values.parse({ lead_time_before_days: 12, vendor: "Acme" });
    jsonFormatSchemas.sync_cursor.parse({
      "stock.move": { write_date: "2025-01-31 23:59:59", id: 812 },
    });
    jsonFormatSchemas.cost_service_curves.parse({
      critical: [{ service_target: 0.95, inventory_value: 1200.5, carrying_cost: 300.1 }],
    });
  });

  it("refuses nulls, unknown tiers and misplaced periods", () => {
    expect(
      jsonFormatSchemas.demand_history.safeParse({
        period: "week",
        start: "2024-W01",
        values: [null],
      }).success,
    ).toBe(false);
    expect(
      jsonFormatSchemas.demand_history.safeParse({ period: "day", start: "2024-01-01", values: [] })
        .success,
    ).toBe(false);
    expect(jsonFormatSchemas.cost_service_curves.safeParse({ vital: [] }).success).toBe(false);
  });
});

describe("the addon's sources declare the contract", () => {
  const python = pythonModels();

  it("has the contract's version and dependencies in its manifest", () => {
    const manifest = readAddon("__manifest__.py");
    expect(/"version": "([^"]+)"/.exec(manifest)?.[1]).toBe(contract.addon.version);
    const depends = /"depends": \[([^\]]*)\]/.exec(manifest)?.[1] ?? "";
    expect([...depends.matchAll(/"(\w+)"/g)].map((m) => m[1])).toEqual(contract.addon.depends);
  });

  it("declares every contract field with its type, and no field outside it", () => {
    for (const model of Object.keys(contract.models) as ModelName[]) {
      const declared = python.get(model)?.fields ?? new Map<string, PythonField>();
      const promised: readonly string[] = fieldNames(model);
      expect([...declared.keys()].sort(), model).toEqual([...promised].sort());
      for (const name of promised) {
        const spec = fieldSpec(model, name as never);
        const field = declared.get(name);
        expect(field?.type, `${model}.${name}`).toBe(spec.type);
        const related = field?.source.includes("related=") ?? false;
        if (spec.relation !== undefined && !related)
          expect(field?.source).toContain(`"${spec.relation}"`);
      }
    }
  });

  it("declares each RPC method as the contract calls it", () => {
    for (const [key, method] of Object.entries(contract.methods)) {
      const source = python.get(method.model)?.source ?? "";
      const definition = new RegExp(`((?:^ {4}@.*\\n)*)^ {4}def ${method.name}\\(self`, "m").exec(
        source,
      );
      expect(definition, key).not.toBeNull();
      expect(definition?.[1]?.includes("@api.model\n") ?? false, key).toBe(method.on === "model");
    }
  });

  it("writes in write_segmentation exactly the fields the contract lists", () => {
    const source = readAddon("models/product_product.py");
    const tuple = /^CONNECTOR_FIELDS = \(([^)]*)\)/m.exec(source)?.[1] ?? "";
    expect([...tuple.matchAll(/"(\w+)"/g)].map((m) => m[1])).toEqual(SEGMENTATION_WRITE_FIELDS);
  });

  it("seeds the tiers with their targets and tags", () => {
    const data = xmlRecords("data/inventory_segment_data.xml");
    for (const [code, tier] of Object.entries(contract.tiers)) {
      const record = data.get(localId(tier.xml_id));
      expect(record?.model, code).toBe("inventory.segment");
      expect(record?.body).toContain(`<field name="code">${code}</field>`);
      expect(record?.body).toContain(`<field name="service_target">${tier.service_target}</field>`);
      expect(record?.body).toContain(`<field name="tag_id" ref="${localId(tier.tag_xml_id)}"/>`);
      expect(data.get(localId(tier.tag_xml_id))?.model).toBe("product.tag");
    }
  });

  it("defines the three groups", () => {
    const security = xmlRecords("security/inventory_segmentation_security.xml");
    for (const xmlId of Object.values(contract.groups)) {
      expect(security.get(localId(xmlId))?.model, xmlId).toBe("res.groups");
    }
  });

  it("stores each setting under its config-parameter key with its default", () => {
    const settings = python.get("res.config.settings")?.fields ?? new Map<string, PythonField>();
    for (const [key, parameter] of Object.entries(contract.config_parameters)) {
      const field = settings.get(parameter.settings_field);
      expect(field?.type, key).toBe(parameter.type);
      expect(field?.source).toContain(`config_parameter="${key}"`);
      const literal =
        typeof parameter.default === "string"
          ? `"${parameter.default}"`
          : String(parameter.default);
      expect(field?.source).toMatch(new RegExp(`default=${literal.replace(".", "\\.")}(\\.0)?,`));
    }
  });
});
