import { describe, expect, it } from "vitest";
import { dayKey, formatDuration } from "./local-time.ts";

describe("local time", () => {
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
