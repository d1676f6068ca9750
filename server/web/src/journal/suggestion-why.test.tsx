// @vitest-environment happy-dom
import { describe, expect, it } from "vitest";
import { renderUi, TEST_USER } from "../../test/support/render.tsx";
import type { Api } from "../api/client.ts";
import { AppContext } from "../app-context.ts";
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

  it("dates the change and a topic's span in the workspace's time zone, not the browser's", () => {
    // 12:00 UTC on 9 March is already 10 March at UTC+14: only the workspace
    // zone gives that day, whatever zone the test runner is in.
    const inWorkspace = (why: Parameters<typeof SuggestionWhy>[0]["why"]) =>
      renderUi(
        <AppContext.Provider
          value={{
            api: {} as Api,
            user: TEST_USER,
            signOut: () => {},
            timeZone: "Pacific/Kiritimati",
          }}
        >
          <SuggestionWhy lookup={lookup} why={why} />
        </AppContext.Provider>,
      );
    const link = inWorkspace({
      kind: "time-link",
      windowDays: 14,
      change: {
        kind: "price",
        competitorId: "c1",
        competitor: "PhoneHub",
        at: "2026-03-09T12:00:00.000Z",
        observationIds: ["x"],
      },
      signals: [],
    });
    expect(link.textContent).toContain("Change on 10 Mar 2026");
    const topic = inWorkspace({
      kind: "theme",
      key: { type: "term", code: "pin" },
      observations: 2,
      shown: 2,
      channels: { feedback: 2 },
      dataTypes: { feedback: 2 },
      needs: {},
      topTerms: ["pin"],
      coherence: 0.6,
      from: "2026-03-01T11:00:00.000Z",
      to: "2026-03-09T12:00:00.000Z",
      days: 8,
      quotes: [],
      oneSource: false,
    });
    expect(topic.textContent).toContain("2 Mar 2026 – 10 Mar 2026");
  });
});
