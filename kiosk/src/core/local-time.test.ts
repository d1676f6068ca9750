import { describe, expect, it } from "vitest";
import { dayKey, formatDuration, isoWithOffset } from "./local-time.ts";

describe("local time", () => {
  const at = Date.UTC(2026, 2, 1, 2, 15, 2, 123);

  it("writes ISO-8601 with the given offset", () => {
    expect(isoWithOffset(at, 420)).toBe("2026-03-01T09:15:02.123+07:00");
    expect(isoWithOffset(at, 0)).toBe("2026-03-01T02:15:02.123+00:00");
    expect(isoWithOffset(at, -150)).toBe("2026-02-28T23:45:02.123-02:30");
    expect(Date.parse(isoWithOffset(at, 330))).toBe(at);
  });

  it("writes the device's own offset by default", () => {
    expect(Date.parse(isoWithOffset(at))).toBe(at);
  });

  it("groups by the store's calendar day", () => {
    const lateUtc = Date.UTC(2026, 2, 1, 18, 30); // 01:30 next day in Ho Chi Minh City
    expect(dayKey(lateUtc, "Asia/Ho_Chi_Minh")).toBe("2026-03-02");
    expect(dayKey(lateUtc, "UTC")).toBe("2026-03-01");
    expect(dayKey(lateUtc, "Not/AZone")).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it("formats durations", () => {
    expect(formatDuration(0)).toBe("0:00");
    expect(formatDuration(65.9)).toBe("1:05");
    expect(formatDuration(3725)).toBe("1:02:05");
  });
});
