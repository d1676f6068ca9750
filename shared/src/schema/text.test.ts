// The text rules every string on the wire follows: bounded, NFC where it is
// text, and well-formed (no NUL, no lone UTF-16 surrogate) everywhere, so
// SQLite and PostgreSQL never disagree on what may be stored.
import { describe, expect, it } from "vitest";
import { PushRequestSchema } from "../sync/messages/push.ts";
import { ObservationCreateSchema, ObservationPatchSchema } from "./observation.ts";
import { PageFactsSchema } from "./page-facts.ts";
import {
  INVALID_CHARACTER_MESSAGE,
  isWellFormedText,
  plainText,
  requiredText,
  text,
  toWellFormedText,
} from "./text.ts";

const BAD = ["\u0000", "a\u0000b", "\uD800", "x\uDBFFy", "\uDFFF", "\uDC00\uD800", "giá 😀\uD83D"];
const GOOD = ["", "Tiếng Việt", "😀", "👩‍👩‍👧‍👦", "𠀀𠀁", "\uFFFD", "a\uD83D\uDE00b"];

describe("well-formed text", () => {
  it("tells NUL and lone surrogates from valid text, astral characters included", () => {
    for (const s of BAD) expect(isWellFormedText(s), JSON.stringify(s)).toBe(false);
    for (const s of GOOD) expect(isWellFormedText(s), s).toBe(true);
  });

  it("replaces NUL and each lone surrogate with U+FFFD and keeps pairs", () => {
    expect(toWellFormedText("a\u0000b")).toBe("a\uFFFDb");
    expect(toWellFormedText("\uDC00\uD800")).toBe("\uFFFD\uFFFD");
    expect(toWellFormedText("giá 😀\uD83D")).toBe("giá 😀\uFFFD");
    for (const s of GOOD) expect(toWellFormedText(s)).toBe(s);
  });

  it("text, requiredText and plainText refuse them with one message", () => {
    for (const schema of [text(100), requiredText(100), plainText(100)])
      for (const s of BAD) {
        const r = schema.safeParse(`ok ${s}`);
        expect(r.success, JSON.stringify(s)).toBe(false);
        expect(r.error?.issues.map((i) => i.message)).toContain(INVALID_CHARACTER_MESSAGE);
      }
    expect(text(100).parse("😀 𠀀 Tiếng Việt")).toBe("😀 𠀀 Tiếng Việt");
  });

  it("reaches nested observation fields, page-fact keys and the push envelope", () => {
    const base = {
      channel: "web",
      method: "competitor-audit",
      capturedAt: "2026-03-10T08:00:00.000Z",
      url: "https://shop.example.vn/p/1",
      what: "Giá giảm",
    };
    const bad = "x\uD800";
    for (const extra of [
      { what: bad },
      { tags: [bad] },
      { evidence: { quote: bad } },
      { evidence: { selectors: [{ type: "CssSelector", value: bad }] } },
      { evidence: { facts: { openGraph: { [bad]: "og" } } } },
      {
        evidence: { facts: { prices: [{ amount: 1, currency: "VND", source: "text", raw: bad }] } },
      },
    ])
      expect(ObservationCreateSchema.safeParse({ ...base, ...extra }).success).toBe(false);
    expect(ObservationCreateSchema.safeParse(base).success).toBe(true);
    expect(ObservationPatchSchema.safeParse({ note: "\u0000" }).success).toBe(false);
    expect(PageFactsSchema.safeParse({ openGraph: { "og:\u0000": "x" } }).success).toBe(false);
    const envelope = (appVersion: string) => ({
      protocol: 1,
      deviceId: "d1",
      clientSchema: 1,
      appVersion,
      mutations: [],
    });
    expect(PushRequestSchema.safeParse(envelope("1.2.3 😀")).success).toBe(true);
    expect(PushRequestSchema.safeParse(envelope("1.2.3\u0000")).success).toBe(false);
    expect(PushRequestSchema.safeParse(envelope("1.2.3\uDFFF")).success).toBe(false);
  });
});
