// GET /v1/journals/{id}/timeline over HTTP on the real app (SQLite here;
// PostgreSQL through journals/routes.postgres.test.ts): filters combined
// with exact totals over more than 1,000 observations, search by store and
// competitor name with marks, a cursor stable while pushes arrive, roles.
import { type Mutation, TimelinePageSchema } from "@sightline/shared";
import { afterEach, describe, expect, it } from "vitest";
import { storeObservation, webObservation } from "../../../test/support/mutations.ts";
import { createTestApp, type TestApp, type TestDevice } from "../../../test/support/test-app.ts";

let t: TestApp;
afterEach(() => t?.close());

const minute = (m: number) => new Date(Date.UTC(2026, 2, 1, 2, 0) + m * 60_000).toISOString();

async function pushAll(d: TestDevice, ms: Mutation[], first = 1) {
  for (let i = 0; i < ms.length; i += 500) {
    const batch = ms.slice(i, i + 500).map((m, j) => ({ ...m, seq: first + i + j }));
    const r = await t.push(d, batch);
    expect(r.status).toBe(200);
  }
  return first + ms.length;
}

async function journal(token: string, scope: Record<string, unknown> = {}) {
  const res = await t.request("/v1/journals", {
    method: "POST",
    token,
    json: { title: "Cả tháng", scope },
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

async function page(path: string, token = t.admin.token) {
  const res = await t.request(path, { token });
  const body = await res.json();
  expect(res.status, JSON.stringify(body)).toBe(200);
  return TimelinePageSchema.parse(body);
}

describe("journal timeline route", () => {
  it("filters the whole journal with exact totals (1,250 observations), names and marks", async () => {
    t = await createTestApp();
    const rival = await t.request("/v1/competitors", {
      method: "POST",
      token: t.admin.token,
      json: { name: "Điện Máy Xanh", domains: ["dienmay.example.vn"] },
    });
    expect(rival.status, await rival.clone().text()).toBe(201);
    const rivalId = ((await rival.json()) as { id: string }).id;
    const kiosk = await t.pair("staff");
    const ext = await t.pair("marketer");
    await pushAll(
      kiosk,
      Array.from({ length: 800 }, (_, i) =>
        storeObservation(0, kiosk, {
          what: i % 4 === 0 ? `Khách chê giá cao ${i}` : `Khách xem kệ ${i}`,
          capturedAt: minute(i),
          needs: i % 2 ? ["efficiency"] : ["price"],
          tags: i % 5 === 0 ? ["tết"] : [],
        }),
      ),
    );
    await pushAll(
      ext,
      Array.from({ length: 450 }, (_, i) =>
        webObservation(0, ext, {
          what: `Túi giảm ${i}`,
          capturedAt: minute(i + 0.5),
          competitorId: i % 3 === 0 ? rivalId : undefined,
          needs: ["price"],
        }),
      ),
    );
    const id = await journal(t.admin.token);
    const base = `/v1/journals/${id}/timeline`;
    const all = await page(`${base}?limit=5`);
    expect(all.total).toBe(1250);
    expect(all.order).toBe("newest");
    expect(all.items.map((i) => i.capturedAt)).toEqual(
      [...all.items.map((i) => i.capturedAt)].sort().reverse(),
    );
    expect((await page(`${base}?channel=web&limit=1`)).total).toBe(450);
    expect((await page(`${base}?channel=web&channel=store&limit=1`)).total).toBe(1250);
    expect((await page(`${base}?channel=store&need=price&limit=1`)).total).toBe(400);
    expect((await page(`${base}?channel=store&need=price&tag=t%E1%BA%BFt&limit=1`)).total).toBe(80);
    expect((await page(`${base}?competitorId=${rivalId}&limit=1`)).total).toBe(150);
    expect((await page(`${base}?storeId=${t.storeId}&limit=1`)).total).toBe(800);
    // Dates read in the workspace's time zone (Asia/Ho_Chi_Minh, UTC+7):
    // 2026-03-01 runs 2026-02-28T17:00Z to 2026-03-01T17:00Z; the rows start
    // 02:00Z, so minutes 0..899 of the 800 + 450 fall on that day.
    expect((await page(`${base}?from=2026-03-01&to=2026-03-01&limit=1`)).total).toBe(1250);
    expect((await page(`${base}?from=2026-03-02&limit=1`)).total).toBe(0);

    // Search: accent-insensitive, with the rival's name, ranked, marked.
    const gia = await page(`${base}?q=GIA&channel=store&need=price&limit=3`);
    expect(gia.total).toBe(200);
    expect(gia.order).toBe("relevance");
    expect(gia.items[0]?.marks?.what?.[0]).toEqual([10, 13]);
    expect(gia.items[0]?.score).toBeGreaterThan(0);
    const byName = await page(`${base}?q=dien%20may%20xanh&limit=2`);
    expect(byName.total).toBe(150);
    expect(byName.items[0]).toMatchObject({
      competitorName: "Điện Máy Xanh",
      marks: {
        competitorName: [
          [0, 4],
          [5, 8],
          [9, 13],
        ],
      },
    });
    const byStore = await page(`${base}?q=quan%201&channel=store&limit=1`);
    expect(byStore.total).toBe(800);
    expect(byStore.items[0]?.storeName).toBe("Sightline Quận 1");
  });

  it("walks every row once while pushes arrive, newest first and by relevance", async () => {
    t = await createTestApp();
    const ext = await t.pair("marketer");
    const first = Array.from({ length: 90 }, (_, i) =>
      webObservation(0, ext, { what: `Giá ${i} ${"rẻ ".repeat(i % 7)}`, capturedAt: minute(i) }),
    );
    let seq = await pushAll(ext, first);
    const id = await journal(t.admin.token);
    for (const query of ["", "&q=gia", "&q=gia%20re"]) {
      const seen: string[] = [];
      let cursor: string | null = null;
      let n = 0;
      do {
        const p = await page(
          `/v1/journals/${id}/timeline?limit=20${query}${cursor ? `&cursor=${cursor}` : ""}`,
        );
        seen.push(...p.items.map((i) => i.id));
        cursor = p.nextCursor;
        seq = await pushAll(
          ext,
          [
            webObservation(0, ext, { what: "Giá rẻ rẻ mới", capturedAt: minute(1000 + n) }),
            webObservation(0, ext, { what: "Giá cũ", capturedAt: minute(-100 - n) }),
          ],
          seq,
        );
        n++;
      } while (cursor && n < 50);
      expect(new Set(seen).size).toBe(seen.length);
      const wanted = query.includes("re") ? first.filter((_, i) => i % 7 > 0) : first;
      for (const m of wanted) expect(seen).toContain(m.id);
    }
  });

  it("is for people who read journals: 404 for an unknown journal, 403 for devices", async () => {
    t = await createTestApp();
    const id = await journal(t.admin.token);
    const viewer = await t.loginAs("viewer");
    expect((await t.request(`/v1/journals/${id}/timeline`, { token: viewer.token })).status).toBe(
      200,
    );
    const kiosk = await t.pair("staff");
    expect((await t.request(`/v1/journals/${id}/timeline`, { token: kiosk.token })).status).toBe(
      403,
    );
    expect(
      (await t.request(`/v1/journals/${crypto.randomUUID()}/timeline`, { token: viewer.token }))
        .status,
    ).toBe(404);
    expect(
      (await t.request(`/v1/journals/${id}/timeline?channel=fax`, { token: viewer.token })).status,
    ).toBe(400);
  });
});
