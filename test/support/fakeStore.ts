/**
 * A small in-memory Odoo for stateful tests (write-back, interrupted runs, watch mode): models
 * with typed fields, `search_read`/`search`/`search_count`/`read`/`create`/`write`/`unlink`/
 * `fields_get`/`formatted_read_group`, unique constraints, and custom methods such as
 * `action_accept`. Values read back look like Odoo's: `false` for empty, many2one `[id, name]`.
 *
 * ```ts
 * const store = new FakeStore({
 *   "product.product": { fields: { name: { type: "char" }, segment_id: { type: "many2one", relation: "inventory.segment" } } },
 * });
 * store.insert("product.product", [{ name: "Bolt" }]);
 * const odoo = await startFakeOdoo({ store });
 * ```
 */
import { matchesDomain } from "./fakeDomain.js";
import { BUILTIN_METHODS } from "./fakeOrmMethods.js";
import { FakeOdooFailure } from "./fakeResponses.js";

export type FakeFieldType =
  | "char"
  | "text"
  | "integer"
  | "float"
  | "monetary"
  | "boolean"
  | "date"
  | "datetime"
  | "selection"
  | "many2one"
  | "many2many"
  | "one2many"
  /** Stored and read back as the JSON value itself (Odoo's `fields.Json`). */
  | "json";

export interface FakeField {
  readonly type: FakeFieldType;
  /** Target model of relational fields. */
  readonly relation?: string;
  readonly required?: boolean;
  readonly string?: string;
}

export interface FakeMethodCall {
  readonly store: FakeStore;
  readonly model: string;
  /** Empty for model-level methods. */
  readonly ids: readonly number[];
  readonly kwargs: Readonly<Record<string, unknown>>;
  readonly context: Readonly<Record<string, unknown>>;
}

export interface FakeMethod {
  /** `@api.model`: called without ids (JSON-2 refuses ids for it, like Odoo). */
  readonly model?: boolean;
  /** Names of the positional arguments after the ids, to read XML-RPC `args`. */
  readonly params?: readonly string[];
  /** Returns the result, or throws `FakeOdooFailure`. Returning `undefined` means Python's `None`. */
  run(call: FakeMethodCall): unknown;
}

export interface FakeModel {
  readonly fields: Readonly<Record<string, FakeField>>;
  /** Groups of fields unique together, like SQL constraints (`create`/`write` fail with a validation error). */
  readonly unique?: readonly (readonly string[])[];
  readonly methods?: Readonly<Record<string, FakeMethod>>;
}

type StoredRecord = Record<string, unknown> & { id: number };

const AUTOMATIC_FIELDS: Readonly<Record<string, FakeField>> = {
  id: { type: "integer" },
  display_name: { type: "char" },
  create_date: { type: "datetime" },
  write_date: { type: "datetime" },
};

export class FakeStore {
  readonly #models = new Map<
    string,
    { definition: FakeModel; records: Map<number, StoredRecord>; nextId: number }
  >();
  /** Datetime written to `create_date`/`write_date`; tests may replace it. */
  now: () => string = () => new Date().toISOString().slice(0, 19).replace("T", " ");

  constructor(models: Readonly<Record<string, FakeModel>> = {}) {
    for (const [name, definition] of Object.entries(models)) this.define(name, definition);
  }

  define(model: string, definition: FakeModel): void {
    this.#models.set(model, { definition, records: new Map(), nextId: 1 });
  }

  has(model: string): boolean {
    return this.#models.has(model);
  }

  /** Adds records directly (no RPC, no constraint checks); returns their ids. */
  insert(model: string, valsList: readonly Readonly<Record<string, unknown>>[]): number[] {
    const table = this.#table(model);
    return valsList.map((vals) => {
      const id = table.nextId++;
      table.records.set(id, this.#complete(model, { ...vals, id }));
      return id;
    });
  }

  /** The stored records (copies), in id order, for assertions. */
  records(model: string): Record<string, unknown>[] {
    return [...this.#table(model).records.values()]
      .sort((a, b) => a.id - b.id)
      .map((record) => ({ ...record }));
  }

  /** Runs a method as Odoo's `call_kw` would; `args` are the XML-RPC positional arguments after the ids. */
  dispatch(
    model: string,
    method: string,
    ids: readonly number[] | undefined,
    args: readonly unknown[],
    kwargs: Readonly<Record<string, unknown>>,
  ): unknown {
    const table = this.#models.get(model);
    if (!table) throw new FakeOdooFailure("unknown-model", model);
    const definition = table.definition.methods?.[method] ?? BUILTIN_METHODS[method];
    if (!definition)
      throw new FakeOdooFailure("unknown-method", `The method '${model}.${method}' does not exist`);
    const named: Record<string, unknown> = { ...kwargs };
    const params = definition.params ?? [];
    if (args.length > params.length) {
      throw new FakeOdooFailure(
        "bad-arguments",
        `${method}() takes ${params.length} positional arguments but ${args.length} were given`,
      );
    }
    args.forEach((value, index) => {
      const name = params[index];
      if (name) named[name] = value;
    });
    const { context = {}, ...rest } = named as { context?: Record<string, unknown> };
    return definition.run({ store: this, model, ids: ids ?? [], kwargs: rest, context });
  }

  /** True when `method` is `@api.model` on `model` (no ids). */
  isModelMethod(model: string, method: string): boolean {
    const definition =
      this.#models.get(model)?.definition.methods?.[method] ?? BUILTIN_METHODS[method];
    return definition?.model ?? false;
  }

  // --- the ORM operations the built-in methods use ---------------------------------------

  search(
    model: string,
    domain: readonly unknown[],
    options: {
      offset?: number;
      limit?: number | false;
      order?: string;
      context?: Readonly<Record<string, unknown>>;
    } = {},
  ): number[] {
    const table = this.#table(model);
    const activeTest =
      "active" in table.definition.fields && options.context?.active_test !== false;
    const matching = [...table.records.values()].filter(
      (record) => (!activeTest || record.active !== false) && matchesDomain(record, domain),
    );
    matching.sort(comparator(options.order ?? "id"));
    const offset = options.offset ?? 0;
    const end = options.limit ? offset + options.limit : undefined;
    return matching.slice(offset, end).map((record) => record.id);
  }

  read(
    model: string,
    ids: readonly number[],
    fields?: readonly string[],
  ): Record<string, unknown>[] {
    const table = this.#table(model);
    const names =
      fields && fields.length > 0
        ? fields
        : Object.keys({ ...table.definition.fields, ...AUTOMATIC_FIELDS });
    return ids.map((id) => {
      const record = this.#existing(model, id);
      const row: Record<string, unknown> = { id };
      for (const name of names) row[name] = this.#readValue(model, record, name);
      return row;
    });
  }

  create(model: string, valsList: readonly Readonly<Record<string, unknown>>[]): number[] {
    const table = this.#table(model);
    const created: StoredRecord[] = valsList.map((vals) => {
      this.#checkFields(model, vals);
      return this.#complete(model, { ...vals, id: 0 });
    });
    for (const record of created) {
      for (const [name, field] of Object.entries(table.definition.fields)) {
        if (field.required && (record[name] === false || record[name] === undefined)) {
          throw new FakeOdooFailure(
            "validation",
            `The operation cannot be completed: missing required field ${name}`,
          );
        }
      }
    }
    this.#checkUnique(model, created);
    return created.map((record) => {
      record.id = table.nextId++;
      table.records.set(record.id, record);
      return record.id;
    });
  }

  write(model: string, ids: readonly number[], vals: Readonly<Record<string, unknown>>): true {
    this.#checkFields(model, vals);
    const updated = ids.map((id) => ({
      ...this.#existing(model, id),
      ...vals,
      write_date: this.now(),
    }));
    this.#checkUnique(model, updated, ids);
    for (const record of updated) this.#table(model).records.set(record.id, record);
    return true;
  }

  unlink(model: string, ids: readonly number[]): true {
    for (const id of ids) this.#existing(model, id);
    for (const id of ids) this.#table(model).records.delete(id);
    return true;
  }

  fieldsGet(
    model: string,
    allfields?: readonly string[],
    attributes?: readonly string[],
  ): Record<string, Record<string, unknown>> {
    const all = { ...this.#table(model).definition.fields, ...AUTOMATIC_FIELDS };
    const result: Record<string, Record<string, unknown>> = {};
    for (const [name, field] of Object.entries(all)) {
      if (allfields && allfields.length > 0 && !allfields.includes(name)) continue;
      const description: Record<string, unknown> = {
        type: field.type,
        string: field.string ?? name,
        required: field.required ?? false,
      };
      if (field.relation) description.relation = field.relation;
      result[name] =
        attributes && attributes.length > 0 ? pick(description, attributes) : description;
    }
    return result;
  }

  #table(model: string) {
    const table = this.#models.get(model);
    if (!table) throw new FakeOdooFailure("unknown-model", model);
    return table;
  }

  #existing(model: string, id: number): StoredRecord {
    const record = this.#table(model).records.get(id);
    if (!record) {
      throw new FakeOdooFailure(
        "missing",
        `Record does not exist or has been deleted.\n(Record: ${model}(${id},), User: 2)`,
      );
    }
    return record;
  }

  #checkFields(model: string, vals: Readonly<Record<string, unknown>>): void {
    const fields = this.#table(model).definition.fields;
    for (const name of Object.keys(vals)) {
      if (!(name in fields)) {
        throw new FakeOdooFailure(
          "server",
          `Invalid field '${name}' on model '${model}'`,
          "builtins.ValueError",
        );
      }
    }
  }

  /** Checks `candidates` (new records, or new versions of `replacing`) against the unique groups. */
  #checkUnique(
    model: string,
    candidates: readonly StoredRecord[],
    replacing: readonly number[] = [],
  ): void {
    const table = this.#table(model);
    const kept = [...table.records.values()].filter((record) => !replacing.includes(record.id));
    for (const group of table.definition.unique ?? []) {
      const seen = new Set<string>();
      for (const record of [...kept, ...candidates]) {
        const key = JSON.stringify(group.map((name) => record[name] ?? false));
        if (seen.has(key)) {
          throw new FakeOdooFailure(
            "validation",
            `The operation cannot be completed: duplicate ${group.join(", ")} on ${model}`,
          );
        }
        seen.add(key);
      }
    }
  }

  /** Fills unset fields with Odoo's empty values and the automatic ones. */
  #complete(model: string, record: Record<string, unknown> & { id: number }): StoredRecord {
    const complete: StoredRecord = { ...record };
    for (const [name, field] of Object.entries(this.#table(model).definition.fields)) {
      if (complete[name] !== undefined) continue;
      // Odoo's empty values: [] for x2many, false otherwise, except `active` which defaults to true.
      complete[name] =
        field.type === "many2many" || field.type === "one2many" ? [] : name === "active";
    }
    complete.create_date ??= this.now();
    complete.write_date ??= this.now();
    return complete;
  }

  #readValue(model: string, record: StoredRecord, name: string): unknown {
    if (name === "display_name") return displayName(record, model);
    const field = this.#table(model).definition.fields[name];
    if (!field && !(name in AUTOMATIC_FIELDS)) {
      throw new FakeOdooFailure(
        "server",
        `Invalid field '${name}' on model '${model}'`,
        "builtins.ValueError",
      );
    }
    const value = record[name] ?? false;
    if (field?.type === "many2one" && typeof value === "number") {
      const target = field.relation
        ? this.#models.get(field.relation)?.records.get(value)
        : undefined;
      return [
        value,
        target ? displayName(target, field.relation ?? "") : `${field.relation},${value}`,
      ];
    }
    return value;
  }
}

function displayName(record: Readonly<Record<string, unknown>>, model: string): string {
  return typeof record.display_name === "string"
    ? record.display_name
    : typeof record.name === "string"
      ? record.name
      : `${model},${String(record.id)}`;
}

function pick(
  description: Record<string, unknown>,
  attributes: readonly string[],
): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(description).filter(([key]) => attributes.includes(key)),
  );
}

function comparator(order: string) {
  const terms = order.split(",").map((term) => {
    const [field = "id", direction = "asc"] = term.trim().split(/\s+/);
    return { field, sign: direction.toLowerCase() === "desc" ? -1 : 1 };
  });
  return (a: StoredRecord, b: StoredRecord): number => {
    for (const { field, sign } of terms) {
      const left = a[field] as string | number;
      const right = b[field] as string | number;
      if (left < right) return -sign;
      if (left > right) return sign;
    }
    return 0;
  };
}
