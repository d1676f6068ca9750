import { describe, expect, it } from "vitest";
import { markFields, markWords } from "./marks.ts";

describe("timeline marks", () => {
  it("marks the accented surface a folded word matched", () => {
    expect(markWords("Giá rẻ, giao hàng", ["gia"])).toEqual([
      [0, 3],
      [8, 11],
    ]);
    expect(markWords("ĐỒNG HỒ", ["dong", "ho"])).toEqual([
      [0, 4],
      [5, 7],
    ]);
  });

  it("keeps an accent written apart with its letter and merges overlaps", () => {
    const text = "Gia\u0301 re\u0309";
    expect(markWords(text, ["gia", "ia"])).toEqual([[0, 4]]);
  });

  it("matches across punctuation as the search text folds it", () => {
    expect(markWords("thu-đức", ["thu duc"])).toEqual([[0, 7]]);
    expect(markWords("nothing here", ["gia"])).toEqual([]);
  });

  it("marks per field, tags by index, names and the evidence quote", () => {
    const m = markFields(
      {
        what: "Giá",
        why: "x",
        tags: ["rẻ", "giá tốt"],
        evidence: { quote: "giá!" },
        storeName: "Gia Lâm",
      },
      ["what", "why"],
      ["gia"],
    );
    expect(m).toEqual({
      what: [[0, 3]],
      "tags.1": [[0, 3]],
      "evidence.quote": [[0, 3]],
      storeName: [[0, 3]],
    });
  });
});
