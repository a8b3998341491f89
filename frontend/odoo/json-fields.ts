/**
 * Readers for the contract's `json` fields the frontend draws (`demand_history` on products,
 * `cost_service_curves` on runs). The shapes are the contract's (`jsonFormatSchemas` in
 * `manifest/contract.ts`); they are checked here by hand rather than with zod so that the browser
 * bundle does not carry a validation library for two small payloads. A payload that does not fit
 * reads as `undefined`, and the widget says the data is unavailable instead of drawing nonsense;
 * `test/frontend/pure.test.ts` checks that these readers accept exactly what the zod
 * schemas accept.
 */
import type { CostServiceCurves, DemandHistory, TierCode } from "../../manifest/contract.js";
import { isTier } from "../tiers.js";

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const isFiniteNumber = (value: unknown): value is number =>
  typeof value === "number" && Number.isFinite(value);

const hasOnlyKeys = (value: Record<string, unknown>, keys: readonly string[]): boolean =>
  Object.keys(value).every((key) => keys.includes(key));

/** `{"period": "week"|"month", "start": "2024-W01"|"2024-01", "values": [number, ...]}` */
export function readDemandHistory(value: unknown): DemandHistory | undefined {
  if (!isRecord(value) || !hasOnlyKeys(value, ["period", "start", "values"])) return undefined;
  const { period, start, values } = value;
  if (period !== "week" && period !== "month") return undefined;
  if (typeof start !== "string" || !/^\d{4}-(W\d{2}|\d{2})$/.test(start)) return undefined;
  if (!Array.isArray(values) || !values.every(isFiniteNumber)) return undefined;
  return { period, start, values };
}

/** One curve per tier code, points `{service_target, inventory_value, carrying_cost}`. */
export function readCostServiceCurves(value: unknown): CostServiceCurves | undefined {
  if (!isRecord(value)) return undefined;
  const curves: CostServiceCurves = {};
  for (const [code, points] of Object.entries(value)) {
    if (!isTier(code) || !Array.isArray(points)) return undefined;
    const read: NonNullable<CostServiceCurves[TierCode]> = [];
    for (const point of points) {
      if (!isRecord(point)) return undefined;
      if (!hasOnlyKeys(point, ["service_target", "inventory_value", "carrying_cost"])) {
        return undefined;
      }
      const { service_target, inventory_value, carrying_cost } = point;
      if (!isFiniteNumber(service_target) || service_target < 0 || service_target >= 1) {
        return undefined;
      }
      if (!isFiniteNumber(inventory_value) || !isFiniteNumber(carrying_cost)) return undefined;
      read.push({ service_target, inventory_value, carrying_cost });
    }
    curves[code] = read;
  }
  return curves;
}
