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

describe("suggest — theme groups", () => {
  const journal = priceJournal();
  const { suggestions } = suggest(journal.observations, {
    reasonNeeds: REASON_NEEDS,
    locale: "en",
  });

  it("puts kiosk price complaints, asked-price taps and the competitor's lower price in one group, ranked first", () => {
    const first = suggestions[0];
    expect(first?.needs[0]).toBe("price");
    expect(first?.channels).toEqual(["feedback", "store", "web"]);
    expect(new Set(first?.observationIds)).toEqual(journal.price);
  });

  it("makes that the only cross-channel group built mostly of those observations", () => {
    const mostlyPrice = suggestions.filter(
      (s) =>
        s.channels.length >= 2 &&
        s.observationIds.filter((id) => journal.price.has(id)).length > s.observationIds.length / 2,
    );
    expect(mostlyPrice).toHaveLength(1);
  });

  it("finds the waiting-at-checkout theme as a second cross-channel group", () => {
    const waiting = suggestions.find((s) => s.needs[0] === "efficiency");
    expect(waiting?.channels).toEqual(["feedback", "store"]);
    expect(new Set(waiting?.observationIds)).toEqual(journal.waiting);
    expect(suggestions.indexOf(waiting as never)).toBeGreaterThan(0);
  });

  it("ranks every cross-channel group before single-channel ones", () => {
    const cross = suggestions.map((s) => s.channels.length >= 2);
    expect(cross.indexOf(false)).toBeGreaterThan(cross.lastIndexOf(true));
  });

  it("explains each group: channels, counts, top terms, time span", () => {
    const why = suggestions[0]?.why;
    expect(why?.kind).toBe("theme");
    if (why?.kind !== "theme") return;
    expect(why.key).toEqual({ type: "need", code: "price" });
    expect(why.channels).toEqual({ web: 2, store: 12, feedback: 7 });
    expect(why.observations).toBe(journal.price.size);
    expect(why.topTerms.join(" ")).toMatch(/giá/);
    expect(why.from).toBe("2024-03-02T03:00:00.000Z");
    expect(why.days).toBe(19);
    expect(why.needs.price).toEqual({ tagged: 0, inferred: 21 });
  });

  it("titles groups in the asked language", () => {
    expect(suggestions[0]?.title).toMatch(/^Price: /);
    const vi = suggest(journal.observations, { reasonNeeds: REASON_NEEDS, locale: "vi" });
    expect(vi.suggestions[0]?.title).toMatch(/^Giá cả: /);
  });

  it("is deterministic", () => {
    const again = suggest(journal.observations, { reasonNeeds: REASON_NEEDS, locale: "en" });
    expect(again.suggestions).toEqual(suggestions);
  });
});

describe("suggest — text and sources", () => {
  it("groups unaccented and accented text as the same words", () => {
    const o = [
      tap("asked-staff", "Khach hoi ve chinh sach doi tra", 1),
      tap("asked-staff", "Khách hỏi về chính sách đổi trả", 2),
      obs({
        channel: "import",
        source: "Tổng đài",
        what: "Gọi hỏi chính sách đổi trả",
        capturedAt: "2024-03-03T10:00:00+07:00",
      }),
      tap("entered", "Vào cửa hàng", 3),
    ];
    const { suggestions } = suggest(o);
    const first = suggestions[0];
    expect(first?.channels).toEqual(["import", "store"]);
    expect(first?.observationIds).toHaveLength(3);
  });

  it("counts each import source as its own kind of data", () => {
    const o = [
      obs({
        channel: "import",
        source: "CRM",
        what: "Khiếu nại giao hàng trễ",
        needs: ["reliability"],
      }),
      obs({
        channel: "import",
        source: "Survey",
        what: "Giao hàng trễ hẹn",
        needs: ["reliability"],
      }),
    ];
    const s = suggest(o).suggestions[0];
    expect(s?.why.kind === "theme" && s.why.dataTypes).toEqual({
      "import:crm": 1,
      "import:survey": 1,
    });
  });

  it("condenses top terms: pairs over their words, no repeats", async () => {
    const { condense } = await import("./suggest.ts");
    expect(condense(["thiết", "kế", "kế trang", "thiết kế", "đẹp"])).toEqual([
      "thiết kế",
      "kế trang",
      "đẹp",
    ]);
    expect(condense(["hỏi", "giá", "hỏi giá"])).toEqual(["hỏi giá"]);
  });

  it("shows whole phrases, not a bigram straddling two words, and no phrase twice", async () => {
    const { distinctPhrases } = await import("./suggest.ts");
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
    const shown = suggestions.flatMap((s) => [
      s.title,
      ...(s.why.kind === "theme" ? s.why.topTerms : []),
    ]);
    expect(shown.join(" | ")).toContain("so sánh sản phẩm");
    const phrases = shown.flatMap((t) => t.split(/[:,“”]/)).map((p) => p.trim());
    expect(phrases.filter((p) => p.startsWith("sánh sản"))).toEqual([]);
    expect(distinctPhrases(["hỏi về trả góp", "về trả góp", "trả góp", "đổi trả", "giá"])).toEqual([
      "hỏi về trả góp",
      "đổi trả",
      "giá",
    ]);
  });

  it("returns nothing for an empty journal", () => {
    expect(suggest([])).toEqual({ suggestions: [], timeLinks: [] });
  });

  it("caps the observation ids of a group and keeps every channel in them", () => {
    const many = [
      ...Array.from({ length: 300 }, (_, i) => tap("asked-price", "Hỏi giá", i / 10)),
      page("Giá đối thủ rẻ hơn", 2),
      rate(1, 3, ["too-expensive"]),
    ];
    const s = suggest(many, { reasonNeeds: REASON_NEEDS, maxIds: 20 }).suggestions[0];
    expect(s?.observationIds).toHaveLength(20);
    expect(s?.channels).toEqual(["feedback", "store", "web"]);
    expect(s?.why.kind === "theme" && s.why.observations).toBe(302);
  });
});
