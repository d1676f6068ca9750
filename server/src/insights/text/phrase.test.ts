import { describe, expect, it } from "vitest";
import { expandPhrase } from "./phrase.ts";

describe("expandPhrase", () => {
  it("grows a bigram that straddles two words into the phrase it always sits in", () => {
    const texts = [
      "Khách so sánh sản phẩm rất lâu",
      "So sánh sản phẩm hai hãng",
      "cặp đôi so sánh sản phẩm trước khi mua",
    ];
    expect(expandPhrase("sanh san", texts)).toBe("so sánh sản phẩm");
    expect(expandPhrase("vien nhiet", ["Nhân viên nhiệt tình", "nhân viên nhiệt tình quá"])).toBe(
      "nhân viên nhiệt tình",
    );
  });

  it("leaves a term alone when its neighbours vary", () => {
    const texts = ["giá cao quá", "thấy giá cao", "giá cao hơn bên kia", "khách chê giá cao"];
    expect(expandPhrase("gia cao", texts)).toBe("giá cao");
  });

  it("never grows across punctuation", () => {
    expect(expandPhrase("tra gop", ["trả góp. Xong rồi", "trả góp. Xong"])).toBe("trả góp");
    expect(expandPhrase("tra gop", ["Xong, trả góp", "xong; trả góp"])).toBe("trả góp");
  });

  it("grows over no number, trims loose stop words off the edges, keeps bound ones", () => {
    const texts = [
      "hỏi về trả góp 0% không",
      "Khách hỏi về trả góp 0%",
      "hỏi về trả góp 0% lãi",
      "nói về giá",
      "về nhà",
    ];
    expect(expandPhrase("tra gop", texts)).toBe("hỏi về trả góp");
    expect(expandPhrase("sanh", ["so sánh giá", "so sánh màu", "so sánh"])).toBe("so sánh");
    expect(
      expandPhrase("tool", ["comparison tool for", "comparison tool for", "for kids", "for all"]),
    ).toBe("comparison tool");
  });

  it("writes the phrase as it is written most often", () => {
    const texts = ["chờ đợi lâu", "phải chờ đợi", "cho đổi size", "chờ đợi mãi"];
    expect(expandPhrase("cho doi", texts)).toBe("chờ đợi");
  });

  it("stops at the longest phrase allowed", () => {
    const texts = ["a1 bb cc dd ee ff", "a1 bb cc dd ee ff"];
    expect(expandPhrase("cc dd", texts, { maxWords: 3 }).split(" ")).toHaveLength(3);
  });

  it("answers the fallback when the texts do not hold the term", () => {
    expect(expandPhrase("khuyen", ["giá cao"], {}, "khuyến")).toBe("khuyến");
    expect(expandPhrase("khuyen", [])).toBe("khuyen");
  });
});
