import { describe, expect, it } from "vitest";
import { bucketDailyDemand, DemandInputError } from "../../analytics/bucket-daily-demand.js";

describe("bucketDailyDemand", () => {
  it("nets returns within ISO weeks and fills empty weeks with zero", () => {
    // 2024-03-18 is a Monday (ISO week 12); 2024-03-24 is its Sunday; 2024-04-02 lies in week 14.
    const records = [
      { sku: "BOLT", day: "2024-03-18", quantity: 5 },
      { sku: "NUT", day: "2024-04-02", quantity: 3 },
      { sku: "BOLT", day: "2024-03-24", quantity: -1 },
      { sku: "BOLT", day: "2024-04-02", quantity: 2 },
    ];
    const snapshot = structuredClone(records);
    const matrix = bucketDailyDemand(records, { period: "week", skus: ["BOLT", "NUT"] });
    expect(matrix.periodLabels).toEqual(["2024-W12", "2024-W13", "2024-W14"]);
    expect(Array.from(matrix.quantities)).toEqual([4, 0, 2, 0, 0, 3]);
    expect(records).toEqual(snapshot);
  });

  it("aggregates to calendar months inside a window and keeps a net return negative", () => {
    const matrix = bucketDailyDemand(
      [
        { sku: "A", day: "2023-12-31", quantity: 9 },
        { sku: "A", day: "2024-01-31", quantity: 2 },
        { sku: "A", day: "2024-02-01", quantity: -3 },
        { sku: "A", day: "2024-03", quantity: 1 },
      ],
      { period: "month", skus: ["A"], from: "2024-01", through: "2024-04-15" },
    );
    expect(matrix.periodLabels).toEqual(["2024-01", "2024-02", "2024-03", "2024-04"]);
    expect(Array.from(matrix.quantities)).toEqual([2, -3, 1, 0]);
  });

  it("names the offending record", () => {
    const bad = (records: Parameters<typeof bucketDailyDemand>[0]) => () =>
      bucketDailyDemand(records, { period: "week", skus: ["A"] });
    expect(bad([{ sku: "B", day: "2024-01-01", quantity: 1 }])).toThrow(
      /record 0: unknown SKU "B"/,
    );
    expect(
      bad([
        { sku: "A", day: "2024-01-01", quantity: 1 },
        { sku: "A", day: "2024-01-02", quantity: Number.NaN },
      ]),
    ).toThrow(/record 1: quantity/);
    expect(bad([{ sku: "A", day: "2024-02-30", quantity: 1 }])).toThrow(DemandInputError);
    expect(bad([{ sku: "A", day: "2024-02", quantity: 1 }])).toThrow(/cannot be placed/);
    expect(() => bucketDailyDemand([], { period: "week", skus: ["A", "A"] })).toThrow(
      /listed twice/,
    );
  });

  it("returns an empty grid for no records", () => {
    const matrix = bucketDailyDemand([], { period: "week", skus: ["A"] });
    expect(matrix.periodLabels).toEqual([]);
    expect(matrix.quantities.length).toBe(0);
  });
});
