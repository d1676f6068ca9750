import { describe, expect, it } from "vitest";
import { fiveW1HScore, missingFiveW1H } from "../five-w1h.ts";
import { ObservationCreateSchema, ObservationPatchSchema } from "./observation.ts";

const base = {
  channel: "web",
  method: "competitor-audit",
  capturedAt: "2026-11-24T10:00:00+07:00",
  what: "Giảm giá 20%",
};

describe("observation schemas", () => {
  it("accepts a web capture with W3C selectors and page facts", () => {
    const r = ObservationCreateSchema.safeParse({
      ...base,
      url: "https://shop.vn/p/1",
      evidence: {
        quote: "1.290.000₫",
        selectors: [
          {
            type: "TextQuoteSelector",
            exact: "1.290.000₫",
            prefix: "Giá: ",
            suffix: " (đã gồm VAT)",
          },
          { type: "TextPositionSelector", start: 10, end: 20 },
          {
            type: "RangeSelector",
            startSelector: { type: "XPathSelector", value: "/html/body/p[1]" },
            endSelector: { type: "XPathSelector", value: "/html/body/p[1]" },
          },
        ],
        facts: {
          title: "Shop",
          prices: [{ amount: 1290000, currency: "VND", source: "json-ld", raw: "1290000" }],
        },
      },
    });
    expect(r.success).toBe(true);
  });

  it("accepts a recorded change as structured before/after, and refuses a malformed one", () => {
    const web = { ...base, url: "https://shop.vn/p/1" };
    const ok = (change: unknown) =>
      ObservationCreateSchema.safeParse({ ...web, evidence: { change } }).success;
    expect(
      ok({
        kind: "price",
        role: "current",
        before: { amount: 1290000, currency: "VND" },
        after: { amount: 1190000, currency: "VND" },
      }),
    ).toBe(true);
    // A price added or removed has one side only.
    expect(ok({ kind: "price", before: null, after: { amount: 200000, currency: "VND" } })).toBe(
      true,
    );
    expect(
      ok({ kind: "text", before: { text: "Mua ngay" }, after: { text: "Đặt hàng ngay" } }),
    ).toBe(true);
    expect(ok({ kind: "price", before: null, after: null })).toBe(false);
    expect(ok({ kind: "price", before: { text: "1.290.000 ₫" }, after: { text: "x" } })).toBe(
      false,
    );
    expect(ok({ kind: "text", before: { amount: 1, currency: "VND" }, after: { text: "x" } })).toBe(
      false,
    );
    expect(ok({ kind: "price", before: { amount: -1, currency: "VND" }, after: null })).toBe(false);
    expect(ok({ kind: "text", before: { text: "a" }, after: { text: "b" }, extra: 1 })).toBe(false);
  });

  it("requires what, channel, method and capturedAt with an offset", () => {
    expect(ObservationCreateSchema.safeParse({ ...base, what: "   " }).success).toBe(false);
    expect(
      ObservationCreateSchema.safeParse({ ...base, capturedAt: "2026-11-24T10:00:00" }).success,
    ).toBe(false);
    const { channel: _c, ...noChannel } = base;
    expect(ObservationCreateSchema.safeParse(noChannel).success).toBe(false);
  });

  it("allows rating 1..4 only on feedback, and requires it there with a store", () => {
    const fb = { ...base, channel: "feedback", method: "feedback", storeId: "s1" };
    expect(ObservationCreateSchema.safeParse({ ...fb, rating: 4 }).success).toBe(true);
    expect(ObservationCreateSchema.safeParse({ ...fb, rating: 5 }).success).toBe(false);
    expect(ObservationCreateSchema.safeParse({ ...fb, rating: 2.5 }).success).toBe(false);
    expect(ObservationCreateSchema.safeParse(fb).success).toBe(false);
    expect(ObservationCreateSchema.safeParse({ ...base, rating: 3 }).success).toBe(false);
    expect(
      ObservationCreateSchema.safeParse({ ...fb, rating: 3, storeId: undefined }).success,
    ).toBe(false);
  });

  it("rejects unknown fields, repeated or unknown needs, NUL and over-long text", () => {
    expect(ObservationCreateSchema.safeParse({ ...base, colour: "red" }).success).toBe(false);
    expect(ObservationCreateSchema.safeParse({ ...base, needs: ["price", "price"] }).success).toBe(
      false,
    );
    expect(ObservationCreateSchema.safeParse({ ...base, needs: ["cheapness"] }).success).toBe(
      false,
    );
    expect(ObservationCreateSchema.safeParse({ ...base, what: "a\u0000b" }).success).toBe(false);
    expect(ObservationCreateSchema.safeParse({ ...base, what: "x".repeat(4001) }).success).toBe(
      false,
    );
    expect(ObservationCreateSchema.safeParse({ ...base, who: "x".repeat(2001) }).success).toBe(
      false,
    );
    expect(ObservationCreateSchema.safeParse({ ...base, tags: Array(21).fill("t") }).success).toBe(
      false,
    );
    expect(
      ObservationCreateSchema.safeParse({ ...base, evidence: { selectors: [{ type: "Bogus" }] } })
        .success,
    ).toBe(false);
  });

  it("normalises text to NFC", () => {
    const decomposed = "gia\u0301"; // "giá" with a combining acute
    const r = ObservationCreateSchema.parse({ ...base, what: decomposed });
    expect(r.what).toBe("giá");
  });

  it("patches only editable fields; null clears, except what", () => {
    expect(ObservationPatchSchema.safeParse({ who: null, needs: ["price"] }).success).toBe(true);
    expect(ObservationPatchSchema.safeParse({ rating: 2 }).success).toBe(false);
    expect(ObservationPatchSchema.safeParse({ channel: "store" }).success).toBe(false);
    expect(ObservationPatchSchema.safeParse({ what: null }).success).toBe(false);
    expect(ObservationPatchSchema.safeParse({}).success).toBe(false);
  });
});

describe("5W1H completeness", () => {
  it("scores 0–6 and names what is missing", () => {
    const bare = ObservationCreateSchema.parse(base);
    expect(fiveW1HScore(bare)).toBe(2); // what + when
    expect(missingFiveW1H(bare)).toEqual(["who", "where", "why", "how"]);
    const full = {
      ...bare,
      who: "Khách nữ 30 tuổi",
      where: "Quận 1",
      why: "so giá",
      how: "hỏi nhân viên",
    };
    expect(fiveW1HScore(full)).toBe(6);
  });
});
