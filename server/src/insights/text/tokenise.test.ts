import { describe, expect, it } from "vitest";
import { terms, tokenise } from "./tokenise.ts";

describe("tokenise", () => {
  it("drops stop words, numbers and one-letter words; adds bigrams of kept neighbours", () => {
    expect(terms("Giá của sản phẩm này là 19.990.000 đ")).toEqual([
      "gia",
      "san",
      "san pham",
      "pham",
    ]);
  });

  it("matches the same words with and without diacritics", () => {
    expect(terms("giá rẻ hơn")).toEqual(terms("gia re hon"));
  });

  it("drops English stop words; bigrams only join words that were adjacent", () => {
    expect(terms("The price is too high for them")).toEqual(["price", "high"]);
  });

  it("gives the same terms from the fast path as from tokenise()", () => {
    const text = "Khách HỎI giá túi-xách; nói bên kia rẻ hơn 200.000đ (đắt quá!)";
    expect(terms(text)).toEqual(tokenise(text).map((t) => t.term));
  });

  it("keeps the first written form for display", () => {
    const t = tokenise("Giảm giá");
    expect(t.map((x) => x.surface)).toEqual(["giảm", "giảm giá", "giá"]);
    expect(t.map((x) => x.term)).toEqual(["giam", "giam gia", "gia"]);
  });

  it("keeps ambiguous syllables that are content words (dễ, bán, mới, chờ)", () => {
    expect(terms("dễ bán hàng mới phải chờ")).toContain("cho");
    expect(terms("dễ dùng")).toEqual(["de", "de dung", "dung"]);
  });
});

describe("tokenise — phrases", () => {
  it("does not make a bigram across punctuation", () => {
    expect(terms("giày thể thao, mẫu mới")).not.toContain("thao mau");
    expect(terms("giày thể thao mẫu mới")).toContain("thao mau");
  });

  it("joins hyphenated and apostrophed words like spaced ones", () => {
    expect(terms("túi-xách")).toEqual(terms("túi xách"));
  });
});
