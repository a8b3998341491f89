/**
 * Bad records are reported, never fatal: each record read is checked against its zod schema, and
 * one that does not fit is set aside with its model, id and the fields at fault, so a single odd
 * record (a move in a unit of another kind, a negative cost) cannot stop a run over thousands.
 */
import type { z } from "zod";
import type { OdooRecord } from "../odoo/index.js";

/** One record the extraction left out, and why. */
export interface RecordIssue {
  readonly model: string;
  readonly id: number;
  /** e.g. `product_uom: must be set; quantity: expected number, received string`. */
  readonly problem: string;
}

/** Collects issues over a run. */
export class IssueLog {
  readonly #issues: RecordIssue[] = [];

  add(model: string, id: number, problem: string): void {
    this.#issues.push({ model, id, problem });
  }

  get issues(): readonly RecordIssue[] {
    return this.#issues;
  }

  get count(): number {
    return this.#issues.length;
  }
}

/**
 * The records of `model` that fit `schema`, parsed; the others go to `log`.
 * @param records as read from Odoo (each has an `id`).
 */
export function parseRecords<S extends z.ZodType>(
  model: string,
  schema: S,
  records: readonly OdooRecord[],
  log: IssueLog,
): z.output<S>[] {
  const parsed: z.output<S>[] = [];
  for (const record of records) {
    const result = schema.safeParse(record);
    if (result.success) parsed.push(result.data);
    else
      log.add(model, typeof record.id === "number" ? record.id : 0, describeIssues(result.error));
  }
  return parsed;
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.length > 0 ? `${issue.path.join(".")}: ` : ""}${issue.message}`)
    .join("; ");
}
