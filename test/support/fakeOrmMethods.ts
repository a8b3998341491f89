/**
 * The ORM methods every fake model answers, with Odoo's positional parameters so XML-RPC `args`
 * bind like in `call_kw` (`odoo/orm/models.py`, `web/models/models.py`).
 */
import { FakeOdooFailure } from "./fakeResponses.js";
import type { FakeMethod, FakeStore } from "./fakeStore.js";

const asNumber = (value: unknown): number | undefined =>
  typeof value === "number" ? value : undefined;
const asStrings = (value: unknown): string[] | undefined =>
  Array.isArray(value) ? value.map(String) : undefined;

/** Odoo's public ORM methods with their positional parameters (`odoo/orm/models.py`, `web/models/models.py`). */
export const BUILTIN_METHODS: Readonly<Record<string, FakeMethod>> = {
  search_read: {
    model: true,
    params: ["domain", "fields", "offset", "limit", "order"],
    run: ({ store, model, kwargs, context }) => {
      const ids = store.search(model, (kwargs.domain as unknown[]) ?? [], {
        offset: asNumber(kwargs.offset) ?? 0,
        limit: asNumber(kwargs.limit) ?? false,
        order: typeof kwargs.order === "string" ? kwargs.order : "id",
        context,
      });
      return store.read(model, ids, asStrings(kwargs.fields));
    },
  },
  search: {
    model: true,
    params: ["domain", "offset", "limit", "order"],
    run: ({ store, model, kwargs, context }) =>
      store.search(model, (kwargs.domain as unknown[]) ?? [], {
        offset: asNumber(kwargs.offset) ?? 0,
        limit: asNumber(kwargs.limit) ?? false,
        order: typeof kwargs.order === "string" ? kwargs.order : "id",
        context,
      }),
  },
  search_count: {
    model: true,
    params: ["domain", "limit"],
    run: ({ store, model, kwargs, context }) => {
      const count = store.search(model, (kwargs.domain as unknown[]) ?? [], { context }).length;
      const limit = asNumber(kwargs.limit);
      return limit === undefined ? count : Math.min(count, limit);
    },
  },
  read: {
    params: ["fields"],
    run: ({ store, model, ids, kwargs }) => store.read(model, ids, asStrings(kwargs.fields)),
  },
  create: {
    model: true,
    params: ["vals_list"],
    run: ({ store, model, kwargs }) => {
      if (!Array.isArray(kwargs.vals_list))
        throw new FakeOdooFailure("bad-arguments", "missing a required argument: 'vals_list'");
      return store.create(model, kwargs.vals_list as Record<string, unknown>[]);
    },
  },
  write: {
    params: ["vals"],
    run: ({ store, model, ids, kwargs }) =>
      store.write(model, ids, (kwargs.vals as Record<string, unknown>) ?? {}),
  },
  unlink: { params: [], run: ({ store, model, ids }) => store.unlink(model, ids) },
  fields_get: {
    model: true,
    params: ["allfields", "attributes"],
    run: ({ store, model, kwargs }) =>
      store.fieldsGet(model, asStrings(kwargs.allfields), asStrings(kwargs.attributes)),
  },
  formatted_read_group: {
    model: true,
    params: ["domain", "groupby", "aggregates", "having", "offset", "limit", "order"],
    run: ({ store, model, kwargs, context }) => groupRecords(store, model, kwargs, context),
  },
};

/**
 * `formatted_read_group` on plain fields and `field:day`, with `field:sum|min|max|count|array_agg`
 * and `__count`.
 */
function groupRecords(
  store: FakeStore,
  model: string,
  kwargs: Readonly<Record<string, unknown>>,
  context: Readonly<Record<string, unknown>>,
): Record<string, unknown>[] {
  const groupby = asStrings(kwargs.groupby) ?? [];
  const aggregates = asStrings(kwargs.aggregates) ?? [];
  const ids = store.search(model, (kwargs.domain as unknown[]) ?? [], { context });
  const fieldNames = [
    ...new Set([
      ...groupby.map((spec) => spec.split(":")[0] ?? ""),
      ...aggregates.filter((spec) => spec !== "__count").map((spec) => spec.split(":")[0] ?? ""),
    ]),
  ];
  const rows = store.read(model, ids, fieldNames);
  const groups = new Map<string, Record<string, unknown>[]>();
  for (const row of rows) {
    const key = JSON.stringify(groupby.map((spec) => groupValue(row, spec)));
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  return [...groups.entries()].map(([key, members]) => {
    const values = JSON.parse(key) as unknown[];
    const group: Record<string, unknown> = {};
    groupby.forEach((spec, index) => {
      group[spec] = values[index];
    });
    for (const spec of aggregates) {
      if (spec === "__count") group.__count = members.length;
      else {
        const [field = "", aggregate = "sum"] = spec.split(":");
        if (aggregate === "array_agg") {
          // Odoo orders the array by record id (`ARRAY_AGG(expr ORDER BY id)`).
          group[spec] = [...members]
            .sort((a, b) => Number(a.id) - Number(b.id))
            .map((member) => member[field]);
          continue;
        }
        const numbers = members.map((member) => Number(member[field] || 0));
        group[spec] =
          aggregate === "count"
            ? members.length
            : aggregate === "min"
              ? Math.min(...numbers)
              : aggregate === "max"
                ? Math.max(...numbers)
                : numbers.reduce((sum, value) => sum + value, 0);
      }
    }
    return group;
  });
}

function groupValue(row: Record<string, unknown>, spec: string): unknown {
  const [field = "", granularity] = spec.split(":");
  const value = row[field];
  if (granularity === "day" && typeof value === "string")
    return [`${value.slice(0, 10)}${value.length > 10 ? " 00:00:00" : ""}`, value.slice(0, 10)];
  if (granularity)
    throw new FakeOdooFailure("server", `fake Odoo: granularity ${granularity} not supported`);
  return value;
}
