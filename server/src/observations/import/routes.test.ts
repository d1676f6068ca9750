// POST /v1/observations/import over HTTP: CSV and JSON lines, per-row
// errors with good rows kept, idempotency (the same file twice adds
// nothing), imported rows in journals as their own kind of data, roles.
import { afterEach, describe, expect, it } from "vitest";
import { storeObservation } from "../../../test/support/mutations.ts";
import { createTestApp, type TestApp } from "../../../test/support/test-app.ts";

let t: TestApp;
afterEach(() => t?.close());

const CSV = [
  "Mã;Ngày;Nội dung;Lý do;Nhu cầu",
  "T-1;12/03/2026 09:30;Khách gọi hỏi giá túi Classic;So với web đối thủ;price",
  'T-2;13/03/2026 10:00;"Phàn nàn: ""đắt hơn bên kia""";;price',
  "T-3;không rõ;Hỏi bảo hành;;",
  "T-4;14/03/2026 11:00;Hỏi giờ mở cửa;;access",
].join("\r\n");

const asJson = async (res: Response, status = 200) => {
  const body = await res.json();
  expect(res.status, JSON.stringify(body)).toBe(status);
  return body;
};

describe("POST /v1/observations/import", () => {
  it("imports CSV rows, reports bad rows, and adds nothing when the same file comes again", async () => {
    t = await createTestApp();
    const manager = await t.loginAs("manager");
    const send = () =>
      t.request(
        `/v1/observations/import?source=${encodeURIComponent("Tổng đài")}&timeZone=Asia/Ho_Chi_Minh`,
        {
          method: "POST",
          token: manager.token,
          headers: { "content-type": "text/csv; charset=utf-8" },
          body: CSV,
        },
      );
    const first = await asJson(await send());
    expect(first).toMatchObject({ source: "Tổng đài", received: 4, created: 3, duplicates: 0 });
    expect(first.errors).toEqual([
      {
        line: 4,
        rowId: "T-3",
        errors: [{ path: "capturedAt", message: 'cannot read the time "không rõ"' }],
      },
    ]);
    const again = await asJson(await send());
    expect(again).toMatchObject({ received: 4, created: 0, duplicates: 3, createdIds: [] });
    const all = await asJson(
      await t.request("/v1/observations?channel=import", { token: manager.token }),
    );
    expect(all.items).toHaveLength(3);
    const row = all.items.find((o: { sourceRowId: string }) => o.sourceRowId === "T-2");
    expect(row).toMatchObject({
      channel: "import",
      method: "import",
      source: "Tổng đài",
      what: 'Phàn nàn: "đắt hơn bên kia"',
      capturedAt: "2026-03-13T10:00:00+07:00",
      needs: ["price"],
      createdBy: "server-import",
    });
  });

  it("takes a JSON body with JSON lines and an explicit mapping", async () => {
    t = await createTestApp();
    const jsonl = [
      '{"ticket":"A1","at":"2026-03-10T08:00:00Z","text":"Giao hàng trễ 3 ngày","tags":["giao hàng"]}',
      '{"ticket":"A2","at":"2026-03-11T08:00:00Z","text":""}',
      "{broken",
    ].join("\n");
    const body = await asJson(
      await t.request("/v1/observations/import", {
        method: "POST",
        token: t.admin.token,
        json: {
          source: "CRM",
          format: "jsonl",
          content: jsonl,
          rowIdColumn: "ticket",
          mapping: { capturedAt: "at", what: "text" },
          defaults: { needs: ["reliability"], storeId: t.storeId },
        },
      }),
    );
    expect(body).toMatchObject({ received: 3, created: 1 });
    expect(body.errors.map((e: { line: number }) => e.line)).toEqual([2, 3]);
    const [obs] = (
      await asJson(await t.request("/v1/observations?channel=import", { token: t.admin.token }))
    ).items;
    expect(obs).toMatchObject({
      needs: ["reliability"],
      tags: ["giao hàng"],
      storeId: t.storeId,
      sourceRowId: "A1",
    });
  });

  it("fails the whole file only when it cannot be read", async () => {
    t = await createTestApp();
    const res = await t.request("/v1/observations/import?source=x", {
      method: "POST",
      token: t.admin.token,
      headers: { "content-type": "text/csv" },
      body: 'id,what\n1,"never closed',
    });
    expect(res.status).toBe(400);
    expect((await res.json()).errors).toEqual([
      { path: "line 2", message: "a quoted field is never closed" },
    ]);
    const noSource = await t.request("/v1/observations/import", {
      method: "POST",
      token: t.admin.token,
      headers: { "content-type": "text/csv" },
      body: "id,what\n1,a",
    });
    expect(noSource.status).toBe(400);
    const unknownStore = await t.request("/v1/observations/import", {
      method: "POST",
      token: t.admin.token,
      json: { source: "x", format: "csv", content: "id,date,what,store\n1,2026-03-01,a,nope" },
    });
    expect((await unknownStore.json()).errors[0].errors).toEqual([
      { path: "storeId", message: 'no store named "nope"' },
    ]);
  });

  it("is for admins and managers only", async () => {
    t = await createTestApp();
    const viewer = await t.loginAs("viewer");
    const marketer = await t.loginAs("marketer");
    const kiosk = await t.pair("staff");
    for (const token of [viewer.token, marketer.token, kiosk.token]) {
      const res = await t.request("/v1/observations/import?source=x", {
        method: "POST",
        token,
        headers: { "content-type": "text/csv" },
        body: CSV,
      });
      expect(res.status).toBe(403);
    }
  });

  it("counts each import source as its own kind of data in a journal", async () => {
    t = await createTestApp();
    const kiosk = await t.pair("staff");
    const tap = storeObservation(1, kiosk, { what: "Hỏi giá" });
    await t.push(kiosk, [tap]);
    const imp = async (source: string, id: string) =>
      (
        await asJson(
          await t.request(`/v1/observations/import?source=${source}`, {
            method: "POST",
            token: t.admin.token,
            headers: { "content-type": "text/csv" },
            body: `id,date,what\n${id},2026-03-01,Đắt quá`,
          }),
        )
      ).createdIds[0];
    const crm = await imp("CRM", "1");
    const survey = await imp("Survey", "1");
    expect(crm).not.toBe(survey);
    const j = await asJson(
      await t.request("/v1/journals", {
        method: "POST",
        token: t.admin.token,
        json: { title: "Giá" },
      }),
      201,
    );
    const { insight } = await asJson(
      await t.request(`/v1/journals/${j.id}/insights`, {
        method: "POST",
        token: t.admin.token,
        json: {
          statement: "Giá cao",
          evidence: [crm, survey].map((observationId) => ({ observationId, stance: "supports" })),
        },
      }),
      201,
    );
    expect(insight.corroboration).toMatchObject({
      channels: 2,
      singleSource: false,
      dataTypes: ["import:crm", "import:survey"],
    });
    const page = await asJson(await t.request(`/v1/journals/${j.id}`, { token: t.admin.token }));
    expect(page.stats.byChannel).toEqual({ import: 2, store: 1 });
  });
});
