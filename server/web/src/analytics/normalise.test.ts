import { describe, expect, it } from "vitest";
import { normaliseBehaviour, normaliseFeedback } from "./normalise.ts";

describe("analytics normalisation", () => {
  it("reads face counts, happy index, an hour × weekday cell list and reasons", () => {
    const f = normaliseFeedback({
      counts: { "1": 2, "2": 3, "3": 10, "4": 5 },
      happyIndex: 62.5,
      byHourWeekday: [
        { weekday: 1, hour: 9, count: 4 },
        { weekday: 7, hour: 20, count: 2 },
      ],
      byReason: [
        { reason: "slow", count: 1 },
        { reason: "price", count: 5 },
      ],
      byDay: [
        { day: "2025-03-02", happyIndex: 70, count: 4 },
        { day: "2025-03-01", happyIndex: null, count: 0 },
      ],
    });
    expect(f.counts).toEqual([2, 3, 10, 5]);
    expect(f.happyIndex).toBe(62.5);
    expect(f.hourWeekday).toHaveLength(7);
    expect(f.hourWeekday[0]?.[9]).toBe(4);
    expect(f.hourWeekday[6]?.[20]).toBe(2);
    expect(f.byReason[0]).toEqual({ code: "price", count: 5 });
    expect(f.byDay.map((d) => d.day)).toEqual(["2025-03-01", "2025-03-02"]);
  });

  it("reads the server's shape: faces, 7×24 cells with happy index, reasons, days, suspect", () => {
    const grid = Array.from({ length: 7 }, () =>
      Array.from({ length: 24 }, () => ({ count: 0, happyIndex: null })),
    );
    (grid[4] as { count: number; happyIndex: number | null }[])[18] = {
      count: 6,
      happyIndex: 33.3,
    };
    const f = normaliseFeedback({
      total: 6,
      suspect: 2,
      faces: { "1": 4, "2": 0, "3": 1, "4": 1 },
      happyIndex: 33.3,
      byHourWeekday: grid,
      byReason: [{ reason: "too-pricey", need: "price", count: 4, happyIndex: 0 }],
      byDay: [{ date: "2025-03-07", count: 6, happyIndex: 33.3 }],
    });
    expect(f.counts).toEqual([4, 0, 1, 1]);
    expect(f.suspect).toBe(2);
    expect(f.hourWeekday[4]?.[18]).toBe(6);
    expect(f.hourWeekdayHappy[4]?.[18]).toBe(33.3);
    expect(f.hourWeekdayHappy[0]?.[0]).toBeNull();
    expect(f.byReason).toEqual([{ code: "too-pricey", count: 4 }]);
    expect(f.byDay).toEqual([{ day: "2025-03-07", happyIndex: 33.3, count: 6 }]);
    const b = normaliseBehaviour({
      total: 1,
      cells: [{ behaviour: "waited", zone: "", day: "2025-03-07", count: 1 }],
    });
    expect(b.rows).toEqual([{ behaviour: "waited", zone: "—", day: "2025-03-07", count: 1 }]);
  });

  it("accepts a 7×24 matrix and JS weekdays (0 = Sunday)", () => {
    const m = Array.from({ length: 7 }, (_, r) =>
      Array.from({ length: 24 }, (_, h) => r * 100 + h),
    );
    expect(normaliseFeedback({ byHourWeekday: m }).hourWeekday[2]?.[5]).toBe(205);
    const js = normaliseFeedback({ byHourWeekday: [{ weekday: 0, hour: 1, count: 9 }] });
    expect(js.hourWeekday[6]?.[1]).toBe(9);
  });

  it("never crashes on junk", () => {
    expect(normaliseFeedback(null).counts).toEqual([0, 0, 0, 0]);
    expect(
      normaliseFeedback("x")
        .hourWeekday.flat()
        .every((v) => v === 0),
    ).toBe(true);
    expect(
      normaliseBehaviour({
        rows: [{ behaviour: "waited", zone: "Quầy", day: "2025-03-01", count: 3 }, 7],
      }).rows,
    ).toEqual([{ behaviour: "waited", zone: "Quầy", day: "2025-03-01", count: 3 }]);
  });
});
