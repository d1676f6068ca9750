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

  it("names the stores and competitors of a scope, never their ids, and has an archived view", async () => {
    const scoped = JournalListSchema.parse({
      items: [
        {
          ...answer.items[0],
          id: "j2",
          scope: { storeIds: ["s-q1"], competitorIds: ["c-1"] },
          observationCount: 1,
          insightCount: 1,
        },
      ],
    });
    const journals = vi.fn(async () => scoped);
    const api: Partial<Api> = {
      journals,
      stores: vi.fn(async () => ({ items: [{ id: "s-q1", name: "Sightline Quận 1" } as never] })),
      competitors: vi.fn(async () => ({ items: [{ id: "c-1", name: "Điện Máy X" } as never] })),
    };
    const el = renderUi(<JournalListPage />, { api });
    await settle();
    const scope = el.querySelector(".journal-row .scope")?.textContent ?? "";
    expect(scope).toContain("Sightline Quận 1");
    expect(scope).toContain("Điện Máy X");
    expect(scope).not.toContain("s-q1");
    expect(el.querySelector(".journal-row .meta")?.textContent).toContain("1 observation ·");
    expect(el.querySelector('a[href="#/journals/archived"]')).toBeTruthy();

    const archived = renderUi(<JournalListPage archived />, { api });
    await settle();
    expect(journals).toHaveBeenLastCalledWith({ archived: true });
    // The server's answer holds an unarchived journal: this view leaves it out.
    expect(archived.textContent).toContain("No archived journals.");
  });
});
