import { describe, expect, it } from "vitest";
import { formatZoned, localParts, zonedTimeToUtc, zoneOffsetMinutes } from "./zoned-time.ts";

describe("zoned time", () => {
  it("knows Vietnam is UTC+7 all year", () => {
    expect(zoneOffsetMinutes(Date.parse("2024-01-15T00:00:00Z"), "Asia/Ho_Chi_Minh")).toBe(420);
    expect(zoneOffsetMinutes(Date.parse("2024-07-15T00:00:00Z"), "Asia/Ho_Chi_Minh")).toBe(420);
  });

  it("follows daylight saving time", () => {
    expect(zoneOffsetMinutes(Date.parse("2024-01-15T12:00:00Z"), "Europe/Berlin")).toBe(60);
    expect(zoneOffsetMinutes(Date.parse("2024-07-15T12:00:00Z"), "Europe/Berlin")).toBe(120);
  });

  it("gives local date, hour and ISO weekday (Monday = 0)", () => {
    // 2024-03-03T20:30Z is Monday 03:30 on 4 March in Vietnam.
    expect(localParts(Date.parse("2024-03-03T20:30:00Z"), "Asia/Ho_Chi_Minh")).toEqual({
      date: "2024-03-04",
      hour: 3,
      weekday: 0,
    });
  });

  it("turns a wall-clock time into an instant and back", () => {
    const ms = zonedTimeToUtc(2024, 3, 15, 9, 30, 0, "Asia/Ho_Chi_Minh");
    expect(new Date(ms).toISOString()).toBe("2024-03-15T02:30:00.000Z");
    expect(formatZoned(ms, "Asia/Ho_Chi_Minh")).toBe("2024-03-15T09:30:00+07:00");
    expect(formatZoned(ms, "America/New_York")).toBe("2024-03-14T22:30:00-04:00");
  });

  it("rejects an unknown zone", () => {
    expect(() => zoneOffsetMinutes(0, "Mars/Olympus")).toThrow(RangeError);
  });
});
