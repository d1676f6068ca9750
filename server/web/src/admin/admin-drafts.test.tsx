// @vitest-environment happy-dom
// The store, competitor and people forms keep what was typed as a draft
// (use-draft.ts): it survives a failed save and a reload (the page unmounted
// and mounted again), is said to be a restored draft, and is gone once the
// server has it. A password is never part of a draft.
import { getByLabelText, getByRole, getByText } from "@testing-library/dom";
import { render } from "preact";
import { act } from "preact/test-utils";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { fire, renderUi, settle, TEST_USER } from "../../test/support/render.tsx";
import type { Api } from "../api/client.ts";
import { ApiError } from "../api/problem.ts";
import type { User } from "../api/types.ts";
import { CompetitorsAdmin } from "./competitors-admin.tsx";
import { PeopleAdmin } from "./people-admin.tsx";
import { StoresAdmin } from "./stores-admin.tsx";

const ADMIN: User = { ...TEST_USER, id: "a1", email: "admin@example.vn", role: "admin" };
const offline = () => new ApiError(0, "fetch failed");
const drafts = () => Object.keys(localStorage).filter((k) => k.startsWith("sightline.draft."));
const unmount = (el: HTMLElement) => act(() => render(null, el));
const type = (input: Element | null, value: string) => fire("input", input, { target: { value } });
const valueIn = (el: Element | null | undefined) => (el as HTMLInputElement).value;

beforeEach(() => localStorage.clear());
afterEach(() => vi.restoreAllMocks());

describe("store form drafts", () => {
  const store = {
    id: "s1",
    name: "Sightline Quận 1",
    timeZone: "Asia/Ho_Chi_Minh",
    zones: [],
    behaviours: [],
    feedbackQuestion: { vi: "", en: "" },
    reasons: [],
  };

  it("keeps a new store's name through a failed save and a reload, and clears it once saved", async () => {
    const api = {
      stores: vi.fn(async () => ({ items: [store] })),
      createStore: vi.fn().mockRejectedValueOnce(offline()).mockResolvedValue({ id: "s2" }),
    } satisfies Partial<Api>;
    const first = renderUi(<StoresAdmin />, { api });
    await settle();
    fire("click", getByRole(first, "button", { name: "+ New store" }));
    type(getByLabelText(first, "Store name"), "Sightline Thủ Đức");
    fire("submit", first.querySelector("form.store-form"));
    await settle();
    expect(first.querySelector('[role="alert"]')?.textContent).toContain("Cannot reach the server");
    expect(valueIn(getByLabelText(first, "Store name"))).toBe("Sightline Thủ Đức");
    unmount(first);

    // Reload: the draft is back, and the form says so.
    const el = renderUi(<StoresAdmin />, { api });
    await settle();
    fire("click", getByRole(el, "button", { name: "+ New store" }));
    expect(valueIn(getByLabelText(el, "Store name"))).toBe("Sightline Thủ Đức");
    expect(getByText(el, "Your unsaved draft was restored.")).toBeTruthy();

    fire("submit", el.querySelector("form.store-form"));
    await settle();
    expect(api.createStore).toHaveBeenLastCalledWith(
      expect.objectContaining({ name: "Sightline Thủ Đức" }),
    );
    expect(drafts()).toEqual([]);
  });

  it("keeps an edit of a store over the server's values until saved, then shows what was saved", async () => {
    const api = {
      stores: vi.fn(async () => ({ items: [store] })),
      patchStore: vi.fn(async () => ({ ...store, name: "Sightline Q1 (mới)" })),
    } satisfies Partial<Api>;
    const first = renderUi(<StoresAdmin />, { api });
    await settle();
    type(getByLabelText(first, "Store name"), "Sightline Q1 (mới)");
    unmount(first);

    const el = renderUi(<StoresAdmin />, { api });
    await settle();
    expect(valueIn(getByLabelText(el, "Store name"))).toBe("Sightline Q1 (mới)");
    fire("submit", el.querySelector("form.store-form"));
    await settle();
    expect(api.patchStore).toHaveBeenCalledWith(
      "s1",
      expect.objectContaining({ name: "Sightline Q1 (mới)" }),
    );
    expect(drafts()).toEqual([]);
    expect(valueIn(getByLabelText(el, "Store name"))).toBe("Sightline Q1 (mới)");
    expect(el.querySelector(".draft-note")).toBeNull();
  });
});

describe("competitor form drafts", () => {
  it("keeps a new competitor's name and domains through a reload and empties once saved", async () => {
    const api = {
      competitors: vi.fn(async () => ({ items: [] })),
      createCompetitor: vi.fn().mockRejectedValueOnce(offline()).mockResolvedValue({ id: "c1" }),
    } satisfies Partial<Api>;
    const first = renderUi(<CompetitorsAdmin />, { api, locale: "vi" });
    await settle();
    type(getByLabelText(first, "Tên đối thủ"), "Điện Máy Xanh");
    fire("submit", first.querySelector("form"));
    await settle();
    expect(first.querySelector('[role="alert"]')?.textContent).toContain(
      "Không kết nối được máy chủ",
    );
    expect(valueIn(getByLabelText(first, "Tên đối thủ"))).toBe("Điện Máy Xanh");
    unmount(first);

    const el = renderUi(<CompetitorsAdmin />, { api, locale: "vi" });
    await settle();
    expect(valueIn(getByLabelText(el, "Tên đối thủ"))).toBe("Điện Máy Xanh");
    expect(getByText(el, "Đã khôi phục bản nháp chưa lưu.")).toBeTruthy();
    fire("submit", el.querySelector("form"));
    await settle();
    expect(api.createCompetitor).toHaveBeenLastCalledWith({ name: "Điện Máy Xanh", domains: [] });
    expect(drafts()).toEqual([]);
    expect(valueIn(getByLabelText(el, "Tên đối thủ"))).toBe("");
  });
});

describe("people form drafts", () => {
  const people = [
    {
      id: "a1",
      email: "admin@example.vn",
      name: "Quản trị",
      role: "admin" as const,
      createdAt: "",
    },
    { id: "u2", email: "lan@example.vn", name: "Lan", role: "viewer" as const, createdAt: "" },
  ];

  it("keeps a new person's name, email and role (never the password) through a reload", async () => {
    const api = {
      users: vi.fn(async () => ({ items: people })),
      createUser: vi.fn().mockRejectedValueOnce(offline()).mockResolvedValue({ id: "u3" }),
    } satisfies Partial<Api>;
    const first = renderUi(<PeopleAdmin />, { api, user: ADMIN });
    await settle();
    const form = () => first.querySelector("form") as HTMLFormElement;
    type(getByLabelText(form(), "Name"), "Minh");
    type(getByLabelText(form(), "Email"), "minh@example.vn");
    fire("change", form().querySelector("select"), { target: { value: "marketer" } });
    type(form().querySelector('input[type="password"]'), "mot mat khau dai");
    fire("submit", form());
    await settle();
    expect(valueIn(getByLabelText(form(), "Email"))).toBe("minh@example.vn");
    expect(JSON.stringify({ ...localStorage })).not.toContain("mot mat khau dai");
    unmount(first);

    const el = renderUi(<PeopleAdmin />, { api, user: ADMIN });
    await settle();
    const again = el.querySelector("form") as HTMLFormElement;
    expect(valueIn(getByLabelText(again, "Name"))).toBe("Minh");
    expect(valueIn(getByLabelText(again, "Email"))).toBe("minh@example.vn");
    expect(valueIn(again.querySelector("select"))).toBe("marketer");
    expect(valueIn(again.querySelector('input[type="password"]'))).toBe("");
    expect(getByText(el, "Your unsaved draft was restored.")).toBeTruthy();

    type(again.querySelector('input[type="password"]'), "mot mat khau dai");
    fire("submit", again);
    await settle();
    expect(api.createUser).toHaveBeenLastCalledWith({
      email: "minh@example.vn",
      password: "mot mat khau dai",
      role: "marketer",
      name: "Minh",
    });
    expect(drafts()).toEqual([]);
    expect(valueIn(getByLabelText(again, "Email"))).toBe("");
  });

  it("keeps a person's edit open with what was typed through a reload, and clears it once saved", async () => {
    const api = {
      users: vi.fn(async () => ({ items: people })),
      patchUser: vi.fn(async () => ({})),
    } satisfies Partial<Api>;
    const rowOf = (el: HTMLElement) =>
      [...el.querySelectorAll("tbody tr")].find((r) =>
        r.textContent?.includes("lan@example.vn"),
      ) as HTMLElement;
    const first = renderUi(<PeopleAdmin />, { api, user: ADMIN });
    await settle();
    fire("click", getByRole(rowOf(first), "button", { name: "Edit" }));
    type(rowOf(first).querySelector("input"), "Lan Anh");
    unmount(first);

    const el = renderUi(<PeopleAdmin />, { api, user: ADMIN });
    await settle();
    expect(valueIn(rowOf(el).querySelector("input"))).toBe("Lan Anh");
    fire("click", getByRole(rowOf(el), "button", { name: "Save" }));
    await settle();
    expect(api.patchUser).toHaveBeenCalledWith("u2", { name: "Lan Anh", role: "viewer" });
    expect(drafts()).toEqual([]);
    expect(rowOf(el).querySelector("input")).toBeNull();
  });
});
