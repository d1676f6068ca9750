// Import by name and dry run over HTTP (issue 15): a "Cửa hàng" column of
// store names (any case, with or without accents) and a competitor column
// of names map to ids; unknown and ambiguous names are row errors that say
// so; `dryRun: true` checks every row and writes nothing; importing again
// says how many rows were already there. PostgreSQL through
// journals/routes.postgres.test.ts.
import { afterEach, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/support/test-app.ts";

let t: TestApp;
afterEach(() => t?.close());

const asJson = async (res: Response, status = 200) => {
  const body = await res.json();
  expect(res.status, JSON.stringify(body)).toBe(status);
  return body;
};

async function competitor(name: string) {
  return (
    await asJson(
      await t.request("/v1/competitors", {
        method: "POST",
        token: t.admin.token,
        json: { name, domains: [] },
      }),
      201,
    )
  ).id as string;
}

const CSV = [
  "Mã,Ngày,Nội dung,Cửa hàng,Đối thủ",
  "R1,2026-03-01 09:00,Khách hỏi giá,Sightline Quận 1,",
  "R2,2026-03-01 10:00,Khách chê đắt,sightline quan 1,Điện Máy Xanh",
  "R3,2026-03-01 11:00,Khách hỏi trả góp,SIGHTLINE QUẬN 1,dien may xanh",
  "R4,2026-03-01 12:00,Khách so giá,Quận 9,",
  "R5,2026-03-01 13:00,Khách xem máy,,Thế Giới",
].join("\n");

describe("import by name, dry run, re-import", () => {
  it("maps store and competitor names to ids and reports unknown or ambiguous names", async () => {
    t = await createTestApp();
    const dmx = await competitor("Điện Máy Xanh");
    await competitor("Thế Giới");
    await competitor("the gioi");
    const body = await asJson(
      await t.request("/v1/observations/import", {
        method: "POST",
        token: t.admin.token,
        json: { source: "Khảo sát", format: "csv", content: CSV, timeZone: "Asia/Ho_Chi_Minh" },
      }),
    );
    expect(body).toMatchObject({ received: 5, created: 3, duplicates: 0, errorCount: 2 });
    expect(body.errors).toEqual([
      { line: 5, rowId: "R4", errors: [{ path: "storeId", message: 'no store named "Quận 9"' }] },
      {
        line: 6,
        rowId: "R5",
        errors: [
          {
            path: "competitorId",
            message: `"Thế Giới" names 2 competitors; use the competitor's id`,
          },
        ],
      },
    ]);
    const items = (
      await asJson(await t.request("/v1/observations?channel=import", { token: t.admin.token }))
    ).items as { sourceRowId: string; storeId?: string; competitorId?: string }[];
    const byRow = Object.fromEntries(items.map((i) => [i.sourceRowId, i]));
    for (const r of ["R1", "R2", "R3"]) expect(byRow[r]?.storeId).toBe(t.storeId);
    expect(byRow.R1?.competitorId).toBeUndefined();
    expect(byRow.R2?.competitorId).toBe(dmx);
    expect(byRow.R3?.competitorId).toBe(dmx);
    // An id still works.
    const byId = await asJson(
      await t.request("/v1/observations/import", {
        method: "POST",
        token: t.admin.token,
        json: {
          source: "Khảo sát",
          format: "csv",
          content: `Mã,Ngày,Nội dung,Cửa hàng\nR9,2026-03-02,ok,${t.storeId}`,
        },
      }),
    );
    expect(byId).toMatchObject({ created: 1, errorCount: 0 });
  });

  it("dry-runs without writing, then imports, then says the rows are already there", async () => {
    t = await createTestApp();
    await competitor("Điện Máy Xanh");
    await competitor("Thế Giới");
    const send = (dryRun: boolean) =>
      t.request("/v1/observations/import", {
        method: "POST",
        token: t.admin.token,
        json: { source: "Khảo sát", format: "csv", content: CSV, dryRun },
      });
    const count = async () =>
      (await asJson(await t.request("/v1/observations?channel=import", { token: t.admin.token })))
        .items.length;
    const version = async () => (await t.db.getWorkspace(t.workspaceId))?.version;
    const before = await version();
    const dry = await asJson(await send(true));
    expect(dry).toMatchObject({
      dryRun: true,
      received: 5,
      created: 4,
      duplicates: 0,
      createdIds: [],
    });
    expect(dry.errors.map((e: { rowId: string }) => e.rowId)).toEqual(["R4"]);
    expect(await count()).toBe(0);
    expect(await version()).toBe(before);
    const real = await asJson(await send(false));
    expect(real).toMatchObject({ received: 5, created: 4, duplicates: 0 });
    expect(real.dryRun).toBeUndefined();
    expect(await count()).toBe(4);
    const dryAgain = await asJson(await send(true));
    expect(dryAgain).toMatchObject({ dryRun: true, created: 0, duplicates: 4 });
    const again = await asJson(await send(false));
    expect(again).toMatchObject({ created: 0, duplicates: 4, createdIds: [] });
    expect(await count()).toBe(4);
    // The raw-file form takes ?dryRun=true.
    const raw = await asJson(
      await t.request("/v1/observations/import?source=Other&dryRun=true", {
        method: "POST",
        token: t.admin.token,
        headers: { "content-type": "text/csv" },
        body: CSV,
      }),
    );
    expect(raw).toMatchObject({ dryRun: true, created: 4, duplicates: 0 });
    expect(await count()).toBe(4);
  });

  it("previews a file: columns, the guessed mapping, the row id column and the first rows", async () => {
    t = await createTestApp();
    const preview = await asJson(
      await t.request("/v1/observations/import/preview", {
        method: "POST",
        token: t.admin.token,
        json: { format: "csv", content: CSV },
      }),
    );
    expect(preview).toEqual({
      format: "csv",
      columns: ["Mã", "Ngày", "Nội dung", "Cửa hàng", "Đối thủ"],
      mapping: {
        what: "Nội dung",
        capturedAt: "Ngày",
        storeId: "Cửa hàng",
        competitorId: "Đối thủ",
      },
      rowIdColumn: "Mã",
      rows: expect.any(Array),
      total: 5,
    });
    expect(preview.rows[4]).toEqual({
      Mã: "R5",
      Ngày: "2026-03-01 13:00",
      "Nội dung": "Khách xem máy",
      "Cửa hàng": "",
      "Đối thủ": "Thế Giới",
    });
    const none = await asJson(
      await t.request("/v1/observations/import/preview", {
        method: "POST",
        token: t.admin.token,
        json: { format: "jsonl", content: '{"a":"x","date":"2026-03-01"}' },
      }),
    );
    expect(none).toMatchObject({
      columns: ["a", "date"],
      mapping: { capturedAt: "date" },
      total: 1,
    });
    const viewer = await t.loginAs("viewer");
    expect(
      (
        await t.request("/v1/observations/import/preview", {
          method: "POST",
          token: viewer.token,
          json: { content: CSV },
        })
      ).status,
    ).toBe(403);
  });

  it("reads no column for a field the mapping sets to null (“— none —” on the screen)", async () => {
    t = await createTestApp();
    const res = await t.request("/v1/observations/import", {
      method: "POST",
      token: t.admin.token,
      json: {
        source: "Khảo sát",
        format: "csv",
        content: CSV,
        mapping: { storeId: null, competitorId: null },
      },
    });
    // R4's unknown store and R5's unknown competitor are not read, so every row goes in.
    expect(await asJson(res)).toMatchObject({ received: 5, created: 5, errorCount: 0 });
    const items = (
      await asJson(await t.request("/v1/observations?channel=import", { token: t.admin.token }))
    ).items as Array<Record<string, unknown>>;
    expect(items).toHaveLength(5);
    for (const o of items) {
      expect(o.storeId).toBeUndefined();
      expect(o.competitorId).toBeUndefined();
    }
  });
});
