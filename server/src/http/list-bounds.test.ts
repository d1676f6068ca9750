// Every response has a size bound (issue 18): journals and devices, which
// grow with use, are cursor pages (`?cursor=&limit=` → `{items, nextCursor}`,
// keyset, so an item added while paging is neither skipped nor repeated);
// stores, competitors and people, which stay small, are capped at LIST_CAP
// with the exact `total` and a `truncated` flag. Runs again on PostgreSQL
// (journals/routes.postgres.test.ts).
import { afterEach, describe, expect, it } from "vitest";
import { createTestApp, TEST_STORE, type TestApp } from "../../test/support/test-app.ts";
import { LIST_CAP } from "./list-page.ts";

let t: TestApp;
afterEach(() => t?.close());

type Page = { items: { id: string }[]; nextCursor?: string | null };

async function get<T>(path: string, token = t.admin.token): Promise<{ status: number; body: T }> {
  const res = await t.request(path, { token });
  return { status: res.status, body: (await res.json()) as T };
}

async function newJournal(title: string): Promise<string> {
  const res = await t.request("/v1/journals", {
    method: "POST",
    token: t.admin.token,
    json: { title, question: "Vì sao?", goal: "Hiểu khách", scope: {} },
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

/** Follow nextCursor from `first` to the end; every page at most `limit` long. */
async function walk(path: string, limit: number): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null | undefined;
  for (let i = 0; i < 50; i++) {
    const sep = path.includes("?") ? "&" : "?";
    const q = `${sep}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`;
    const { status, body } = await get<Page>(`${path}${q}`);
    expect(status).toBe(200);
    expect(body.items.length).toBeLessThanOrEqual(limit);
    ids.push(...body.items.map((x) => x.id));
    cursor = body.nextCursor;
    if (!cursor) return ids;
  }
  throw new Error("the cursor never ended");
}

describe("bounded list answers", () => {
  it("journals: cursor pages newest first; one added while paging is neither skipped nor repeated", async () => {
    t = await createTestApp();
    const made: string[] = [];
    for (let i = 0; i < 5; i++) made.push(await newJournal(`Nhật ký ${i}`));
    const whole = await get<Page>("/v1/journals");
    expect(whole.status).toBe(200);
    expect(whole.body.items.map((j) => j.id)).toEqual([...made].reverse());
    expect(whole.body.nextCursor).toBeNull();

    const first = await get<Page>("/v1/journals?limit=2");
    expect(first.body.items.map((j) => j.id)).toEqual([made[4], made[3]]);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    await newJournal("Thêm trong lúc lật trang");
    const rest = await get<Page>(
      `/v1/journals?limit=2&cursor=${encodeURIComponent(first.body.nextCursor as string)}`,
    );
    expect(rest.body.items.map((j) => j.id)).toEqual([made[2], made[1]]);
    expect(await walk("/v1/journals", 2)).toHaveLength(6);
  });

  it("journals: a bad cursor or a limit over 200 is a 400", async () => {
    t = await createTestApp();
    expect((await get("/v1/journals?cursor=not-a-cursor")).status).toBe(400);
    expect((await get("/v1/journals?limit=201")).status).toBe(400);
    expect((await get("/v1/journals?limit=0")).status).toBe(400);
  });

  it("devices: cursor pages in pairing order, revoked ones included", async () => {
    t = await createTestApp();
    const paired = [];
    for (let i = 0; i < 5; i++) paired.push((await t.pair(i % 2 ? "marketer" : "staff")).deviceId);
    const whole = await get<Page>("/v1/devices");
    expect(whole.body.items.map((d) => d.id)).toEqual(paired);
    expect(whole.body.nextCursor).toBeNull();
    expect(await walk("/v1/devices", 2)).toEqual(paired);
  });

  it("stores over the cap: the first LIST_CAP, the exact total and truncated", async () => {
    t = await createTestApp();
    for (let i = 0; i < LIST_CAP; i++)
      await t.db.createStore(t.workspaceId, { ...TEST_STORE, name: `Cửa hàng ${i}` });
    const { status, body } = await get<Page & { total: number; truncated: boolean }>("/v1/stores");
    expect(status).toBe(200);
    expect(body.items).toHaveLength(LIST_CAP);
    expect(body.total).toBe(LIST_CAP + 1);
    expect(body.truncated).toBe(true);
  });

  it("competitors and people say their total and that nothing was left out", async () => {
    t = await createTestApp();
    const competitors = await get<Page & { total: number; truncated: boolean }>("/v1/competitors");
    expect(competitors.body).toMatchObject({
      total: competitors.body.items.length,
      truncated: false,
    });
    const people = await get<Page & { total: number; truncated: boolean }>("/v1/users");
    expect(people.body).toMatchObject({ total: 1, truncated: false });
    expect(people.body.items).toHaveLength(1);
  });
});
