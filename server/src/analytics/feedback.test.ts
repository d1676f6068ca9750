import { describe, expect, it } from "vitest";
import { feedbackAnalytics } from "./feedback.ts";

const tap = (rating: number, capturedAt: string, extra = {}) => ({
  rating,
  capturedAt,
  storeId: "s1",
  ...extra,
});

describe("feedbackAnalytics", () => {
  const taps = [
    tap(4, "2024-03-04T09:15:00+07:00"),
    tap(3, "2024-03-04T09:45:00+07:00", { reasons: ["friendly-staff"] }),
    tap(1, "2024-03-04T18:05:00+07:00", { reasons: ["too-expensive"] }),
    tap(2, "2024-03-05T18:30:00+07:00", { reasons: ["too-expensive", "too-expensive"] }),
    tap(1, "2024-03-05T18:30:01+07:00", { suspect: true }),
    tap(1, "2024-03-05T18:30:02+07:00", { suspect: true }),
  ];
  const vn = () => "Asia/Ho_Chi_Minh";

  it("counts faces and the happy index (share of 3–4) without suspect taps", () => {
    const a = feedbackAnalytics(taps, { timeZoneOf: vn });
    expect(a.faces).toEqual({ "1": 1, "2": 1, "3": 1, "4": 1 });
    expect(a).toMatchObject({ total: 4, suspect: 2, includeSuspect: false, happyIndex: 50 });
  });

  it("includes suspect taps when asked", () => {
    const a = feedbackAnalytics(taps, { timeZoneOf: vn, includeSuspect: true });
    expect(a).toMatchObject({ total: 6, happyIndex: 33.3, faces: { "1": 3 } });
  });

  it("fills the hour × weekday grid in the store's time zone (Monday = 0)", () => {
    const a = feedbackAnalytics(taps, { timeZoneOf: vn });
    expect(a.byHourWeekday[0]?.[9]).toEqual({ count: 2, happyIndex: 100 });
    expect(a.byHourWeekday[0]?.[18]).toEqual({ count: 1, happyIndex: 0 });
    expect(a.byHourWeekday[1]?.[18]).toEqual({ count: 1, happyIndex: 0 });
    expect(a.byHourWeekday[2]?.[9]).toEqual({ count: 0, happyIndex: null });
  });

  it("buckets by the store's zone even when the device wrote another offset", () => {
    const a = feedbackAnalytics([tap(4, "2024-03-04T02:15:00Z")], { timeZoneOf: vn });
    expect(a.byHourWeekday[0]?.[9]?.count).toBe(1);
    expect(a.byDay).toEqual([{ date: "2024-03-04", count: 1, happyIndex: 100 }]);
  });

  it("falls back to the offset in capturedAt for unknown stores", () => {
    const a = feedbackAnalytics([tap(4, "2024-03-04T23:30:00+07:00")]);
    expect(a.byDay[0]?.date).toBe("2024-03-04");
    expect(a.byHourWeekday[0]?.[23]?.count).toBe(1);
  });

  it("counts by reason once per tap, with its need, most frequent first", () => {
    const a = feedbackAnalytics(taps, {
      timeZoneOf: vn,
      reasonNeeds: new Map([["too-expensive", "price"]]),
    });
    expect(a.byReason).toEqual([
      { reason: "too-expensive", need: "price", count: 2, happyIndex: 0 },
      { reason: "friendly-staff", need: null, count: 1, happyIndex: 100 },
    ]);
  });

  it("gives a daily trend", () => {
    expect(feedbackAnalytics(taps, { timeZoneOf: vn }).byDay).toEqual([
      { date: "2024-03-04", count: 3, happyIndex: 66.7 },
      { date: "2024-03-05", count: 1, happyIndex: 0 },
    ]);
  });

  it("has no happy index without taps, and skips unreadable ones", () => {
    const a = feedbackAnalytics([tap(5, "2024-03-04T09:00:00Z"), tap(3, "yesterday")]);
    expect(a).toMatchObject({ total: 0, happyIndex: null, unreadable: 2 });
  });
});
