import { describe, expect, it } from "vitest";
import {
  PeriodLabelError,
  parsePeriod,
  periodLabel,
  periodOfDay,
  toPeriodOrdinal,
} from "../../analytics/periods.js";

// Expected ISO weeks checked with GNU date: `date -d 2021-01-03 +%G-W%V` prints 2020-W53.
const isoWeeks: Array<[string, string]> = [
  ["2024-03-18", "2024-W12"],
  ["2021-01-03", "2020-W53"],
  ["2021-01-04", "2021-W01"],
  ["2019-12-30", "2020-W01"],
  ["2026-12-31", "2026-W53"],
  ["2027-01-01", "2026-W53"],
];

describe("periods", () => {
  it.each(isoWeeks)("places %s in ISO week %s", (day, week) => {
    const ordinal = periodOfDay(parsePeriod(day).ordinal, "week");
    expect(periodLabel(ordinal, "week")).toBe(week);
    expect(parsePeriod(week).ordinal).toBe(ordinal);
  });

  it("places a day in its calendar month", () => {
    const day = parsePeriod("2024-02-29");
    expect(periodLabel(periodOfDay(day.ordinal, "month"), "month")).toBe("2024-02");
    expect(parsePeriod("2024-03").ordinal - parsePeriod("2023-03").ordinal).toBe(12);
  });

  it("round-trips every week label over ten years", () => {
    const first = parsePeriod("2018-W01").ordinal;
    const last = parsePeriod("2027-W52").ordinal;
    for (let ordinal = first; ordinal <= last; ordinal++) {
      expect(parsePeriod(periodLabel(ordinal, "week")).ordinal).toBe(ordinal);
    }
  });

  it("rejects labels that name no period", () => {
    expect(() => parsePeriod("2024-13")).toThrow(PeriodLabelError);
    expect(() => parsePeriod("2023-02-29")).toThrow(/no such day/);
    expect(() => parsePeriod("2021-W53")).toThrow(/weeks 01-52/);
    expect(() => parsePeriod("March 2024")).toThrow(/"March 2024"/);
  });

  it("refuses to put a month on a week grid", () => {
    expect(() => toPeriodOrdinal(parsePeriod("2024-03"), "2024-03", "week")).toThrow(
      /cannot be placed on a week grid/,
    );
  });
});
