// @vitest-environment happy-dom
// The People page and the audit log against a fake API (issue 18): an admin
// edits a person's name and role, disables them, issues a reset code shown
// once, deletes them after confirming; the last admin refusal and a wrong
// current password read in the user's language, and what was typed stays.
// The audit page filters, pages with the cursor and exports a CSV that a
// spreadsheet cannot read as formulas.
import type { AuditEvent } from "@sightline/shared/schema/audit";
import { afterEach, describe, expect, it, vi } from "vitest";
import { fire, renderUi, settle, TEST_USER } from "../../test/support/render.tsx";
import type { Api } from "../api/client.ts";
import { ApiError } from "../api/problem.ts";
import type { User } from "../api/types.ts";
import { AccountCard } from "./account-card.tsx";
import { AuditAdmin, auditCsv, auditQuery, csvCell } from "./audit-admin.tsx";
import { groupCode, PeopleAdmin } from "./people-admin.tsx";

const ADMIN: User = { ...TEST_USER, id: "a1", email: "admin@example.vn", role: "admin" };
const people = [
  { id: "a1", email: "admin@example.vn", name: "Quản trị", role: "admin" as const, createdAt: "" },
  { id: "u2", email: "lan@example.vn", name: "Lan", role: "viewer" as const, createdAt: "" },
  {
    id: "u3",
    email: "deleted-u3@deleted.invalid",
    name: "Hoa",
    role: "manager" as const,
    createdAt: "",
    deleted: true,
  },
];
const problem = (status: number, slug: string) =>
  new ApiError(status, "x", "server english", [], `urn:sightline:problem:${slug}`);

const rowOf = (el: HTMLElement, text: string) =>
  [...el.querySelectorAll("tbody tr")].find((r) => r.textContent?.includes(text)) as HTMLElement;
const button = (el: Element, label: string) =>
  [...el.querySelectorAll("button")].find((b) => b.textContent === label) as HTMLButtonElement;

afterEach(() => vi.restoreAllMocks());

describe("People page (admin)", () => {
  it("edits, disables, resets and deletes; deleted people are hidden until asked", async () => {
    const api = {
      users: vi.fn(async () => ({ items: people })),
      patchUser: vi.fn(async () => ({})),
      deleteUser: vi.fn(async () => ({})),
      issuePasswordReset: vi.fn(async () => ({
        code: "ABCDEFGHJKMN",
        expiresAt: "2026-03-11T08:00:00.000Z",
      })),
    } satisfies Partial<Api>;
    const el = renderUi(<PeopleAdmin />, { api, user: ADMIN });
    await settle();
    expect(el.textContent).toContain("lan@example.vn");
    expect(el.textContent).not.toContain("Hoa");
    fire("click", el.querySelector('input[type="checkbox"]'));
    expect(rowOf(el, "Hoa").textContent).toContain("Deleted");

    const lan = () => rowOf(el, "lan@example.vn");
    fire("click", button(lan(), "Edit"));
    const name = lan().querySelector("input") as HTMLInputElement;
    fire("input", name, { target: { value: "Lan Anh" } });
    const role = lan().querySelector("select") as HTMLSelectElement;
    fire("change", role, { target: { value: "manager" } });
    fire("click", button(lan(), "Save"));
    await settle();
    expect(api.patchUser).toHaveBeenCalledWith("u2", { name: "Lan Anh", role: "manager" });

    fire("click", button(lan(), "Disable"));
    await settle();
    expect(api.patchUser).toHaveBeenLastCalledWith("u2", { disabled: true });

    fire("click", button(lan(), "Reset password"));
    await settle();
    expect(el.querySelector(".issued-code")?.textContent).toBe("ABCD EFGH JKMN");
    expect(el.textContent).toContain("shown once");

    const confirm = vi.fn(() => true);
    Object.defineProperty(window, "confirm", { value: confirm, configurable: true });
    fire("click", button(lan(), "Delete"));
    await settle();
    expect(confirm).toHaveBeenCalledWith(expect.stringContaining("what they recorded stays"));
    expect(api.deleteUser).toHaveBeenCalledWith("u2");
    expect(el.textContent).toContain("Deleted lan@example.vn");
  });

  it("says why the last admin cannot be demoted, in Vietnamese, and keeps the edit open", async () => {
    const api = {
      users: vi.fn(async () => ({ items: people })),
      patchUser: vi.fn(async () => {
        throw problem(409, "last-admin");
      }),
    } satisfies Partial<Api>;
    const el = renderUi(<PeopleAdmin />, { api, user: ADMIN, locale: "vi" });
    await settle();
    const me = () => rowOf(el, "admin@example.vn");
    fire("click", button(me(), "Sửa"));
    fire("change", me().querySelector("select"), { target: { value: "viewer" } });
    fire("click", button(me(), "Lưu"));
    await settle();
    expect(el.querySelector('[role="alert"]')?.textContent).toContain(
      "cần ít nhất một quản trị viên",
    );
    expect(el.textContent).not.toContain("server english");
    expect((me().querySelector("select") as HTMLSelectElement).value).toBe("viewer");
  });

  it("shows no admin actions to a manager", async () => {
    const el = renderUi(<PeopleAdmin />, {
      api: { users: vi.fn(async () => ({ items: people })) },
    });
    await settle();
    expect(button(el, "Edit")).toBeUndefined();
    expect(el.textContent).toContain("Your account");
  });
});

describe("own account", () => {
  it("keeps what was typed when the current password is wrong, and says so", async () => {
    const api = {
      changePassword: vi.fn(async () => {
        throw problem(403, "wrong-password");
      }),
    } satisfies Partial<Api>;
    const el = renderUi(<AccountCard />, { api });
    const [current, next] = [...el.querySelectorAll("input")] as HTMLInputElement[];
    fire("input", current, { target: { value: "old one here" } });
    fire("input", next, { target: { value: "a new long one" } });
    fire("submit", el.querySelector("form"));
    await settle();
    expect(api.changePassword).toHaveBeenCalledWith({
      current: "old one here",
      next: "a new long one",
    });
    expect(el.textContent).toContain("The current password is not right.");
    expect((next as HTMLInputElement).value).toBe("a new long one");
  });
});

describe("audit page", () => {
  const event = (i: number, o: Partial<AuditEvent> = {}): AuditEvent => ({
    id: `e${i}`,
    type: "sign-in",
    at: "2026-03-10T08:00:00.000Z",
    actorType: "user",
    actorId: "a1",
    actorLabel: "admin@example.vn",
    targetType: "user",
    targetId: "a1",
    targetLabel: "admin@example.vn",
    address: "203.0.113.7",
    detail: {},
    ...o,
  });

  it("filters, follows the cursor and labels events in the user's language", async () => {
    const audit = vi.fn(async (q: { cursor?: string; type?: string }) =>
      q.cursor
        ? { items: [event(3)], nextCursor: null }
        : {
            items: [
              event(1, { type: "role-change", detail: { from: "viewer", to: "manager" } }),
              event(2),
            ],
            nextCursor: "c1",
          },
    );
    const el = renderUi(<AuditAdmin />, {
      api: { audit, users: vi.fn(async () => ({ items: people })) } as Partial<Api>,
      user: ADMIN,
      locale: "vi",
    });
    await settle();
    expect(el.textContent).toContain("Đổi vai trò");
    expect(el.textContent).toContain("from=viewer, to=manager");
    fire("click", button(el, "Tải thêm"));
    await settle();
    expect(audit).toHaveBeenLastCalledWith(expect.objectContaining({ cursor: "c1" }));
    expect(el.querySelectorAll("tbody tr")).toHaveLength(3);
    fire("change", el.querySelector("select"), { target: { value: "pairing" } });
    await settle();
    expect(audit).toHaveBeenLastCalledWith(expect.objectContaining({ type: "pairing" }));
  });

  it("is for admins only", () => {
    const el = renderUi(<AuditAdmin />, { api: { audit: vi.fn(), users: vi.fn() } as never });
    expect(el.textContent).toContain("Only admins can read the audit log.");
  });

  it("exports CSV with every field, quoted, never a formula", () => {
    const csv = auditCsv([
      event(1, { actorLabel: '=HYPERLINK("x")', detail: { email: "a,b@example.vn", n: 2 } }),
    ]);
    const [head, row] = csv.replace(/^\uFEFF/, "").split("\r\n");
    expect(head).toBe("at,type,actorType,actorId,actor,targetType,targetId,target,address,detail");
    expect(row).toContain(`"'=HYPERLINK(""x"")"`);
    expect(row).toContain(`"email=a,b@example.vn, n=2"`);
    expect(csvCell("-1")).toBe("'-1");
    expect(groupCode("ABCDEFGH")).toBe("ABCD EFGH");
  });

  it("turns local days into instants, the `to` day included", () => {
    const q = auditQuery({ type: "", actor: "", from: "2026-03-01", to: "2026-03-01" });
    expect(Date.parse(q.to as string) - Date.parse(q.from as string)).toBe(86_400_000);
  });
});
