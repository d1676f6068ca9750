import { describe, expect, it } from "vitest";
import { buildTfIdf, centroid, cosine } from "./tf-idf.ts";
import { tokenise } from "./tokenise.ts";

const build = (texts: string[], maxTerms?: number) => buildTfIdf(texts.map(tokenise), maxTerms);

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
