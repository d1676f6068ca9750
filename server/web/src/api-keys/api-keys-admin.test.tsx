// @vitest-environment happy-dom
// The API keys page against a fake API (issue 19): an admin creates a key and
// sees it once with a copy button (gone once dismissed, never in the list),
// the list shows scope, hint, creator, last use and a suspended key's reason,
// revoking asks first; a refusal reads in Vietnamese with the name kept; a
// manager is told the page is for admins.
import type { ApiKey } from "@sightline/shared/schema/api-key";
import { afterEach, describe, expect, it, vi } from "vitest";
import { fire, renderUi, settle, TEST_USER } from "../../test/support/render.tsx";
import type { Api } from "../api/client.ts";
import { ApiError } from "../api/problem.ts";
import type { User } from "../api/types.ts";
import { ApiKeysAdmin } from "./api-keys-admin.tsx";

const ADMIN: User = { ...TEST_USER, id: "a1", email: "admin@example.vn", role: "admin" };
const SECRET = `slk_${"A".repeat(39)}Wx9Q`;
const key = (o: Partial<ApiKey>): ApiKey => ({
  id: "k1",
  name: "Power BI",
  scope: "read",
  hint: "Wx9Q",
  createdBy: { id: "a1", label: "Quản trị" },
  createdAt: "2026-12-01T08:00:00.000Z",
  lastUsedAt: null,
  revokedAt: null,
  state: "active",
  ...o,
});
const button = (el: Element, label: string) =>
  [...el.querySelectorAll("button")].find((b) => b.textContent === label) as HTMLButtonElement;
const rowOf = (el: HTMLElement, text: string) =>
  [...el.querySelectorAll("tbody tr")].find((r) => r.textContent?.includes(text)) as HTMLElement;

afterEach(() => vi.restoreAllMocks());

describe("API keys page", () => {
  it("creates a key shown once with copy, lists keys without secrets, revokes after confirming", async () => {
    let items: ApiKey[] = [
      key({
        id: "k2",
        name: "Nightly POS import",
        scope: "import",
        hint: "zz12",
        lastUsedAt: "2026-12-02T01:00:00.000Z",
      }),
      key({ id: "k3", name: "Old sheet", state: "creator-inactive", hint: "old1" }),
      key({ id: "k4", name: "Gone", state: "revoked", revokedAt: "2026-12-01T09:00:00.000Z" }),
    ];
    const api = {
      apiKeys: vi.fn(async () => ({ items })),
      createApiKey: vi.fn(async (input: { name: string; scope: string }) => {
        items = [key({ name: input.name, scope: input.scope as ApiKey["scope"] }), ...items];
        return { id: "k1", key: SECRET };
      }),
      revokeApiKey: vi.fn(async () => ({})),
    } satisfies Partial<Api>;
    const writeText = vi.fn(async () => {});
    Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
    const el = renderUi(<ApiKeysAdmin />, { api, user: ADMIN });
    await settle();

    expect(rowOf(el, "Nightly POS import").textContent).toContain("Import");
    expect(rowOf(el, "Nightly POS import").textContent).toContain("slk_…zz12");
    expect(rowOf(el, "Old sheet").textContent).toContain("Suspended");
    expect(rowOf(el, "Old sheet").textContent).toContain("no longer an admin");
    expect(el.textContent).not.toContain("Gone");
    fire("click", el.querySelector('input[type="checkbox"]'));
    expect(rowOf(el, "Gone").textContent).toContain("Revoked");

    const form = el.querySelector("form") as HTMLFormElement;
    fire("input", form.querySelector("input:not([type])"), { target: { value: " Power BI " } });
    fire("click", form.querySelector('input[value="read"]'));
    fire("submit", form);
    await settle();
    expect(api.createApiKey).toHaveBeenCalledWith({ name: "Power BI", scope: "read" });
    const secret = el.querySelector(".api-key-shown input") as HTMLInputElement;
    expect(secret.value).toBe(SECRET);
    expect(el.textContent).toContain("shown once");
    fire("click", button(el, "Copy"));
    await settle();
    expect(writeText).toHaveBeenCalledWith(SECRET);
    expect(button(el, "Copied")).toBeTruthy();
    // The list never holds the secret; dismissing drops it for good.
    expect(el.querySelector("table")?.textContent).not.toContain(SECRET);
    fire("click", button(el, "I have saved the key"));
    expect(el.innerHTML).not.toContain(SECRET);

    const confirm = vi.fn(() => false);
    Object.defineProperty(window, "confirm", { value: confirm, configurable: true });
    fire("click", button(rowOf(el, "Nightly POS import"), "Revoke"));
    await settle();
    expect(confirm).toHaveBeenCalledWith(expect.stringContaining("Nightly POS import"));
    expect(api.revokeApiKey).not.toHaveBeenCalled();
    confirm.mockReturnValue(true);
    fire("click", button(rowOf(el, "Nightly POS import"), "Revoke"));
    await settle();
    expect(api.revokeApiKey).toHaveBeenCalledWith("k2");
    expect(el.textContent).toContain("Revoked the key “Nightly POS import”.");
  });

  it("says a refusal in Vietnamese and keeps the name typed", async () => {
    const api = {
      apiKeys: vi.fn(async () => ({ items: [] })),
      createApiKey: vi.fn(async () => {
        throw new ApiError(403, "x", "server english", [], "urn:sightline:problem:forbidden");
      }),
    } satisfies Partial<Api>;
    const el = renderUi(<ApiKeysAdmin />, { api, user: ADMIN, locale: "vi" });
    await settle();
    expect(el.textContent).toContain("Chưa có khoá API nào.");
    const form = el.querySelector("form") as HTMLFormElement;
    const name = form.querySelector("input:not([type])") as HTMLInputElement;
    fire("input", name, { target: { value: "Metabase" } });
    fire("submit", form);
    await settle();
    const alert = el.querySelector('[role="alert"]');
    expect(alert?.textContent).toBeTruthy();
    expect(alert?.textContent).not.toContain("server english");
    expect(name.value).toBe("Metabase");
  });

  it("tells a manager the page is for admins", async () => {
    const api = { apiKeys: vi.fn(async () => ({ items: [] })) } satisfies Partial<Api>;
    const el = renderUi(<ApiKeysAdmin />, { api, user: TEST_USER });
    await settle();
    expect(el.textContent).toContain("Only admins manage API keys.");
  });
});
