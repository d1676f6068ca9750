// fast-check arbitrary of stored observation fields for property tests of
// journal stats and the scope cache: every field stats or 5W1H look at,
// present or not, blank or not (whitespace of several kinds), needs with
// repeats, capturedAt with offsets that reorder local days and instants.
import fc from "fast-check";

const text = fc.constantFrom("x", "Giá", "", " ", "\u00a0\t", " y ");
const opt = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });

export const randomFields: fc.Arbitrary<Record<string, unknown>> = fc
  .record(
    {
      channel: opt(fc.constantFrom("web", "store", "feedback", "event", "import")),
      capturedAt: fc
        .tuple(
          fc.integer({ min: 0, max: 4 * 24 * 60 }),
          fc.constantFrom("Z", "+07:00", "-05:00", "+00:00"),
        )
        .map(([m, z]) =>
          new Date(Date.UTC(2026, 2, 1) + m * 60_000).toISOString().replace(".000Z", z),
        ),
      what: opt(text),
      who: opt(text),
      where: opt(text),
      why: opt(text),
      how: opt(text),
      zone: opt(text),
      url: opt(text),
      eventName: opt(text),
      competitorId: opt(fc.constantFrom("c1", "c2")),
      storeId: opt(fc.constantFrom("s1")),
      segment: opt(fc.constant({ ageBand: "25-34" })),
      reasons: opt(fc.array(fc.constantFrom("slow", "price"), { maxLength: 2 })),
      durationSec: opt(fc.integer({ min: 0, max: 600 })),
      needs: opt(fc.array(fc.constantFrom("price", "information", "speed"), { maxLength: 3 })),
    },
    { requiredKeys: ["capturedAt"] },
  )
  .map((f) => Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined)));
