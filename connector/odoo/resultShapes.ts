/** Checks that a result has the shape its method promises, else an `OdooProtocolError`. */
import { OdooProtocolError } from "./errors.js";
import type { OdooRecord, OdooValue } from "./types.js";

export function isPlainObject(value: unknown): value is Record<string, OdooValue> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function asRecords(value: OdooValue, model: string, method: string): OdooRecord[] {
  if (
    !Array.isArray(value) ||
    !value.every((record) => isPlainObject(record) && typeof record.id === "number")
  ) {
    throw unexpected(model, method, "a list of records with ids", value);
  }
  return value as OdooRecord[];
}

export function asIds(value: OdooValue, model: string, method: string): number[] {
  if (!Array.isArray(value) || !value.every((id) => Number.isInteger(id)))
    throw unexpected(model, method, "a list of ids", value);
  return value as number[];
}

export function unexpected(
  model: string,
  method: string,
  expected: string,
  got: unknown,
): OdooProtocolError {
  const shape = Array.isArray(got) ? `a list of ${got.length}` : got === null ? "null" : typeof got;
  return new OdooProtocolError(`expected ${expected}, got ${shape}`, { model, method });
}
