// The same text rules over HTTP, whatever the database: NUL and lone UTF-16
// surrogates are refused wherever a string comes in — a REST body (values
// and keys), a query string, a path parameter, a push envelope — with a 400
// problem, never a 500; inside pushed mutations they reject that one
// mutation (`invalid`) without blocking the queue; in an import they are a
// per-row error and the good rows still go in; a file that is not UTF-8 is a
// clear 400. Runs on PostgreSQL too (postgres.test.ts).
import { isWellFormedText } from "@sightline/shared";
import { afterEach, describe, expect, it } from "vitest";
import { webObservation } from "../support/mutations.ts";
import { createTestApp, type TestApp, type TestDevice } from "../support/test-app.ts";

let t: TestApp;
afterEach(() => t?.close());

const BAD = {
  "a lone high surrogate": "x\uD800y",
  "a lone low surrogate": "\uDFFFx",
  NUL: "a\u0000b",
} as const;
const BAD_CASES = Object.entries(BAD);

async function expectTextProblem(res: Response, what: string) {
  const text = await res.text();
  expect(res.status, `${what}: ${text.slice(0, 300)}`).toBe(400);
  expect(res.headers.get("content-type"), what).toBe("application/problem+json");
  const p = JSON.parse(text) as { detail: string; errors?: { path: string; message: string }[] };
  expect(JSON.stringify(p), what).toMatch(/invalid character/);
  return p;
}

const envelope = (d: TestDevice, mutations: unknown[], appVersion = "test") => ({
  protocol: 1,
  deviceId: d.deviceId,
  clientSchema: 1,
  appVersion,
  mutations,
});

describe("text rules over HTTP", () => {
  it("refuses a push whose appVersion holds NUL or a lone surrogate with a 400, writing nothing", async () => {
    t = await createTestApp();
    const x = await t.pair("marketer");
    for (const [name, s] of BAD_CASES) {
      const res = await t.request("/v1/sync/push", {
        method: "POST",
        token: x.token,
        json: envelope(x, [webObservation(1, x)], `1.0${s}`),
      });
      const p = await expectTextProblem(res, name);
      expect(
        p.errors?.map((e) => e.path),
        name,
      ).toContain("appVersion");
    }
    expect(await t.dumpAll()).toEqual([]);
    const dev = (await t.db.listDevices(t.workspaceId)).find((d) => d.id === x.deviceId);
    expect(dev).toMatchObject({ lastSeq: 0 });
  });

  it("rejects pushed mutations holding NUL or a lone surrogate (value or key) as invalid and applies the rest", async () => {
    t = await createTestApp();
    const x = await t.pair("marketer");
    const first = webObservation(1, x);
    expect((await t.push(x, [first])).status).toBe(200);
    let seq = 1;
    const bad: { seq: number; id: string }[] = [];
    const mutations: unknown[] = [];
    for (const s of Object.values(BAD)) {
      const m1 = webObservation(++seq, x, { what: s });
      const m2 = webObservation(++seq, x, { evidence: { quote: s } });
      const m3 = webObservation(++seq, x);
      (m3.fields as Record<string, unknown>)[s] = "x";
      const m4 = { ...webObservation(++seq, x), op: "obs.patch", id: first.id, fields: { who: s } };
      mutations.push(m1, m2, m3, m4);
      bad.push(m1, m2, m3, m4);
    }
    const good = webObservation(++seq, x, { what: "vẫn ghi được 😀" });
    const res = await t.request("/v1/sync/push", {
      method: "POST",
      token: x.token,
      json: envelope(x, [...mutations, good]),
    });
    const body = await res.json();
    expect(res.status, JSON.stringify(body)).toBe(200);
    expect(body.lastSeq).toBe(seq);
    expect(body.rejected.map((r: { seq: number; code: string }) => [r.seq, r.code])).toEqual(
      bad.map((m) => [m.seq, "invalid"]),
    );
    for (const r of body.rejected) expect(isWellFormedText(r.message), r.message).toBe(true);
    const ids = (await t.dumpAll()).map((e) => e.id).sort();
    expect(ids).toEqual([first.id, good.id].sort());
  });

  it("imports a device's unsent-data file holding a bad write as one refused write, the rest applied", async () => {
    t = await createTestApp();
    const x = await t.pair("marketer");
    const file = (appVersion: string, mutations: unknown[]) => ({
      format: "sightline-unsent",
      version: 1,
      deviceId: x.deviceId,
      workspaceId: t.workspaceId,
      kind: "extension",
      clientSchema: 1,
      appVersion,
      exportedAt: new Date().toISOString(),
      mutations,
    });
    const a = webObservation(1, x);
    const bad = webObservation(2, x, { what: "x\uD800y" });
    const keyed = webObservation(3, x);
    (keyed.fields as Record<string, unknown>)["k\u0000"] = 1;
    const b = webObservation(4, x, { what: "sau đó 𠀀" });
    const send = (body: unknown) =>
      t.request(`/v1/devices/${x.deviceId}/unsent`, {
        method: "POST",
        token: t.admin.token,
        json: body,
      });
    await expectTextProblem(await send(file("1.0\u0000", [a, b])), "appVersion with NUL");
    expect(await t.dumpAll()).toEqual([]);
    const res = await send(file("1.0", [a, bad, keyed, b]));
    const out = await res.json();
    expect(res.status, JSON.stringify(out)).toBe(200);
    expect(out).toMatchObject({ applied: 2, lastSeq: 4 });
    expect(out.rejected.map((r: { seq: number; code: string }) => [r.seq, r.code])).toEqual([
      [2, "invalid"],
      [3, "invalid"],
    ]);
    expect((await t.dumpAll()).map((e) => e.id).sort()).toEqual([a.id, b.id].sort());
  });

  it("answers NUL or a lone surrogate in any REST body value or key with a 400 problem", async () => {
    t = await createTestApp();
    const admin = t.admin.token;
    const journal = await (
      await t.request("/v1/journals", {
        method: "POST",
        token: admin,
        json: { title: "Giá", question: "Vì sao?", goal: "" },
      })
    ).json();
    const cases: [string, string, (s: string) => unknown][] = [
      ["POST", "/v1/stores", (s) => ({ name: s, timeZone: "Asia/Ho_Chi_Minh", zones: [] })],
      ["PATCH", `/v1/stores/${t.storeId}`, (s) => ({ zones: ["Cửa vào", s] })],
      ["POST", "/v1/competitors", (s) => ({ name: `Đối thủ ${s}`, domains: [] })],
      [
        "POST",
        "/v1/users",
        (s) => ({ email: "new@example.com", password: "long enough pw", role: "viewer", name: s }),
      ],
      ["POST", "/v1/users", (s) => ({ email: "n@example.com", password: `pw ${s} long enough` })],
      ["POST", "/v1/auth/login", (s) => ({ email: "admin@example.com", password: s })],
      ["POST", "/v1/pairing-codes", (s) => ({ role: "marketer", label: s })],
      ["POST", "/v1/journals", (s) => ({ title: s, question: "", goal: "" })],
      ["PATCH", `/v1/journals/${journal.id}`, (s) => ({ goal: s })],
      ["POST", `/v1/journals/${journal.id}/insights`, (s) => ({ statement: s, evidence: [] })],
      ["POST", "/v1/stores", (s) => JSON.parse(`{"name":"ok",${JSON.stringify(s)}:1}`)],
      ["POST", "/v1/journals", (s) => ({ title: "ok", scope: { [s]: ["x"] } })],
    ];
    const before = await t.dumpRows();
    const stores = await t.db.listStores(t.workspaceId);
    for (const [method, path, body] of cases) {
      for (const [name, s] of BAD_CASES) {
        const res = await t.request(path, { method, token: admin, json: body(s) });
        await expectTextProblem(res, `${method} ${path} with ${name}`);
      }
    }
    expect(await t.dumpRows()).toEqual(before);
    expect(await t.db.listStores(t.workspaceId)).toEqual(stores);
  });

  it("answers NUL or a lone surrogate in a query string or path parameter with a 400 problem", async () => {
    t = await createTestApp();
    const admin = t.admin.token;
    // What a client can put in a URL: %00, and a surrogate as its three (invalid) UTF-8 bytes.
    const encoded = { NUL: "a%00b", "a lone surrogate": "x%ED%A0%80y", "bad UTF-8": "x%C3y" };
    for (const [name, v] of Object.entries(encoded)) {
      for (const [method, path] of [
        ["GET", `/v1/observations?q=${v}`],
        ["GET", `/v1/observations?tag=${v}`],
        ["GET", `/v1/observations?${v}=1`],
        ["GET", `/v1/observations/${v}`],
        ["PATCH", `/v1/stores/${v}`],
        ["DELETE", `/v1/devices/${v}`],
        ["GET", `/v1/journals/${v}`],
        ["GET", `/v1/journals?q=${v}`],
      ] as const) {
        const res = await t.request(path, {
          method,
          token: admin,
          ...(method === "PATCH" ? { json: { name: "x" } } : {}),
        });
        await expectTextProblem(res, `${method} ${path} (${name})`);
      }
    }
  });

  describe("import", () => {
    const importCsv = (token: string, body: string | Uint8Array<ArrayBuffer>) =>
      t.request("/v1/observations/import?source=CRM&timeZone=Asia/Ho_Chi_Minh", {
        method: "POST",
        token,
        headers: { "content-type": "text/csv; charset=utf-8" },
        body,
      });

    it("reports a CSV row holding NUL as a row error and imports the rest", async () => {
      t = await createTestApp();
      // UTF-8 cannot carry a lone surrogate: in a CSV file it is bytes that are
      // not UTF-8 (the next test); in JSON lines an escape (the one after).
      for (const [name, s] of [
        ["NUL", "\u0000"],
        ["NUL at the end", "x\u0000"],
      ]) {
        const csv = [
          "id,date,content,note",
          `A-1,12/03/2026 09:30,Khách hỏi giá ${name},`,
          `A-2,12/03/2026 09:31,Có ký tự lạ ${s} ở đây,`,
          `A-3,12/03/2026 09:32,Bình thường,ghi chú ${s}`,
          `A-4,12/03/2026 09:33,Cuối cùng 𠀀 😀,`,
        ].join("\n");
        const res = await importCsv(t.admin.token, csv);
        const body = await res.json();
        expect(res.status, `${name}: ${JSON.stringify(body)}`).toBe(200);
        expect(
          body.errors.map((e: { line: number }) => e.line),
          name,
        ).toEqual([3, 4]);
        for (const e of body.errors)
          expect(JSON.stringify(e.errors), name).toMatch(/invalid character/);
      }
      const all = await t.dumpAll();
      expect(all.map((e) => e.fields.sourceRowId).sort()).toEqual(["A-1", "A-4"]);
      expect(all.find((e) => e.fields.sourceRowId === "A-4")?.fields.what).toBe("Cuối cùng 𠀀 😀");
    });

    it("reports NUL or a lone surrogate in a JSON-lines row, or in the web app's JSON body, per row", async () => {
      t = await createTestApp();
      const rows = [
        { id: "J-1", date: "2026-03-12T09:30:00+07:00", content: "tốt" },
        { id: "J-2", date: "2026-03-12T09:31:00+07:00", content: "x\uD800y" },
        { id: "J-3", date: "2026-03-12T09:32:00+07:00", content: "a\u0000b" },
        { id: "J-4\uDFFF", date: "2026-03-12T09:33:00+07:00", content: "id lạ" },
      ];
      const jsonl = rows.map((r) => JSON.stringify(r)).join("\n");
      const raw = await t.request("/v1/observations/import?source=Web", {
        method: "POST",
        token: t.admin.token,
        headers: { "content-type": "application/x-ndjson" },
        body: jsonl,
      });
      const a = await raw.json();
      expect(raw.status, JSON.stringify(a)).toBe(200);
      expect(a).toMatchObject({ received: 4, created: 1 });
      expect(a.errors.map((e: { line: number }) => e.line)).toEqual([2, 3, 4]);
      for (const e of a.errors) expect(JSON.stringify(e.errors)).toMatch(/invalid character/);
      const viaApp = await t.request("/v1/observations/import", {
        method: "POST",
        token: t.admin.token,
        json: { source: "Web app", format: "jsonl", content: jsonl },
      });
      const b = await viaApp.json();
      expect(viaApp.status, JSON.stringify(b)).toBe(200);
      expect(b).toMatchObject({ received: 4, created: 1 });
      expect(b.errors.map((e: { line: number }) => e.line)).toEqual([2, 3, 4]);
      expect(await t.dumpAll()).toHaveLength(2);
    });

    it("answers a file that is not UTF-8 with a clear 400, importing nothing", async () => {
      t = await createTestApp();
      const head = new TextEncoder().encode("id,date,content\nB-1,12/03/2026 09:30,Gi");
      // "á" in Windows-1258/Latin-1 (a lone 0xE1), then a CESU-8 surrogate.
      const body = new Uint8Array([...head, 0xe1, 0x0a, ...[0xed, 0xa0, 0x80]]);
      const res = await importCsv(t.admin.token, body);
      const text = await res.text();
      expect(res.status, text).toBe(400);
      expect(res.headers.get("content-type")).toBe("application/problem+json");
      expect(text).toMatch(/UTF-8/);
      expect(await t.dumpAll()).toEqual([]);
    });

    it("answers NUL or a lone surrogate in the import options with a 400 problem", async () => {
      t = await createTestApp();
      for (const [name, s] of BAD_CASES) {
        const res = await t.request("/v1/observations/import", {
          method: "POST",
          token: t.admin.token,
          json: { source: `CRM ${s}`, content: "id,content\n1,x" },
        });
        await expectTextProblem(res, name);
        const mapped = await t.request("/v1/observations/import", {
          method: "POST",
          token: t.admin.token,
          json: { source: "CRM", content: "id,content\n1,x", mapping: { what: `c${s}` } },
        });
        await expectTextProblem(mapped, `mapping with ${name}`);
      }
      expect(await t.dumpAll()).toEqual([]);
    });
  });
});
