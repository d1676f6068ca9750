import { ObservationCreateSchema } from "@sightline/shared";
import { describe, expect, it } from "vitest";
import { dwellFields, feedbackFields, storeTapFields } from "./observation-fields.ts";

const at = Date.UTC(2026, 2, 1, 2, 0, 0);

describe("kiosk observation fields", () => {
  it("a behaviour tap is a valid store observation", () => {
    const f = storeTapFields({
      storeId: "s1",
      at,
      behaviour: "asked-price",
      what: "Hỏi giá",
      zone: "Điện thoại",
      segment: { ageBand: "25-34", party: "couple" },
      needs: ["price", "price", "transparency"],
    });
    expect(ObservationCreateSchema.safeParse(f).success).toBe(true);
    expect(f).toMatchObject({
      channel: "store",
      method: "shopper-observation",
      behaviour: "asked-price",
      what: "Hỏi giá",
      zone: "Điện thoại",
      segment: { ageBand: "25-34", party: "couple" },
      needs: ["price", "transparency"],
    });
    expect(Date.parse(f.capturedAt as string)).toBe(at);
  });

  it("keeps the behaviour's label as `what`, the note beside it, and leaves empty parts out", () => {
    const f = storeTapFields({
      storeId: "s1",
      at,
      behaviour: "browsed",
      what: "Browsed",
      zone: " ",
      segment: {},
      note: "  looked at the red one  ",
      needs: [],
    });
    expect(f).toEqual({
      channel: "store",
      method: "shopper-observation",
      capturedAt: expect.any(String),
      storeId: "s1",
      what: "Browsed",
      behaviour: "browsed",
      note: "looked at the red one",
    });
  });

  it("a dwell carries its duration and start time", () => {
    const f = dwellFields({
      storeId: "s1",
      startedAt: at,
      endedAt: at + 95_400,
      what: "Dwell 1:35",
      zone: "Laptop",
      segment: { party: "alone" },
    });
    expect(ObservationCreateSchema.safeParse(f).success).toBe(true);
    expect(f).toMatchObject({ durationSec: 95, zone: "Laptop", segment: { party: "alone" } });
    expect(f.behaviour).toBeUndefined();
  });

  it("a feedback answer carries rating, question, reasons, needs and suspect", () => {
    const f = feedbackFields({
      storeId: "s1",
      at,
      rating: 2,
      what: "Rated 2/4",
      question: "How was your visit?",
      reasons: ["slow-checkout"],
      needs: ["efficiency"],
      suspect: true,
    });
    expect(ObservationCreateSchema.safeParse(f).success).toBe(true);
    expect(f).toMatchObject({
      channel: "feedback",
      method: "feedback",
      rating: 2,
      reasons: ["slow-checkout"],
      needs: ["efficiency"],
      suspect: true,
    });
  });
});
