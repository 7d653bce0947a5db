import { describe, expect, it } from "vitest";
import {
  daysUntil,
  formatPartialDate,
  fromDateFields,
  type PartialDate,
  type PartialDateFields,
  toDateFields,
} from "./partial-date";

const t = (key: string, values?: Record<string, string>) =>
  ({
    unknown: "date unknown",
    approx: `c. ${values?.date}`,
    early: `early ${values?.date}`,
    mid: `mid-${values?.date}`,
    late: `late ${values?.date}`,
    yearOnly: `${values?.year}, month unknown`,
  })[key] ?? key;

const show = (d: PartialDate | null) => formatPartialDate(d, "en-GB", t);

describe("formatPartialDate", () => {
  it("shows a known day as the day", () => {
    expect(show({ on: "2017-11-07", precision: "day", approx: false })).toBe("7 Nov 2017");
  });
  it("marks an approximate day", () => {
    expect(show({ on: "2017-11-07", precision: "day", approx: true })).toBe("c. 7 Nov 2017");
  });
  it("shows early, mid and late parts of a month when the month is approximate", () => {
    expect(show({ on: "2017-11-05", precision: "month", approx: true })).toBe("early Nov 2017");
    expect(show({ on: "2017-11-15", precision: "month", approx: true })).toBe("mid-Nov 2017");
    expect(show({ on: "2024-02-25", precision: "month", approx: true })).toBe("late Feb 2024");
  });
  it("shows only the month when the day is unknown", () => {
    expect(show({ on: "1999-11-01", precision: "month", approx: false })).toBe("Nov 1999");
  });
  it("says the month is unknown for a year", () => {
    expect(show({ on: "2024-01-01", precision: "year", approx: false })).toBe("2024, month unknown");
  });
  it("shows 'the beginning of the year' as early in the year", () => {
    expect(show({ on: "2024-01-15", precision: "year", approx: true })).toBe("early 2024");
    expect(show({ on: "2024-10-15", precision: "year", approx: true })).toBe("late 2024");
  });
  it("says when nothing is known", () => {
    expect(show(null)).toBe("date unknown");
  });
});

describe("around a month or a year", () => {
  it("says c. when no part of the period is known", () => {
    expect(show({ on: "2017-11-01", precision: "month", approx: true })).toBe("c. Nov 2017");
    expect(show({ on: "2017-01-01", precision: "year", approx: true })).toBe("c. 2017");
  });
});

describe("form fields round trip", () => {
  const cases: Array<[PartialDateFields, PartialDate]> = [
    [
      { year: "2024", month: "6", day: "15", part: "", approx: false },
      { on: "2024-06-15", precision: "day", approx: false },
    ],
    [
      { year: "2017", month: "11", day: "", part: "early", approx: true },
      { on: "2017-11-05", precision: "month", approx: true },
    ],
    [
      { year: "1999", month: "11", day: "", part: "", approx: false },
      { on: "1999-11-01", precision: "month", approx: false },
    ],
    [
      { year: "2024", month: "", day: "", part: "early", approx: true },
      { on: "2024-02-15", precision: "year", approx: true },
    ],
    [
      { year: "2024", month: "", day: "", part: "", approx: false },
      { on: "2024-01-01", precision: "year", approx: false },
    ],
  ];
  it.each(cases)("%j <-> %j", (fields, stored) => {
    expect(fromDateFields(fields)).toEqual(stored);
    expect(toDateFields(stored)).toEqual(fields);
  });
});

describe("daysUntil", () => {
  it("counts whole calendar days, negative when past", () => {
    expect(daysUntil("2024-06-15", "2024-06-01")).toBe(14);
    expect(daysUntil("2024-06-01", "2024-06-15")).toBe(-14);
    expect(daysUntil("2024-03-31", "2024-03-30")).toBe(1);
  });
});
