/**
 * Checks that a value read from Odoo has the shape its field type promises, whatever transport
 * carried it: `false` for empty, many2one `[id, name]`, x2many id lists, dates as Odoo strings.
 * Used by the contract tests (recorded answers) and the live suite (a real server).
 */
import type { OdooFieldDescription, OdooValue } from "../../connector/odoo/index.js";

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATETIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;

/** Returns what is wrong with `value` for a field of this type, or undefined when it fits. */
export function shapeProblem(
  value: OdooValue | undefined,
  field: OdooFieldDescription,
): string | undefined {
  const type = field.type;
  const show = JSON.stringify(value);
  if (value === undefined) return "missing";
  switch (type) {
    case "many2one":
      return value === false ||
        (Array.isArray(value) &&
          value.length === 2 &&
          Number.isInteger(value[0]) &&
          typeof value[1] === "string")
        ? undefined
        : `many2one should be [id, name] or false, got ${show}`;
    case "one2many":
    case "many2many":
      return Array.isArray(value) && value.every((id) => Number.isInteger(id))
        ? undefined
        : `${type} should be a list of ids, got ${show}`;
    case "date":
      return value === false || (typeof value === "string" && DATE.test(value))
        ? undefined
        : `date should be 'YYYY-MM-DD' or false, got ${show}`;
    case "datetime":
      return value === false || (typeof value === "string" && DATETIME.test(value))
        ? undefined
        : `datetime should be 'YYYY-MM-DD HH:MM:SS' or false, got ${show}`;
    case "integer":
      return Number.isInteger(value) ? undefined : `integer expected, got ${show}`;
    case "float":
    case "monetary":
      return typeof value === "number" && Number.isFinite(value)
        ? undefined
        : `number expected, got ${show}`;
    case "boolean":
      return typeof value === "boolean" ? undefined : `boolean expected, got ${show}`;
    case "char":
    case "text":
    case "html":
    case "selection":
      return value === false || typeof value === "string"
        ? undefined
        : `${type} should be a string or false, got ${show}`;
    default:
      return undefined;
  }
}

/** Every problem in `records` against `fields` (field name → description), as readable lines. */
export function shapeProblems(
  records: readonly Record<string, OdooValue>[],
  fields: Readonly<Record<string, OdooFieldDescription>>,
): string[] {
  const problems: string[] = [];
  for (const record of records) {
    for (const [name, value] of Object.entries(record)) {
      const field = name === "id" ? { type: "integer" } : fields[name];
      if (!field) continue;
      const problem = shapeProblem(value, field);
      if (problem) problems.push(`record ${String(record.id)} ${name}: ${problem}`);
    }
  }
  return problems;
}
