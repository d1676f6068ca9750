import { describe, expect, it } from "vitest";
import { foldedIncludes, foldText } from "./fold.ts";

describe("foldText", () => {
  it("removes Vietnamese diacritics and lower-cases", () => {
    expect(foldText("Giá RẺ hơn")).toBe("gia re hon");
    expect(foldText("Người tiêu dùng Việt")).toBe("nguoi tieu dung viet");
  });

  it("folds đ and Đ to d", () => {
    expect(foldText("Đắt đỏ")).toBe("dat do");
  });

  it("treats decomposed (NFD) input like composed input", () => {
    expect(foldText("gia\u0301 re\u0309")).toBe("gia re");
  });

  it("folds away marks NFC leaves standing, instead of normalising forever", () => {
    expect(foldText("x\u0301y")).toBe("xy");
    expect(foldText("\u2add\u0338 gia\u0301")).toBe("gia");
    expect(foldText("\u0301")).toBe("");
    expect(foldedIncludes("Khách x\u0301 hỏi giá", "gia")).toBe(true);
  });

  it("collapses punctuation and spaces to single spaces", () => {
    expect(foldText("  giá: 19.990.000đ!! ")).toBe("gia 19 990 000d");
  });

  it("keeps letters of other scripts", () => {
    expect(foldText("価格 Price")).toBe("価格 price");
  });
});

describe("foldedIncludes", () => {
  it("finds accented text from unaccented queries and back", () => {
    expect(foldedIncludes("Khách hỏi giá nhiều lần", "gia")).toBe(true);
    expect(foldedIncludes("khach hoi gia", "HỎI GIÁ")).toBe(true);
    expect(foldedIncludes("khách hỏi giá", "giảm")).toBe(false);
  });
});
