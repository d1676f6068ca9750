import { describe, expect, it } from "vitest";
import { isoWithOffset } from "./captured-at.ts";

describe("isoWithOffset", () => {
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

  it("keeps the instant and carries an offset", () => {
    const now = new Date("2026-03-01T02:30:00Z");
    const s = isoWithOffset(now.getTime());
    expect(s).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}[+-]\d\d:\d\d$/);
    expect(Date.parse(s)).toBe(now.getTime());
  });
});
