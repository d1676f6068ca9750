import { describe, expect, it } from "vitest";
import { readCapturedAt } from "./captured-at.ts";

const VN = "Asia/Ho_Chi_Minh";

describe("readCapturedAt", () => {
  it("keeps ISO times with an offset", () => {
    expect(readCapturedAt("2024-03-15T09:30:00+07:00", VN)).toBe("2024-03-15T09:30:00+07:00");
    expect(readCapturedAt("2024-03-15T02:30:00Z", VN)).toBe("2024-03-15T02:30:00Z");
  });

  it("reads times without an offset in the import's zone", () => {
    expect(readCapturedAt("2024-03-15 09:30", VN)).toBe("2024-03-15T09:30:00+07:00");
    expect(readCapturedAt("2024-03-15", VN)).toBe("2024-03-15T00:00:00+07:00");
    expect(readCapturedAt("2024-03-15T09:30:15", "UTC")).toBe("2024-03-15T09:30:15+00:00");
  });

  it("reads the Vietnamese day-first form", () => {
    expect(readCapturedAt("15/03/2024 9:05", VN)).toBe("2024-03-15T09:05:00+07:00");
    expect(readCapturedAt("01/02/2024", VN)).toBe("2024-02-01T00:00:00+07:00");
  });

  it("reads epoch seconds and milliseconds", () => {
    expect(readCapturedAt(1_710_469_800, VN)).toBe("2024-03-15T09:30:00+07:00");
    expect(readCapturedAt(1_710_469_800_000, VN)).toBe("2024-03-15T09:30:00+07:00");
  });

  it("reads other strings with an explicit offset", () => {
    expect(readCapturedAt("2024-03-15 09:30:00+07:00", VN)).toBe("2024-03-15T09:30:00+07:00");
  });

  it("refuses impossible dates and text", () => {
    expect(readCapturedAt("31/02/2024", VN)).toBeNull();
    expect(readCapturedAt("2024-13-01", VN)).toBeNull();
    expect(readCapturedAt("hôm qua", VN)).toBeNull();
    expect(readCapturedAt("", VN)).toBeNull();
    expect(readCapturedAt(null, VN)).toBeNull();
  });
});
