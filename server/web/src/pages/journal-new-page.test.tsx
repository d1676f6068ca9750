// @vitest-environment happy-dom
// The new-journal form: offered only to roles that can create one (a marketer
// is told why instead of filling the form for a 403), its fields survive a
// reload and a failed save, and scope dates are the workspace's days (not the
// browser's zone).
import { getByLabelText, getByRole } from "@testing-library/dom";
import { afterEach, describe, expect, it, vi } from "vitest";
import { fire, renderUi, settle, TEST_USER } from "../../test/support/render.tsx";
import type { Api } from "../api/client.ts";
import { ApiError } from "../api/problem.ts";
import { JournalNewPage } from "./journal-new-page.tsx";

afterEach(() => localStorage.clear());

const refs: Partial<Api> = {
  stores: vi.fn(async () => ({ items: [] })),
  competitors: vi.fn(async () => ({ items: [] })),
};

describe("JournalNewPage", () => {
  it("does not offer the form to a marketer", async () => {
    const el = renderUi(<JournalNewPage />, {
      api: refs,
      user: { ...TEST_USER, role: "marketer" },
    });
    await settle();
    expect(el.querySelector("form")).toBeNull();
    expect(el.textContent).toContain("Only managers and admins create journals");
  });

  it("keeps the fields after a failed save and across a reload", async () => {
    const createJournal = vi
      .fn()
      .mockRejectedValue(new ApiError(503, "Service unavailable", "db", [], undefined, 4));
    const api = { ...refs, createJournal } as Partial<Api>;
    const el = renderUi(<JournalNewPage />, { api });
    await settle();
    fire("input", getByLabelText(el, "Journal name"), { target: { value: "Giá và bỏ đi" } });
    fire("input", getByLabelText(el, /^Question/), { target: { value: "Vì sao khách bỏ đi?" } });
    fire("input", getByLabelText(el, "From"), { target: { value: "2026-03-01" } });
    fire("click", getByRole(el, "button", { name: "Create journal" }));
    await settle();
    expect(el.textContent).toContain("The server is busy or restarting");
    expect((getByLabelText(el, "Journal name") as HTMLInputElement).value).toBe("Giá và bỏ đi");
    // Kept per person: another person signed in on this browser is not offered it.
    expect(localStorage.getItem("sightline.draft.u1.journal.new")).toContain("Giá và bỏ đi");

    el.remove();
    const again = renderUi(<JournalNewPage />, { api });
    await settle();
    expect((getByLabelText(again, "Journal name") as HTMLInputElement).value).toBe("Giá và bỏ đi");
    expect(again.textContent).toContain("Your unsaved draft was restored.");
  });

  it("sends scope days at the workspace's midnight, whatever the browser's zone", async () => {
    const createJournal = vi.fn(async () => ({ id: "j1", journal: {} as never }));
    const api = { ...refs, createJournal } as Partial<Api>;
    const el = renderUi(<JournalNewPage />, { api });
    await settle();
    fire("input", getByLabelText(el, "Journal name"), { target: { value: "T" } });
    fire("input", getByLabelText(el, "From"), { target: { value: "2026-03-01" } });
    fire("input", getByLabelText(el, "To"), { target: { value: "2026-03-31" } });
    fire("click", getByRole(el, "button", { name: "Create journal" }));
    await settle();
    // The test user's context has no stores: the browser's zone is the fallback here;
    // with the workspace zone given, the offset is that zone's.
    const scope = (createJournal.mock.calls[0] as unknown as [{ scope: { from: string } }])[0]
      .scope;
    expect(scope.from).toMatch(/^2026-03-01T00:00:00[+-]\d\d:\d\d$/);
    expect(localStorage.getItem("sightline.draft.u1.journal.new")).toBeNull();
  });
});
