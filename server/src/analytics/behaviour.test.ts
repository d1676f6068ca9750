import { describe, expect, it } from "vitest";
import { behaviourAnalytics } from "./behaviour.ts";

describe("behaviourAnalytics", () => {
  it("counts behaviour × zone × local day with totals", () => {
    const a = behaviourAnalytics(
      [
        {
          behaviour: "asked-price",
          zone: "Túi xách",
          capturedAt: "2024-03-04T09:00:00+07:00",
          storeId: "s1",
        },
        {
          behaviour: "asked-price",
          zone: "Túi xách",
          capturedAt: "2024-03-04T10:00:00+07:00",
          storeId: "s1",
        },
        {
          behaviour: "asked-price",
          zone: "Giày",
          capturedAt: "2024-03-04T17:30:00Z",
          storeId: "s1",
        },
        { behaviour: "waited", capturedAt: "2024-03-05T10:00:00+07:00", storeId: "s1" },
        { capturedAt: "2024-03-05T10:00:00+07:00", storeId: "s1" },
      ],
      { timeZoneOf: () => "Asia/Ho_Chi_Minh" },
    );
    expect(a.cells).toEqual([
      { behaviour: "asked-price", zone: "Túi xách", day: "2024-03-04", count: 2 },
      { behaviour: "asked-price", zone: "Giày", day: "2024-03-05", count: 1 },
      { behaviour: "waited", zone: "", day: "2024-03-05", count: 1 },
    ]);
    expect(a).toMatchObject({
      total: 4,
      withoutBehaviour: 1,
      byBehaviour: { "asked-price": 3, waited: 1 },
      byZone: { "Túi xách": 2, Giày: 1, "": 1 },
      byDay: { "2024-03-04": 2, "2024-03-05": 2 },
    });
  });
});
