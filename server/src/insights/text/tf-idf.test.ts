import { describe, expect, it } from "vitest";
import { centroid, cosine, tfIdfOfTexts } from "./tf-idf.ts";

const build = (texts: string[], maxTerms?: number) => tfIdfOfTexts(texts, maxTerms);

describe("buildTfIdf", () => {
  it("gives identical texts cosine 1 and disjoint texts 0", () => {
    const { vectors } = build(["giá quá cao", "Gia qua cao", "nhân viên thân thiện"]);
    const [a, b, c] = vectors as [never, never, never];
    expect(cosine(a, b)).toBeCloseTo(1, 5);
    expect(cosine(a, c)).toBe(0);
  });

  it("ranks a shared rare term above a shared common one", () => {
    const { vectors } = build([
      "khách hỏi giá túi xách",
      "khách hỏi giá ví da",
      "khách hỏi nhân viên",
      "túi xách đối thủ rẻ hơn",
    ]);
    const [a, b, , d] = vectors as [never, never, never, never];
    expect(cosine(a, d)).toBeGreaterThan(cosine(a, b) * 0.5);
    expect(cosine(a, b)).toBeGreaterThan(0);
  });

  it("keeps at most maxTerms terms per vector, normalised", () => {
    const { vectors } = build(["một hai ba bốn năm sáu bảy tám chín mười"], 3);
    const v = vectors[0];
    expect(v?.ids.length).toBe(3);
    const norm = Array.from(v?.weights ?? []).reduce((s, w) => s + w * w, 0);
    expect(norm).toBeCloseTo(1, 5);
  });

  it("counts document frequency once per document", () => {
    const { df, dictionary } = build(["giá giá giá", "giá", "ví"]);
    expect(df[dictionary.get("gia") as number]).toBe(2);
  });

  it("interns a bigram once and recovers the written form of any term", () => {
    const texts = ["Giảm giá mạnh", "giam gia manh"];
    const { dictionary } = build(texts);
    expect(dictionary.terms).toEqual(["giam", "gia", "giam gia", "manh", "gia manh"]);
    expect(dictionary.surface(dictionary.get("giam gia") as number, texts)).toBe("giảm giá");
  });

  it("returns an empty vector for text without terms", () => {
    const { vectors } = build(["và của là", "giá"]);
    expect(vectors[0]?.ids.length).toBe(0);
    expect(cosine(vectors[0] as never, vectors[1] as never)).toBe(0);
  });
});

describe("centroid", () => {
  it("is close to every member of a tight group", () => {
    const { vectors } = build(["giá cao", "giá cao quá", "giá hơi cao", "xếp hàng lâu"]);
    const c = centroid(vectors.slice(0, 3));
    for (const v of vectors.slice(0, 3)) expect(cosine(v, c)).toBeGreaterThan(0.6);
    expect(cosine(vectors[3] as never, c)).toBe(0);
  });
});

describe("TermDictionary.idsOf", () => {
  it("gives the terms of tokenise.ts terms(), for any spelling", async () => {
    const { terms } = await import("./tokenise.ts");
    const { TermDictionary } = await import("./tf-idf.ts");
    const d = new TermDictionary();
    for (const text of [
      "Khách HỎI giá túi-xách; nói bên kia rẻ hơn 200.000đ (đắt quá!)",
      "gia\u0301 re\u0309 ho\u031bn",
      // Marks NFC cannot compose: a composition exclusion, a mark with no
      // precomposed form, a mark with no base letter.
      "\u2add\u0338 x\u0301y \u0301gia\u0301",
      "価格 Price đ Đ",
      "",
      "và của là",
    ]) {
      expect(
        d
          .idsOf(text)
          .map((id) => d.terms[id])
          .sort(),
      ).toEqual(terms(text).sort());
      expect(
        d
          .idsOf(text)
          .map((id) => d.terms[id])
          .sort(),
      ).toEqual(terms(text).sort());
    }
  });
});
