/**
 * Evaluates Odoo domains on the fake store's records: prefix `&`, `|`, `!`, implicit AND, and the
 * common operators. Many2one values are stored as ids (or false), x2many as id arrays. Dotted
 * paths and `child_of`-style operators are refused loudly, so a test never passes by accident.
 */
import { FakeOdooFailure } from "./fakeResponses.js";

type StoredRecord = Readonly<Record<string, unknown>>;

export function matchesDomain(record: StoredRecord, domain: readonly unknown[]): boolean {
  let position = 0;
  const expression = (): boolean => {
    const term = domain[position++];
    // Both operands are always parsed: a short-circuit would leave the second one unread.
    if (term === "&") {
      const left = expression();
      const right = expression();
      return left && right;
    }
    if (term === "|") {
      const left = expression();
      const right = expression();
      return left || right;
    }
    if (term === "!") return !expression();
    if (!Array.isArray(term) || term.length !== 3) {
      throw new FakeOdooFailure(
        "server",
        `Invalid domain term ${JSON.stringify(term)}`,
        "builtins.ValueError",
      );
    }
    return matchesCondition(record, term[0], term[1], term[2]);
  };
  let result = true;
  while (position < domain.length) result = expression() && result;
  return result;
}

function matchesCondition(
  record: StoredRecord,
  field: unknown,
  operator: unknown,
  value: unknown,
): boolean {
  if (field === 1 || field === 0) return field === 1; // Odoo's TRUE_LEAF (1, '=', 1) / FALSE_LEAF
  if (typeof field !== "string" || typeof operator !== "string") {
    throw new FakeOdooFailure(
      "server",
      `Invalid condition (${String(field)}, ${String(operator)})`,
      "builtins.ValueError",
    );
  }
  if (field.includes("."))
    throw new FakeOdooFailure("server", `fake Odoo: dotted path ${field} not supported`);
  if (!(field in record)) {
    throw new FakeOdooFailure(
      "server",
      `Invalid field ${field} in condition (${field}, ${operator})`,
      "builtins.ValueError",
    );
  }
  const stored = record[field];
  const values = Array.isArray(stored) ? stored : [stored];
  switch (operator) {
    case "=":
      return Array.isArray(stored)
        ? value === false
          ? stored.length === 0
          : stored.includes(value)
        : same(stored, value);
    case "!=":
    case "<>":
      return !matchesCondition(record, field, "=", value);
    case "=?":
      return value === false || value === null || matchesCondition(record, field, "=", value);
    case "in":
      return asList(value).some((wanted) =>
        wanted === false
          ? values.length === 0 || stored === false
          : values.some((v) => same(v, wanted)),
      );
    case "not in":
      return !matchesCondition(record, field, "in", value);
    case "<":
    case "<=":
    case ">":
    case ">=":
      return stored !== false && stored !== null && compare(stored, value, operator);
    case "like":
    case "ilike":
    case "=like":
    case "=ilike":
      return stored !== false && likeMatch(String(stored), String(value), operator);
    case "not like":
    case "not ilike":
      return !matchesCondition(record, field, operator.slice(4), value);
    default:
      throw new FakeOdooFailure("server", `fake Odoo: operator ${operator} not supported`);
  }
}

function same(stored: unknown, value: unknown): boolean {
  if (stored === false || stored === null) return value === false || value === null;
  return stored === value;
}

function asList(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [value];
}

function compare(stored: unknown, value: unknown, operator: string): boolean {
  const left = stored as string | number;
  const right = value as string | number;
  if (operator === "<") return left < right;
  if (operator === "<=") return left <= right;
  if (operator === ">") return left > right;
  return left >= right;
}

function likeMatch(text: string, pattern: string, operator: string): boolean {
  const insensitive = operator.includes("ilike");
  const exact = operator.startsWith("=");
  const body = exact
    ? pattern
        .replace(/[.*+?^${}()|[\]\\]/g, "\\$&")
        .replace(/%/g, ".*")
        .replace(/_/g, ".")
    : `.*${pattern.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}.*`;
  return new RegExp(`^${body}$`, insensitive ? "is" : "s").test(text);
}
