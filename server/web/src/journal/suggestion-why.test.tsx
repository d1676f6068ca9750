// @vitest-environment happy-dom
import { describe, expect, it } from "vitest";
import { renderUi } from "../../test/support/render.tsx";
import { SuggestionWhy } from "./suggestion-why.tsx";

const lookup = { behaviourLabel: () => "Left without buying" } as never;

describe("SuggestionWhy", () => {
  it("shows a topic's representative comments with their kind of data", () => {
    const el = renderUi(
      <SuggestionWhy
        lookup={lookup}
        why={{
          kind: "theme",
          key: { type: "term", code: "pin" },
          observations: 3,
          shown: 3,
          channels: { feedback: 2, store: 1 },
          dataTypes: { feedback: 2, store: 1 },
          needs: {},
          topTerms: ["pin nhanh hết", "máy nóng"],
          coherence: 0.6,
          from: null,
          to: null,
          days: 0,
          quotes: [
            { observationId: "a", channel: "feedback", text: "pin nhanh hết quá" },
            { observationId: "b", channel: "store", text: "Khách chê máy nóng khi chơi game" },
          ],
          oneSource: false,
        }}
      />,
    );
    const quotes = [...el.querySelectorAll("blockquote")].map((q) => q.textContent);
    expect(quotes).toHaveLength(2);
    expect(quotes[0]).toContain("“pin nhanh hết quá”");
    expect(el.textContent).toContain("Representative comments");
  });

  it("gives a time link's change as base counts, never a ratio over zero", () => {
    const el = renderUi(
      <SuggestionWhy
        lookup={lookup}
        why={{
          kind: "time-link",
          windowDays: 14,
          change: {
            kind: "price",
            competitorId: "c1",
            competitor: "PhoneHub",
            at: "2026-03-10T00:00:00.000Z",
            observationIds: ["x"],
          },
          signals: [
            {
              type: "behaviour",
              behaviour: "left-without-buying",
              before: { count: 0, days: 28 },
              after: { count: 11, days: 14 },
              ratio: 111,
            },
          ],
        }}
      />,
    );
    expect(el.textContent).toContain(
      "Left without buying: 0 in the 28 days before → 11 in the 14 days after",
    );
    expect(el.textContent).not.toContain("×");
  });
});
