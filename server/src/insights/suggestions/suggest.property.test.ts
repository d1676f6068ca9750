// Whatever the observations say — lone surrogates, combining marks NFC cannot
// compose, prototype-ish words, odd tags, competitor ids and behaviour codes —
// suggest() answers and never throws: one bad row must not take a journal's
// suggestions down with a 500 (a mark left standing by NFC once recursed
// forever in the folding scanners).
import { NEED_CODES } from "@sightline/shared";
import { observationFeatures } from "@sightline/shared/text/features";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { clearFeatureCaches } from "./featurise.ts";
import type { SuggestObservation } from "./observation.ts";
import { suggest } from "./suggest.ts";

const text = fc.oneof(
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 30 }),
  fc.constantFrom(
    "__proto__",
    "constructor",
    "toString",
    "x\ud800y",
    "x\u0301y",
    "\u2add\u0338",
    "giá",
    " ",
  ),
);
const optional = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
const DAY = 86_400_000;
const START = Date.parse("2026-01-01T00:00:00Z");

const observation = fc
  .record({
    channel: fc.constantFrom("web", "event", "store", "feedback", "import"),
    at: fc.integer({ min: 0, max: 60 * DAY }),
    what: text.filter((s) => s.trim().length > 0),
    why: optional(text),
    tags: optional(fc.array(text, { maxLength: 3 })),
    needs: optional(fc.subarray([...NEED_CODES], { maxLength: 3 })),
    code: optional(text),
    zone: optional(text),
    rating: fc.integer({ min: 1, max: 4 }),
    reasons: optional(fc.array(text, { maxLength: 2 })),
    quote: optional(text),
    price: optional(fc.double()),
  })
  .map((o) => {
    const f: Record<string, unknown> = {
      channel: o.channel,
      method: "import",
      capturedAt: new Date(START + o.at).toISOString(),
      what: o.what,
      ...(o.why !== undefined ? { why: o.why } : {}),
      ...(o.tags ? { tags: o.tags } : {}),
      ...(o.needs ? { needs: o.needs } : {}),
      ...(o.zone !== undefined ? { zone: o.zone } : {}),
    };
    if (o.channel === "store" && o.code !== undefined) f.behaviour = o.code;
    if (o.channel === "web" || o.channel === "event") {
      if (o.code !== undefined) f.competitorId = o.code;
      if (o.quote !== undefined)
        f.evidence = {
          quote: o.quote,
          ...(o.price !== undefined
            ? { facts: { prices: [{ amount: o.price, currency: "VND", source: "text" }] } }
            : {}),
        };
    }
    if (o.channel === "import" && o.code !== undefined) f.source = o.code;
    if (o.channel === "feedback") {
      f.rating = o.rating;
      if (o.reasons) f.reasons = o.reasons;
    }
    return f;
  });

describe("suggest on any input", () => {
  it("answers with groups of known observations, never throws, and is deterministic", () => {
    fc.assert(
      fc.property(
        fc.array(observation, { maxLength: 30 }),
        fc.array(fc.tuple(text, text), { maxLength: 3 }),
        fc.constantFrom("vi", "en"),
        (rows, names, locale) => {
          const observations = rows.map(
            (f, i) => ({ ...f, id: `o${i}` }) as unknown as SuggestObservation,
          );
          const out = suggest(observations, {
            locale,
            reasonNeeds: new Map(),
            behaviourLabels: new Map(
              names.map(([code, label]) => [code, { vi: label, en: label }]),
            ),
            competitorNames: new Map(names),
          });
          const ids = new Set(observations.map((o) => o.id));
          for (const s of out.suggestions)
            for (const id of s.observationIds) expect(ids.has(id)).toBe(true);
          // Deterministic, whatever the process read before: the same answer
          // with every cache cleared, and after another journal was read.
          const options = {
            locale,
            reasonNeeds: new Map(),
            behaviourLabels: new Map(
              names.map(([code, label]) => [code, { vi: label, en: label }]),
            ),
            competitorNames: new Map(names),
          };
          clearFeatureCaches();
          expect(suggest(observations, options)).toEqual(out);
          suggest([...observations].reverse(), options);
          expect(suggest(observations, options)).toEqual(out);
        },
      ),
      { numRuns: 300 },
    );
  });

  // featurise.ts keeps each journal's last parses in its order and reuses
  // them row by row for the next request; whatever that journal looked
  // like before (rows added, deleted, moved, edited to another text with
  // the same words, stale features), the answer is the one computed afresh.
  it("answers as computed afresh whatever version of the journal was read before", () => {
    const price = ["Đối thủ giảm giá 20%", "Đối thủ giảm giá 20% !!", "Đối thủ, giảm giá", "giá"];
    const stored = observation.chain((f) =>
      fc.record({
        f: fc.constant(f),
        features: fc.constantFrom("stored", "none", "stale"),
        what: fc.option(fc.constantFrom(...price), { nil: undefined }),
      }),
    );
    const journal = fc.array(stored, { minLength: 1, maxLength: 25 }).map((rows) =>
      rows.map(({ f, features, what }, i) => {
        const fields = what === undefined ? f : { ...f, what };
        return {
          ...fields,
          id: i === 0 ? "first" : `o${i}`,
          features:
            features === "stored"
              ? observationFeatures(fields as never)
              : features === "stale"
                ? "f0|vi|giảm_giá"
                : null,
        } as unknown as SuggestObservation;
      }),
    );
    fc.assert(
      fc.property(
        journal,
        fc.array(fc.tuple(fc.nat(30), fc.constantFrom("drop", "copy", "edit")), { maxLength: 6 }),
        fc.constantFrom(...price),
        (now, edits, other) => {
          // An earlier version of the same journal (same first row).
          const before = [...now];
          for (const [at, kind] of edits) {
            const i = 1 + (at % Math.max(1, before.length - 1));
            const row = before[i];
            if (!row) continue;
            if (kind === "drop") before.splice(i, 1);
            else if (kind === "copy") before.splice(i, 0, { ...row, id: `${row.id}x` });
            else before[i] = { ...row, what: other } as SuggestObservation;
          }
          clearFeatureCaches();
          const fresh = suggest(now, { reasonNeeds: new Map() });
          clearFeatureCaches();
          suggest(before, { reasonNeeds: new Map() });
          expect(suggest(now, { reasonNeeds: new Map() })).toEqual(fresh);
          expect(suggest(now, { reasonNeeds: new Map() })).toEqual(fresh);
        },
      ),
      { numRuns: 200 },
    );
  });
});
