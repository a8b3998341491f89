import { describe, expect, it } from "vitest";
import { LeadTimeInputError, summarizeLeadTimes } from "../../analytics/summarize-lead-times.js";

describe("summarizeLeadTimes", () => {
  it("measures mean, sample sd and on-time rate", () => {
    // Hand computation: lead times 10, 14, 12 days → mean 12, sample sd √((4+4+0)/2) = 2.
    // On time: 1 of the 2 receipts that carry a promise.
    const receipts = [
      { orderedOn: "2024-01-02", receivedOn: "2024-01-12", promisedOn: "2024-01-12" },
      { orderedOn: "2024-02-01", receivedOn: "2024-02-15", promisedOn: "2024-02-11" },
      { orderedOn: "2024-03-01", receivedOn: "2024-03-13" },
    ];
    const snapshot = structuredClone(receipts);
    expect(summarizeLeadTimes(receipts, 10)).toEqual({
      meanDays: 12,
      sdDays: 2,
      receipts: 3,
      onTimeRate: 0.5,
      source: "receipts",
    });
    expect(receipts).toEqual(snapshot);
  });

  it("counts fractional days between Odoo datetimes and compares promises by calendar day", () => {
    // 36 h, 60 h, 12 h → 1.5, 2.5, 0.5 days: mean 1.5, sd 1 (hand computation).
    const summary = summarizeLeadTimes(
      [
        {
          orderedOn: "2024-05-01 08:00:00",
          receivedOn: "2024-05-02 20:00:00",
          promisedOn: "2024-05-02 06:00:00",
        },
        {
          orderedOn: "2024-05-01 08:00:00",
          receivedOn: "2024-05-03T20:00:00Z",
          promisedOn: "2024-05-02",
        },
        { orderedOn: "2024-05-01 08:00", receivedOn: "2024-05-01 20:00", promisedOn: "2024-05-01" },
      ],
      3,
    );
    expect(summary.meanDays).toBeCloseTo(1.5, 12);
    expect(summary.sdDays).toBeCloseTo(1, 12);
    expect(summary.onTimeRate).toBeCloseTo(2 / 3, 12);
  });

  it("falls back to the promised delay below the minimum number of receipts", () => {
    const two = [
      { orderedOn: "2024-01-01", receivedOn: "2024-01-31" },
      { orderedOn: "2024-02-01", receivedOn: "2024-02-05" },
    ];
    expect(summarizeLeadTimes(two, 21)).toEqual({
      meanDays: 21,
      sdDays: 0,
      receipts: 2,
      onTimeRate: null,
      source: "promised",
    });
    expect(summarizeLeadTimes(two, 21, { minReceipts: 2 }).meanDays).toBe(17);
  });

  it("rejects impossible receipts and delays", () => {
    expect(() =>
      summarizeLeadTimes([{ orderedOn: "2024-01-05", receivedOn: "2024-01-04" }], 5),
    ).toThrow(/receipt 0: received 2024-01-04 before/);
    expect(() =>
      summarizeLeadTimes([{ orderedOn: "05/01/2024", receivedOn: "2024-01-04" }], 5),
    ).toThrow(LeadTimeInputError);
    expect(() => summarizeLeadTimes([], -1)).toThrow(RangeError);
  });
});
