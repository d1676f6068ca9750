// Search (observations/search-text.ts, matched as a substring in SQL),
// suggestions (foldedIncludes over each text) and the web timeline filter
// (journal/timeline-filter.ts) fold with one module, shared/src/text, so they
// agree on what matches: the same input folds to the same string in each, a
// one-word query matches an observation in one iff in all, and a longer query
// the server finds is found by the web filter too (which asks only that every
// word occur somewhere, in any order).
import type { Entity } from "@sightline/shared";
import type { ObservationView as Observation } from "@sightline/shared/schema/journal";
import { foldedIncludes, foldText as sharedFold } from "@sightline/shared/text/fold";
import { SEARCH_FIELDS } from "@sightline/shared/text/search-text";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { searchTextOf, foldText as serverFold } from "../src/observations/search-text.ts";
import {
  EMPTY_FILTER,
  filterTimeline,
  foldText as webFold,
} from "../web/src/journal/timeline-filter.ts";

/** Letters, Vietnamese in both normal forms, marks, đ/Đ, digits, punctuation, spaces. */
const ALPHABET = [
  ..."aAeEoOuUiIyYgGnNtThH019",
  ..."áàảãạăắằẳẵặâấầẩẫậđĐêếềểễệôốồổỗộơớờởỡợưứừửữự",
  ..."ÁẢÃẠĂẮẰÂẦĐÊỆÔỘƠỢƯỰ",
  "a\u0301",
  "e\u0302\u0301",
  "o\u031b\u0323",
  "u\u031b",
  "x\u0301",
  "\u0301",
  "\u1dc4",
  ..." .,:;!?-_'’()%/\n\t",
  "  ",
  "価",
  "ß",
  "İ",
];
const text = fc.array(fc.constantFrom(...ALPHABET), { maxLength: 24 }).map((cs) => cs.join(""));
const spelling = fc.constantFrom<(s: string) => string>(
  (s) => s,
  (s) => s.normalize("NFD"),
  (s) => s.normalize("NFC"),
  (s) => s.toUpperCase(),
  (s) => s.toLowerCase(),
);

const FIELDS = [...SEARCH_FIELDS.slice(0, 4), "booth", "question", "source"] as const;
type Fields = Partial<Record<(typeof FIELDS)[number], string>> & {
  tags?: string[];
  quote?: string;
};
const fields: fc.Arbitrary<Fields> = fc.record(
  {
    ...Object.fromEntries(FIELDS.map((f) => [f, text])),
    tags: fc.array(text, { maxLength: 2 }),
    quote: text,
  } as Record<keyof Fields, fc.Arbitrary<never>>,
  { requiredKeys: [] },
);

/** A query: a piece of one field respelled, or any text. */
const query = (f: Fields) => {
  const texts = textsOf(f);
  const piece = texts.length
    ? fc
        .tuple(fc.constantFrom(...texts), fc.nat(), fc.nat(), spelling)
        .map(([t, a, b, sp]) =>
          sp(t.slice(Math.min(a, b) % (t.length + 1), Math.max(a, b) % (t.length + 1))),
        )
    : text;
  return fc.oneof(
    piece,
    text,
    fc.tuple(text, spelling).map(([t, sp]) => sp(t)),
  );
};
const withQuery = fields.chain((f) => query(f).map((q) => [f, q] as const));

function textsOf(f: Fields): string[] {
  const out: string[] = [];
  for (const name of FIELDS) if (f[name] !== undefined) out.push(f[name] as string);
  out.push(...(f.tags ?? []));
  if (f.quote !== undefined) out.push(f.quote);
  return out;
}

function entityOf(f: Fields): Entity {
  const { quote, ...rest } = f;
  return {
    id: "o1",
    workspaceId: "w1",
    createdBy: "d1",
    fields: { ...rest, ...(quote !== undefined ? { evidence: { quote } } : {}) },
    fieldHlc: {},
    deletedHlc: null,
    restoredHlc: null,
  } as unknown as Entity;
}

/** GET /observations?q=: routes fold q, the Db matches it as a substring of search_text. */
function serverMatches(f: Fields, q: string): boolean {
  const folded = q ? serverFold(q) : "";
  return folded ? searchTextOf(entityOf(f)).includes(folded) : true;
}

/** Suggestions: foldedIncludes over the texts of an observation. */
function suggestionsMatch(f: Fields, q: string): boolean {
  if (!sharedFold(q)) return true;
  return textsOf(f).some((t) => foldedIncludes(t, q));
}

function webMatches(f: Fields, q: string): boolean {
  const { quote, ...rest } = f;
  const o = {
    id: "o1",
    createdBy: "d1",
    version: 1,
    channel: "store",
    capturedAt: "2025-03-01T10:00:00+07:00",
    what: "",
    ...rest,
    ...(quote !== undefined ? { evidence: { quote } } : {}),
  } as Observation;
  return filterTimeline([o], { ...EMPTY_FILTER, text: q }, new Set()).length === 1;
}

describe("search, suggestions and the web filter agree", () => {
  it("fold every input to the same string", () => {
    fc.assert(
      fc.property(text, spelling, (t, sp) => {
        const s = sp(t);
        const folded = sharedFold(s);
        expect(serverFold(s)).toBe(folded);
        expect(webFold(s)).toBe(folded);
        // Every spelling of a text folds alike.
        expect(sharedFold(s.normalize("NFD"))).toBe(sharedFold(s.normalize("NFC")));
      }),
      { numRuns: 2000 },
    );
  });

  it("match a one-word query in one iff in all", () => {
    fc.assert(
      fc.property(
        withQuery.filter(([, q]) => !sharedFold(q).includes(" ")),
        ([f, q]) => {
          const server = serverMatches(f, q);
          expect(suggestionsMatch(f, q)).toBe(server);
          expect(webMatches(f, q)).toBe(server);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("match any query alike in search and suggestions; the web filter finds all the server finds", () => {
    fc.assert(
      fc.property(withQuery, ([f, q]) => {
        const server = serverMatches(f, q);
        expect(suggestionsMatch(f, q)).toBe(server);
        if (server) expect(webMatches(f, q)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it("fixes the cases where the three used to disagree", () => {
    // Punctuation: search kept it ("19.990.000d"), suggestions did not.
    expect(serverMatches({ what: "Giá 19.990.000đ" }, "19 990")).toBe(true);
    expect(serverMatches({ what: "giá-rẻ" }, "gia re")).toBe(true);
    // Marks beyond U+0300–U+036F: the web filter stripped them, search kept them.
    expect(webMatches({ what: "gia\u1dc4" }, "gia")).toBe(
      serverMatches({ what: "gia\u1dc4" }, "gia"),
    );
    // Fields the web filter did not look in.
    for (const name of ["booth", "question", "source"] as const) {
      expect(webMatches({ [name]: "Gian hàng B12" }, "gian hang")).toBe(true);
    }
  });
});
