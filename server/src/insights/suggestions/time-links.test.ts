import { SuggestionsSchema } from "@sightline/shared";
import { observationFeatures } from "@sightline/shared/text/features";
import { describe, expect, it } from "vitest";
import {
  page,
  priceJournal,
  REASON_NEEDS,
  rate,
  tap,
} from "../../../test/support/suggestions-fixture.ts";
import { findCompetitorChanges } from "./competitor-changes.ts";
import { featurise } from "./featurise.ts";
import { suggest } from "./suggest.ts";
import { findTimeLinks } from "./time-links.ts";

const features = (o: Parameters<typeof featurise>[0]) =>
  featurise(o, { reasonNeeds: REASON_NEEDS });

describe("findCompetitorChanges", () => {
  it("finds a price that moved between two captures of the same page", () => {
    const o = [page("Túi da", 1, 1_490_000), page("Túi da", 5, 1_290_000)];
    const [c] = findCompetitorChanges(features(o));
    expect(c).toMatchObject({
      kind: "price",
      competitor: "c1",
      price: { from: 1_490_000, to: 1_290_000, currency: "VND", pct: -13.4 },
    });
  });

  it("ignores an unchanged price and prices on different pages", () => {
    const o = [
      page("Túi da", 1, 1_490_000),
      page("Túi da", 5, 1_490_000),
      page("Ví da", 6, 490_000, { url: "https://shop-doi-thu.vn/vi-da" }),
    ];
    expect(findCompetitorChanges(features(o))).toEqual([]);
  });

  it("finds price cuts and claims from words and tags, accent-insensitively", () => {
    const o = [
      page("Khuyen mai giam 30% toan bo tui xach", 1),
      page("Banner mới", 20, undefined, { tags: ["giảm giá"] }),
      page("Cam kết hàng chính hãng, bảo hành trọn đời", 40),
    ];
    const kinds = findCompetitorChanges(features(o)).map((c) => [c.kind, Math.round(c.at)]);
    expect(kinds.map((k) => k[0])).toEqual(["price", "price", "claim"]);
    // The same from the mark stored with each capture when it was written.
    const stored = o.map((x) => ({ ...x, features: observationFeatures(x as never) }));
    expect(stored[0]?.features).toContain("|!1|");
    expect(findCompetitorChanges(features(stored))).toEqual(findCompetitorChanges(features(o)));
  });

  it("merges one competitor's changes within three days", () => {
    const o = [page("Flash sale túi xách", 1), page("Sale tiếp tục", 2.5), page("Sale lần hai", 6)];
    expect(findCompetitorChanges(features(o))).toHaveLength(2);
  });
});

describe("findTimeLinks", () => {
  it("links the competitor's price cut to the rise in asked-price, price complaints and the happy-index drop", () => {
    const [link] = findTimeLinks(features(priceJournal().observations));
    expect(link?.change.price?.pct).toBe(-13.4);
    expect(link?.signals.map((s) => s.type)).toEqual(["behaviour", "complaints", "happy-index"]);
    expect(link?.signals[0]).toMatchObject({
      behaviour: "asked-price",
      before: { count: 2 },
      after: { count: 10 },
    });
  });

  it("finds nothing when store behaviour stays flat", () => {
    const o = [
      page("Túi da", 0, 1_490_000),
      page("Túi da", 10, 1_290_000),
      ...Array.from({ length: 20 }, (_, i) => tap("asked-price", "Hỏi giá", i)),
      ...Array.from({ length: 20 }, (_, i) => rate(4, i)),
    ];
    expect(findTimeLinks(features(o))).toEqual([]);
  });

  it("does not link a change at the end of the data (no window after it)", () => {
    const o = [
      ...Array.from({ length: 20 }, (_, i) => tap("asked-price", "Hỏi giá", i / 4)),
      page("Túi da", 0, 1_490_000),
      page("Túi da", 5, 1_290_000),
    ];
    expect(findTimeLinks(features(o))).toEqual([]);
  });

  it("ignores a rise that comes after the 14-day window", () => {
    const o = [
      page("Túi da", 0, 1_490_000),
      page("Túi da", 5, 1_290_000),
      ...[1, 3, 8, 12].map((d) => tap("asked-price", "Hỏi giá", d)),
      ...Array.from({ length: 15 }, (_, i) => tap("asked-price", "Hỏi giá", 22 + i / 3)),
      tap("entered", "Vào", 40),
    ];
    expect(findTimeLinks(features(o))).toEqual([]);
  });

  it("comes out of suggest() as a cross-channel suggestion with the change first", () => {
    const j = priceJournal();
    const answer = suggest(j.observations, {
      reasonNeeds: REASON_NEEDS,
      locale: "en",
      competitorNames: new Map([["c1", "Túi Việt"]]),
    });
    // What the route sends reads as the shared response schema, time links included.
    const { timeLinks } = SuggestionsSchema.parse(answer);
    expect(timeLinks.length).toBeGreaterThan(0);
    const [l] = timeLinks;
    expect(l?.title).toBe(
      "Túi Việt changed a price 1,490,000 → 1,290,000 VND (-13.4%); within 14 days: “Asked price” 2 in the 10 days before → 10 in the 12 days after, Price complaints 0 in the 10 days before → 7 in the 12 days after, happy index 92 → 40",
    );
    // Base counts, never a ratio over zero (issue 16: "×12.3" for 0 → 11).
    expect(l?.title).not.toMatch(/×/);
    expect(l?.channels).toEqual(["feedback", "store", "web"]);
    expect(l?.observationIds.slice(0, 2).every((id) => j.price.has(id))).toBe(true);
    expect(l?.observationIds.every((id) => j.price.has(id))).toBe(true);
  });
});
