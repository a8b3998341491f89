import { describe, expect, it } from "vitest";
import { sparklineGeometry } from "../../frontend/components/sparkline.js";
import { type RunRow, runStatusFromRuns } from "../../frontend/dashboard/run-status-data.js";
import { formatRelativeTime, parseServerDatetime } from "../../frontend/format.js";
import { readCostServiceCurves, readDemandHistory } from "../../frontend/odoo/json-fields.js";
import { jsonFormatSchemas } from "../../manifest/contract.js";

describe("sparkline geometry", () => {
  it("spans the box from the smallest to the largest value, oldest on the left", () => {
    expect(sparklineGeometry([10, 15, 20], 120, 32)).toEqual({
      line: "2,30 60,16 118,2",
      area: "2,30 2,30 60,16 118,2 118,30",
      last: { x: 118, y: 2 },
    });
  });

  it("keeps zero at the bottom on request, draws a flat series mid-height, and needs two values", () => {
    expect(sparklineGeometry([10, 15, 20], 120, 32, true)?.line).toBe("2,16 60,9 118,2");
    expect(sparklineGeometry([5, 5, 5], 120, 32)?.line).toBe("2,16 60,16 118,16");
    expect(sparklineGeometry([5], 120, 32)).toBeUndefined();
  });
});

describe("json field readers agree with the contract's schemas", () => {
  const histories: unknown[] = [
    { period: "week", start: "2024-W01", values: [1, 0, 2.5] },
    { period: "month", start: "2024-01", values: [] },
    { period: "day", start: "2024-01", values: [1] },
    { period: "week", start: "2024-1", values: [1] },
    { period: "week", start: "2024-W01", values: [1, "2"] },
    { period: "week", start: "2024-W01", values: [Number.NaN] },
    { period: "week", start: "2024-W01", values: [1], extra: true },
    { period: "week", start: "2024-W01" },
    [1, 2, 3],
    false,
    null,
  ];
  it.each(histories.map((value) => [JSON.stringify(value), value]))(
    "demand_history %s",
    (_label, value) => {
      const expected = jsonFormatSchemas.demand_history.safeParse(value).success;
      expect(readDemandHistory(value) !== undefined).toBe(expected);
    },
  );

  const curves: unknown[] = [
    { critical: [{ service_target: 0.9, inventory_value: 1200.5, carrying_cost: 300.1 }] },
    {},
    { essential: [] },
    { critical: [{ service_target: 1, inventory_value: 1, carrying_cost: 1 }] },
    { critical: [{ service_target: -0.1, inventory_value: 1, carrying_cost: 1 }] },
    { critical: [{ service_target: 0.9, inventory_value: 1 }] },
    { critical: [{ service_target: 0.9, inventory_value: 1, carrying_cost: 1, x: 1 }] },
    { vital: [{ service_target: 0.9, inventory_value: 1, carrying_cost: 1 }] },
    { critical: {} },
    false,
  ];
  it.each(curves.map((value) => [JSON.stringify(value), value]))(
    "cost_service_curves %s",
    (_label, value) => {
      const expected = jsonFormatSchemas.cost_service_curves.safeParse(value).success;
      expect(readCostServiceCurves(value) !== undefined).toBe(expected);
    },
  );
});

describe("dates", () => {
  it("reads Odoo's UTC datetimes and refuses anything else", () => {
    expect(parseServerDatetime("2026-11-24 02:04:00")?.toISOString()).toBe(
      "2026-11-24T02:04:00.000Z",
    );
    expect(parseServerDatetime(false)).toBeUndefined();
    expect(parseServerDatetime("24/11/2026")).toBeUndefined();
  });

  it("says how long ago in the user's language", () => {
    const now = new Date("2026-11-24T05:00:00Z");
    expect(formatRelativeTime(new Date("2026-11-24T02:00:00Z"), now, "en_US")).toBe("3 hours ago");
    expect(formatRelativeTime(new Date("2026-11-23T04:00:00Z"), now, "en_US")).toBe("yesterday");
    expect(formatRelativeTime(new Date("2026-11-24T04:59:40Z"), now, "en_US")).toBe("now");
    expect(formatRelativeTime(new Date("2026-11-24T02:00:00Z"), now, "fr_BE")).toBe(
      "il y a 3 heures",
    );
  });
});

describe("run status", () => {
  const run = (id: number, state: RunRow["state"], error: string | false = false): RunRow => ({
    id,
    name: `SEG/${id}`,
    mode: "full",
    state,
    date_start: false,
    date_end: false,
    create_date: "2026-11-24 02:00:00",
    product_count: 0,
    suggestion_count: 0,
    event_count: 0,
    error,
  });

  it("finds the last success and what happened after it", () => {
    const status = runStatusFromRuns([
      run(5, "requested"),
      run(4, "failed", "Odoo timed out"),
      run(3, "done"),
      run(2, "failed"),
    ]);
    expect(status.lastDone?.id).toBe(3);
    expect(status.pending?.id).toBe(5);
    expect(status.failed?.id).toBe(4);
  });

  it("ignores a failure older than the last success", () => {
    const status = runStatusFromRuns([run(3, "done"), run(2, "failed")]);
    expect(status.failed).toBeUndefined();
    expect(status.pending).toBeUndefined();
    expect(runStatusFromRuns([]).lastDone).toBeUndefined();
  });
});
