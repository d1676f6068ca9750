// @vitest-environment happy-dom
// The journal list shows what the server counts for each journal: the
// observations in its whole scope and its insights.
import { JournalListSchema } from "@sightline/shared/schema/journal";
import { describe, expect, it, vi } from "vitest";
import { renderUi, settle } from "../../test/support/render.tsx";
import type { Api } from "../api/client.ts";
import { JournalListPage } from "./journal-list-page.tsx";

const answer = JournalListSchema.parse({
  items: [
    {
      id: "j1",
      title: "Vì sao khách rời đi?",
      question: "Giá hay chờ đợi?",
      goal: "Tăng chuyển đổi",
      scope: {},
      archived: false,
      createdBy: "u1",
      createdAt: "2026-03-01T00:00:00Z",
      updatedAt: "2026-03-02T00:00:00Z",
      observationCount: 18,
      insightCount: 2,
    },
  ],
});

describe("JournalListPage", () => {
  it("shows each journal's observation and insight counts", async () => {
    const api: Partial<Api> = { journals: vi.fn(async () => answer) };
    const el = renderUi(<JournalListPage />, { api });
    await settle();
    const meta = el.querySelector(".journal-row .meta")?.textContent ?? "";
    expect(meta).toContain("18 observations");
    expect(meta).toContain("2 insights");
  });
});
