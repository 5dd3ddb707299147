import { describe, expect, test } from "vitest";
import { parseListDate } from "@/lib/ftp/parse-list-date";

const now = new Date("2026-01-10T12:00:00Z");

describe("parseListDate", () => {
  test.each([
    ["a time within the past months is this year", "Jan  9 08:30", now, "2026-01-09T08:30:00.000Z"],
    ["a time later in the year than now belongs to last year", "Dec 31 23:59", now, "2025-12-31T23:59:00.000Z"],
    ["up to a day ahead is clock skew, still this year", "Jan 11 06:00", now, "2026-01-11T06:00:00.000Z"],
    ["more than a day ahead is last year", "Jan 12 06:00", now, "2025-01-12T06:00:00.000Z"],
    ["Feb 29 without a year is the latest leap year", "Feb 29 10:00", new Date("2027-03-05T00:00:00Z"), "2024-02-29T10:00:00.000Z"],
    ["Feb 29 in a leap year", "Feb 29 10:00", new Date("2028-03-05T00:00:00Z"), "2028-02-29T10:00:00.000Z"],
    ["an explicit year", "Mar  3  2019", now, "2019-03-03T00:00:00.000Z"],
    ["upper-case month", "JAN 01 2020", now, "2020-01-01T00:00:00.000Z"],
    ["ISO date with time (ls --time-style=long-iso)", "2024-05-06 07:08", now, "2024-05-06T07:08:00.000Z"],
    ["DOS, two-digit year, PM", "11-24-25  10:26PM", now, "2025-11-24T22:26:00.000Z"],
    ["DOS, 12 AM is midnight", "01-02-26 12:05AM", now, "2026-01-02T00:05:00.000Z"],
    ["DOS, four-digit year, 24-hour clock", "11-24-2025 22:26", now, "2025-11-24T22:26:00.000Z"],
  ])("%s", (_title, raw, at, iso) => {
    expect(parseListDate(raw, at)?.toISOString()).toBe(iso);
  });

  test.each(["", "yesterday", "Foo 12 10:00", "13-45-26 10:00"])("%j is not understood", (raw) => {
    expect(parseListDate(raw, now)).toBeUndefined();
  });
});
