/** Building the named arguments of a call: drop undefined members, add the context, cut into batches. */
import type { RpcArguments } from "./transport.js";
import type { OdooContext, OdooValue } from "./types.js";

export function withContext(kwargs: RpcArguments, context: OdooContext | undefined): RpcArguments {
  return definedOnly(context === undefined ? kwargs : { ...kwargs, context });
}

export function definedOnly<T extends { readonly [key: string]: OdooValue | undefined }>(
  values: T,
): { [key: string]: OdooValue } {
  const clean: { [key: string]: OdooValue } = {};
  for (const [key, value] of Object.entries(values)) if (value !== undefined) clean[key] = value;
  return clean;
}

export function* chunks<T>(items: readonly T[], size: number): Generator<T[]> {
  for (let start = 0; start < items.length; start += size) yield items.slice(start, start + size);
}

export function positiveInteger(value: number, name: string): number {
  if (!Number.isInteger(value) || value < 1)
    throw new RangeError(`${name} must be a positive integer, got ${value}`);
  return value;
}
