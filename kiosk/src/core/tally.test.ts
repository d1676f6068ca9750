import { describe, expect, it } from "vitest";
import { bump, type TallyEntity, tallyOf, total } from "./tally.ts";

const obs = (fields: Record<string, unknown>, deleted = false): TallyEntity => ({
  fields: { channel: "store", storeId: "s1", ...fields },
  deletedHlc: deleted ? "000000000000002-0000-d" : null,
  restoredHlc: null,
});

describe("today's tally", () => {
  const tz = "Asia/Ho_Chi_Minh";
  const entities = [
    obs({ behaviour: "browsed", capturedAt: "2026-03-01T09:00:00.000+07:00" }),
    obs({ behaviour: "browsed", capturedAt: "2026-03-01T23:59:00.000+07:00" }),
    obs({ behaviour: "purchased", capturedAt: "2026-03-01T10:00:00.000+07:00" }),
    obs({ behaviour: "purchased", capturedAt: "2026-03-01T11:00:00.000+07:00" }, true),
    obs({ behaviour: "browsed", capturedAt: "2026-02-28T23:59:00.000+07:00" }),
    obs({ behaviour: "browsed", capturedAt: "2026-03-01T09:00:00.000+07:00", storeId: "s2" }),
    obs({ durationSec: 30, capturedAt: "2026-03-01T09:00:00.000+07:00" }),
    {
      ...obs({ capturedAt: "2026-03-01T09:00:00.000+07:00", rating: 4 }),
      fields: { channel: "feedback", rating: 4, capturedAt: "2026-03-01T09:00:00.000+07:00" },
    },
  ];

  it("counts live store taps of today per behaviour", () => {
    expect(tallyOf(entities, { day: "2026-03-01", timeZone: tz, storeId: "s1" })).toEqual({
      browsed: 2,
      purchased: 1,
    });
  });

  it("counts a restored observation again", () => {
    const restored = {
      ...obs({ behaviour: "waited", capturedAt: "2026-03-01T09:00:00.000+07:00" }, true),
      restoredHlc: "000000000000003-0000-d",
    };
    expect(tallyOf([restored], { day: "2026-03-01", timeZone: tz })).toEqual({ waited: 1 });
  });

  it("bumps up and down, never below zero", () => {
    let t = bump({}, "browsed", 1);
    t = bump(t, "browsed", 1);
    t = bump(t, "waited", -1);
    expect(t).toEqual({ browsed: 2, waited: 0 });
    expect(total(t)).toBe(2);
  });
});
