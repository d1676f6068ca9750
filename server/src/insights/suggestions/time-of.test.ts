// timeOf() reads stored capturedAt strings without Date.parse; it must give
// exactly what Date.parse gives, for every string (odd ones go to Date.parse).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { timeOf } from "./time-of.ts";

const same = (s: string): void => {
  expect([s, timeOf(s)]).toEqual([s, Date.parse(s)]);
};

describe("timeOf", () => {
  it("equals Date.parse on ISO instants of any date", () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date(-8.64e15), max: new Date(8.64e15), noInvalidDate: true }),
        (d) => {
          same(d.toISOString());
        },
      ),
      { numRuns: 2000 },
    );
  });
  it("equals Date.parse on near-misses: impossible days, leap days, other zones, garbage", () => {
    for (const s of [
      "2026-02-29T00:00:00.000Z",
      "2024-02-29T23:59:59.999Z",
      "1900-02-29T00:00:00.000Z",
      "2000-02-29T00:00:00.000Z",
      "2026-04-31T00:00:00.000Z",
      "2026-13-01T00:00:00.000Z",
      "2026-00-10T00:00:00.000Z",
      "2026-06-01T24:00:00.000Z",
      "2026-06-01T23:60:00.000Z",
      "2026-06-01T23:59:60.000Z",
      "0099-06-01T00:00:00.000Z",
      "2026-06-01T08:30:00.000+",
      "2026-06-01T08:30:00+07:00",
      "2026-06-01",
      "２026-06-01T08:30:00.000Z",
      "2026-0a-01T08:30:00.000Z",
      "",
    ])
      same(s);
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (s) => {
        same(s);
      }),
    );
  });
});
