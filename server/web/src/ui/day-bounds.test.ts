// Scope days in the workspace's time zone: the same instants from any browser.
import { describe, expect, it } from "vitest";
import { dayEndIso, dayStartIso, isoToDay } from "./day-bounds.ts";
import { formatDate, localDay } from "./format.ts";

describe("day bounds in a time zone", () => {
  it("starts and ends the day at the zone's midnight", () => {
    expect(dayStartIso("2026-03-01", "Asia/Ho_Chi_Minh")).toBe("2026-03-01T00:00:00+07:00");
    expect(dayEndIso("2026-03-31", "Asia/Ho_Chi_Minh")).toBe("2026-03-31T23:59:59.999+07:00");
    // Across a DST change the offset is the one in force that day.
    expect(dayStartIso("2026-07-01", "Europe/Berlin")).toBe("2026-07-01T00:00:00+02:00");
    expect(dayStartIso("2026-01-01", "Europe/Berlin")).toBe("2026-01-01T00:00:00+01:00");
  });

  it("reads a scope bound back as the zone's day and formats it there", () => {
    const from = "2026-03-01T00:00:00+07:00"; // 2026-02-28T17:00Z
    expect(isoToDay(from, "Asia/Ho_Chi_Minh")).toBe("2026-03-01");
    expect(localDay(from, "Asia/Ho_Chi_Minh")).toBe("2026-03-01");
    expect(localDay(from, "America/New_York")).toBe("2026-02-28");
    expect(formatDate(from, "en", "Asia/Ho_Chi_Minh")).toBe("1 Mar 2026");
    // A bare day is a calendar day, never shifted.
    expect(formatDate("2026-03-01", "en", "America/New_York")).toBe("1 Mar 2026");
  });
});
