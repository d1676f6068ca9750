import { SuggestionsSchema } from "@sightline/shared";
import { words } from "@sightline/shared/text/tokenise";
import { describe, expect, it } from "vitest";
import {
  obs,
  page,
  priceJournal,
  REASON_NEEDS,
  rate,
  tap,
} from "../../../test/support/suggestions-fixture.ts";
import { suggest } from "./suggest.ts";

describe("suggest — topics", () => {
  const journal = priceJournal();
  const { suggestions } = suggest(journal.observations, {
    reasonNeeds: REASON_NEEDS,
    locale: "en",
  });

  it("puts kiosk price complaints, asked-price taps and the competitor's lower price in one topic, ranked first", () => {
    const first = suggestions[0];
    expect(first?.needs[0]).toBe("price");
    expect(first?.channels).toEqual(["feedback", "store", "web"]);
    expect(new Set(first?.observationIds)).toEqual(journal.price);
  });

  it("finds the waiting-at-checkout topic as a second cross-channel one, nothing else mixed in", () => {
    const waiting = suggestions.find((s) => s.needs[0] === "efficiency");
    expect(waiting?.channels).toEqual(["feedback", "store"]);
    expect(new Set(waiting?.observationIds)).toEqual(journal.waiting);
    expect(suggestions.indexOf(waiting as never)).toBe(1);
  });

  it("ranks every cross-channel topic before single-channel ones, which say so", () => {
    const cross = suggestions.map((s) => s.channels.length >= 2);
    expect(cross.indexOf(false)).toBeGreaterThan(cross.lastIndexOf(true));
    for (const s of suggestions.filter((x) => x.channels.length < 2)) {
      expect(s.why.kind === "theme" && s.why.oneSource).toBe(true);
      expect(s.title).toMatch(/one source only\)$/);
    }
  });

  it("explains each topic: channels, counts, distinctive terms, quotes nearest the centre, time span", () => {
    const why = suggestions[0]?.why;
    if (why?.kind !== "theme") throw new Error("not a topic");
    expect(why.channels).toEqual({ web: 2, store: 12, feedback: 7 });
    expect(why.observations).toBe(journal.price.size);
    expect(why.topTerms.join(" ")).toMatch(/giá/);
    expect(why.quotes.length).toBeGreaterThanOrEqual(2);
    expect(why.quotes.length).toBeLessThanOrEqual(3);
    // One quote per kind of data first.
    expect(new Set(why.quotes.map((q) => q.channel)).size).toBe(why.quotes.length);
    for (const q of why.quotes) expect(journal.price.has(q.observationId)).toBe(true);
    expect(why.from).toBe("2024-03-02T03:00:00.000Z");
    expect(why.days).toBe(19);
    expect(why.needs.price).toEqual({ tagged: 0, inferred: 21 });
    expect(why.oneSource).toBe(false);
  });

  it("titles a topic with whole words of its members and exact counts, in the asked language", () => {
    expect(suggestions[0]?.title).toMatch(/^Hỏi giá.* \(21 comments · 3 sources\)$/);
    const vi = suggest(journal.observations, { reasonNeeds: REASON_NEEDS, locale: "vi" });
    expect(vi.suggestions[0]?.title).toMatch(/^Hỏi giá.* \(21 ý kiến · 3 nguồn\)$/);
  });

  it("answers in the shared response schema, and is deterministic", () => {
    const again = suggest(journal.observations, { reasonNeeds: REASON_NEEDS, locale: "en" });
    expect(again.suggestions).toEqual(suggestions);
    expect(() => SuggestionsSchema.parse(again)).not.toThrow();
  });
});

/** The words of a title before its counts. */
const titleWords = (title: string) =>
  words(title.replace(/\s*\([^)]*\)$/, "")).map((w) => w.folded);

describe("suggest — text and sources", () => {
  it("groups unaccented, abbreviated and accented text as the same words", () => {
    const o = [
      tap("asked-staff", "Khach hoi ve chinh sach doi tra", 1),
      tap("asked-staff", "Khách hỏi về chính sách đổi trả", 2),
      tap("asked-staff", "kh hỏi chính sách đổi trả sp", 2.5),
      obs({
        channel: "import",
        source: "Tổng đài",
        what: "Gọi hỏi chính sách đổi trả",
        capturedAt: "2024-03-03T10:00:00+07:00",
      }),
      ...[3, 4, 5].map((d) => tap("entered", "Vào cửa hàng", d)),
    ];
    const first = suggest(o).suggestions[0];
    expect(first?.channels).toEqual(["import", "store"]);
    expect(first?.observationIds).toHaveLength(4);
    expect(first?.title).toMatch(/đổi trả/i);
  });

  it("keeps a review apart from a price: 'đánh giá' does not make a price topic", () => {
    const reviews = [
      "Khách đọc đánh giá trên mạng trước khi mua",
      "Hỏi có đánh giá nào về máy này không",
      "đánh giá trên web toàn 5 sao",
      "Xem đánh giá youtube rồi mới quyết",
    ];
    const o = [
      ...reviews.map((what, i) => tap("asked-staff", what, i)),
      ...reviews.map((what, i) =>
        obs({
          channel: "import",
          source: "Survey",
          what,
          capturedAt: `2024-03-0${i + 1}T10:00:00Z`,
        }),
      ),
    ];
    const { suggestions } = suggest(o, { locale: "vi" });
    const s = suggestions[0];
    expect(s?.title).toMatch(/đánh giá/i);
    expect(s?.needs).not.toContain("price");
    expect(titleWords(s?.title ?? "")).not.toContain("gia ca");
  });

  it("counts each import source as its own kind of data", () => {
    const o = [
      ...["CRM", "Survey", "CRM"].map((source, i) =>
        obs({
          channel: "import",
          source,
          what: ["Khiếu nại giao hàng trễ", "Giao hàng trễ hẹn", "giao hàng trễ 3 ngày"][
            i
          ] as string,
          needs: ["reliability"],
        }),
      ),
    ];
    const s = suggest(o).suggestions[0];
    expect(s?.why.kind === "theme" && s.why.dataTypes).toEqual({
      "import:crm": 2,
      "import:survey": 1,
    });
    expect(s?.needs).toEqual(["reliability"]);
  });

  it("shows whole words only: every title word is a word of some member's text, no stop word, none twice", () => {
    const texts = [
      "Khách so sánh sản phẩm hai hãng",
      "Cặp đôi so sánh sản phẩm rồi đi",
      "so sánh sản phẩm trên điện thoại",
      "Khách so sánh sản phẩm với web",
    ];
    const { suggestions } = suggest(
      [
        ...texts.map((what, i) =>
          obs({ channel: "store", what, capturedAt: `2026-03-0${i + 1}T10:00:00Z` }),
        ),
        ...texts.map((what, i) =>
          obs({ channel: "web", what, capturedAt: `2026-03-0${i + 1}T11:00:00Z` }),
        ),
      ],
      { locale: "vi" },
    );
    const s = suggestions[0];
    expect(s?.title).toMatch(/^So sánh sản phẩm/);
    const vocabulary = new Set(texts.flatMap((t) => words(t).map((w) => w.folded)));
    const ws = titleWords(s?.title ?? "");
    for (const w of ws) expect(vocabulary).toContain(w);
    expect(new Set(ws).size).toBe(ws.length);
    expect(ws).not.toContain("khach");
    expect(s?.title).not.toMatch(/sánh sản(?! phẩm)/);
  });

  it("returns nothing for an empty journal", () => {
    expect(suggest([])).toEqual({ suggestions: [], timeLinks: [] });
  });

  it("lists every member, nearest the centre first, and keeps far-off observations out", () => {
    const many = [
      ...Array.from({ length: 300 }, (_, i) => tap("asked-price", "Hỏi giá túi xách", i / 10)),
      page("Giá túi xách bên đối thủ rẻ hơn", 2),
      rate(1, 3, ["too-expensive"]),
      ...Array.from({ length: 5 }, (_, i) => tap("waited", "Chờ thanh toán lâu", i)),
    ];
    const s = suggest(many, { reasonNeeds: REASON_NEEDS }).suggestions[0];
    expect(s?.observationIds).toHaveLength(302);
    expect(s?.channels).toEqual(["feedback", "store", "web"]);
    expect(s?.why.kind === "theme" && s.why.observations).toBe(302);
  });
});
