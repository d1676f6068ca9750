// Capture → observation mapping: everything produced must pass the shared
// ObservationCreateSchema (what the server will apply), with the 5W1H
// prefilled as the issue asks (who = competitor, what = quote, when = now,
// where = title + URL, or event name + booth).
import { ObservationCreateSchema } from "@sightline/shared";
import { extension } from "@sightline/shared/i18n/extension";
import { createTranslator } from "@sightline/shared/i18n/translate";
import { describe, expect, it } from "vitest";
import { CapturePayloadSchema } from "../messages.ts";
import {
  fieldsFromCapture,
  fieldsFromChange,
  fieldsFromEventNote,
  wireUrl,
} from "./observation-fields.ts";

const t = createTranslator(extension, "en");
const now = new Date("2026-03-01T02:30:00Z");
const facts = {
  title: "Tai nghe Sony WH-CH520",
  lang: "vi",
  prices: [{ amount: 1290000, currency: "VND", source: "json-ld" as const, raw: "1290000" }],
};
const base = {
  url: "https://dienmayxanhla.vn/tai-nghe/sony-wh-ch520?utm_source=x",
  title: "Tai nghe Bluetooth Sony WH-CH520 chính hãng",
  viewport: { width: 1280, height: 800, devicePixelRatio: 2 },
  facts,
};
const competitor = { id: "c1", name: "ĐiệnMáyXanhLá" };

describe("fieldsFromCapture", () => {
  it("maps a text selection to a valid web observation with its quote and selectors", () => {
    const capture = CapturePayloadSchema.parse({
      ...base,
      kind: "selection",
      quote: "pin 50 giờ",
      prefix: "Tai nghe Sony WH-CH520 chính hãng, ",
      suffix: ", sạc nhanh.",
      selectors: [
        { type: "TextPositionSelector", start: 10, end: 20 },
        { type: "TextQuoteSelector", exact: "pin 50 giờ", prefix: "hãng, ", suffix: ", sạc" },
      ],
    });
    const fields = fieldsFromCapture(capture, { competitor, now, t });
    const parsed = ObservationCreateSchema.parse(fields);
    expect(parsed).toMatchObject({
      channel: "web",
      method: "competitor-audit",
      what: "pin 50 giờ",
      who: "ĐiệnMáyXanhLá",
      competitorId: "c1",
      url: base.url,
      pageTitle: base.title,
      basis: "observed",
      where: `${base.title} — ${base.url}`,
      evidence: { quote: "pin 50 giờ", prefix: "Tai nghe Sony WH-CH520 chính hãng, ", facts },
    });
    expect(parsed.evidence?.selectors).toHaveLength(2);
    expect(parsed.evidence?.screenshot).toBeUndefined();
    expect(Date.parse(parsed.capturedAt)).toBe(now.getTime());
  });

  it("uses the element's text for an element capture and keeps the screenshot hash", () => {
    const element = {
      selector: "#product-summary > .price-box > .price-current",
      text: "1.290.000₫",
      box: { x: 1, y: 2, width: 3, height: 4 },
    };
    const capture = CapturePayloadSchema.parse({
      ...base,
      kind: "element",
      box: element.box,
      facts: { ...facts, element },
    });
    const sha = "a".repeat(64);
    const fields = ObservationCreateSchema.parse(
      fieldsFromCapture(capture, { competitor: null, screenshot: sha, now, t }),
    );
    expect(fields.what).toBe("1.290.000₫");
    expect(fields.who).toBeUndefined();
    expect(fields.evidence?.screenshot).toBe(sha);
    expect(fields.evidence?.facts?.element?.selector).toBe(element.selector);
  });

  it("describes a region or visible screenshot in the user's language", () => {
    const capture = CapturePayloadSchema.parse({
      ...base,
      kind: "region",
      box: { x: 0, y: 0, width: 50, height: 50 },
    });
    const vi = createTranslator(extension, "vi");
    expect(fieldsFromCapture(capture, { competitor, now, t }).what).toBe(`Region of ${base.title}`);
    expect(fieldsFromCapture(capture, { competitor, now, t: vi }).what).toBe(
      `Ảnh chụp vùng trên trang ${base.title}`,
    );
  });

  it("leaves out a URL the server would refuse (not http) but keeps the observation valid", () => {
    const capture = CapturePayloadSchema.parse({
      ...base,
      url: "file:///home/me/page.html",
      kind: "selection",
      quote: "x",
    });
    const fields = ObservationCreateSchema.parse(
      fieldsFromCapture(capture, { competitor: null, now, t }),
    );
    expect(fields.url).toBeUndefined();
    expect(fields.where).toContain("file:///home/me/page.html");
  });
});

describe("fieldsFromEventNote", () => {
  it("keeps the basis chosen while writing (observed by default)", () => {
    const mode = { active: true, eventName: "Vietnam Expo 2026", booth: "" };
    const note = (basis?: "inferred" | "heard") =>
      fieldsFromEventNote({ text: "Sắp giảm giá", competitor, basis }, mode, now, t).basis;
    expect(note()).toBe("observed");
    expect(note("heard")).toBe("heard");
    expect(note("inferred")).toBe("inferred");
  });

  it("makes an event observation with event name, booth and photo", () => {
    const sha = "b".repeat(64);
    const fields = ObservationCreateSchema.parse(
      fieldsFromEventNote(
        { text: "", photo: sha, competitor },
        { active: true, eventName: "Vietnam Expo 2026", booth: "B12" },
        now,
        t,
      ),
    );
    expect(fields).toMatchObject({
      channel: "event",
      method: "event-visit",
      eventName: "Vietnam Expo 2026",
      booth: "B12",
      where: "Vietnam Expo 2026 — B12",
      what: "Photo at Vietnam Expo 2026 — B12",
      competitorId: "c1",
      evidence: { screenshot: sha },
    });
  });
});

describe("fieldsFromChange", () => {
  it("records old → new as a new price observation", () => {
    const recorded = {
      kind: "price" as const,
      role: "current" as const,
      before: { amount: 1290000, currency: "VND" },
      after: { amount: 1190000, currency: "VND" },
    };
    const fields = ObservationCreateSchema.parse(
      fieldsFromChange({
        change: {
          key: "o1:price:0",
          observationId: "o1",
          kind: "price",
          before: "1.290.000 ₫",
          after: "1.190.000 ₫",
          recorded,
        },
        page: { url: base.url, title: base.title, facts },
        competitor,
        now,
        t,
      }),
    );
    expect(fields.what).toBe("Price changed: 1.290.000 ₫ → 1.190.000 ₫");
    expect(fields.needs).toEqual(["price"]);
    // Structured before/after, not a quote (a quote would be re-anchored as text on every visit).
    expect(fields.evidence?.quote).toBeUndefined();
    expect(fields.evidence?.change).toEqual(recorded);
    expect(fields.note).toBe("Before: 1.290.000 ₫\nAfter: 1.190.000 ₫");
    expect(fields.evidence?.facts).toEqual(facts);
  });

  it("records a changed text with its old and new wording as structured before/after", () => {
    const recorded = {
      kind: "text" as const,
      before: { text: "Mua ngay" },
      after: { text: "Đặt hàng ngay" },
    };
    const fields = ObservationCreateSchema.parse(
      fieldsFromChange({
        change: {
          key: "o1:element",
          observationId: "o1",
          kind: "element",
          before: "Mua ngay",
          after: "Đặt hàng ngay",
          recorded,
        },
        page: { url: base.url, title: base.title, facts: {} },
        competitor,
        now,
        t,
      }),
    );
    expect(fields.needs).toBeUndefined();
    expect(fields.evidence).toEqual({ change: recorded });
  });
});

describe("helpers", () => {
  it("wireUrl shortens over-long URLs to origin + path", () => {
    const long = `https://shop.vn/p?${"x=1&".repeat(600)}`;
    expect(wireUrl(long)).toBe("https://shop.vn/p");
    expect(wireUrl("javascript:alert(1)")).toBeUndefined();
  });
});
