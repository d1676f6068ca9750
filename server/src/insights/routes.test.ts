// Insights over HTTP: created with evidence, corroboration counted from
// supporting evidence, the single-source gate on validation, principles
// totals, evidence links and actions; exports of the result in each format.
import {
  ActionCreatedSchema,
  ActionSchema,
  InsightCreatedSchema,
  InsightSchema,
} from "@sightline/shared";
import { afterEach, describe, expect, it } from "vitest";
import { storeObservation, webObservation } from "../../test/support/mutations.ts";
import { createTestApp, type TestApp } from "../../test/support/test-app.ts";

let t: TestApp;
afterEach(() => t?.close());

const asJson = async (res: Response, status = 200) => {
  const body = await res.json();
  expect(res.status, JSON.stringify(body)).toBe(status);
  return body;
};

async function setup() {
  t = await createTestApp();
  const kiosk = await t.pair("staff");
  const ext = await t.pair("marketer");
  const taps = [1, 2, 3].map((s) => storeObservation(s, kiosk, { what: `Hỏi giá lần ${s}` }));
  const page = webObservation(1, ext, {
    what: "Đối thủ giảm giá <b>20%</b>",
    evidence: { quote: "Giảm 20% toàn bộ túi xách", screenshot: "b".repeat(64) },
  });
  await t.push(kiosk, taps);
  await t.push(ext, [page]);
  const manager = await t.loginAs("manager");
  const journal = await asJson(
    await t.request("/v1/journals", {
      method: "POST",
      token: manager.token,
      json: { title: "Giá & đối thủ", question: "Vì sao?", goal: "Bán thêm" },
    }),
    201,
  );
  const req = (path: string, method: string, json?: unknown) =>
    t.request(path, { method, token: manager.token, ...(json === undefined ? {} : { json }) });
  return { manager, journal, taps, page, req };
}

describe("insights", () => {
  it("counts corroboration from supporting evidence and gates validation of a single source", async () => {
    const { journal, taps, page, req } = await setup();
    const created = InsightCreatedSchema.parse(
      await asJson(
        await req(`/v1/journals/${journal.id}/insights`, "POST", {
          statement: "Khách hỏi giá vì đối thủ rẻ hơn",
          needs: ["price"],
          evidence: taps.map((m) => ({ observationId: m.id, stance: "supports" })),
        }),
        201,
      ),
    );
    expect(created.insight).toMatchObject({
      status: "draft",
      corroboration: { channels: 1, observations: 3, singleSource: true, dataTypes: ["store"] },
      scorecard: { total: 0, max: 12, scored: 0, weakest: null },
    });
    const id = created.id;
    await asJson(await req(`/v1/insights/${id}`, "PATCH", { status: "emerging" }));
    const refused = await req(`/v1/insights/${id}`, "PATCH", { status: "validated" });
    expect(refused.status).toBe(409);
    expect(await refused.json()).toMatchObject({
      type: "urn:sightline:problem:single-source",
      status: 409,
    });

    const overridden = await asJson(
      await req(`/v1/insights/${id}`, "PATCH", {
        status: "validated",
        overrideReason: "POS data shows it too",
      }),
    );
    expect(overridden).toMatchObject({
      status: "validated",
      overrideReason: "POS data shows it too",
    });
    await asJson(await req(`/v1/insights/${id}`, "PATCH", { status: "emerging" }));

    const linked = InsightSchema.parse(
      await asJson(
        await req(`/v1/insights/${id}/evidence`, "POST", {
          observationId: page.id,
          stance: "supports",
        }),
      ),
    );
    expect(linked.corroboration).toMatchObject({
      channels: 2,
      observations: 4,
      singleSource: false,
      dataTypes: ["store", "web"],
    });
    const contra = await asJson(
      await req(`/v1/insights/${id}/evidence`, "POST", {
        observationId: taps[0]?.id,
        stance: "contradicts",
        note: "hỏi giá khác",
      }),
    );
    expect(contra.corroboration).toMatchObject({ observations: 3, contradicting: 1 });
    const validated = await asJson(
      await req(`/v1/insights/${id}`, "PATCH", { status: "validated", overrideReason: "" }),
    );
    expect(validated).toMatchObject({ status: "validated", overrideReason: null });
  });

  it("rejects evidence that is not an observation of the workspace", async () => {
    const { journal, req } = await setup();
    const other = await t.otherWorkspace();
    const res = await req(`/v1/journals/${journal.id}/insights`, "POST", {
      statement: "x",
      evidence: [{ observationId: "nope", stance: "supports" }],
    });
    expect(res.status).toBe(400);
    expect((await res.json()).errors[0]).toEqual({
      path: "evidence",
      message: "no observation nope",
    });
    expect(
      (
        await t.request(`/v1/journals/${journal.id}/insights`, {
          method: "POST",
          token: other.adminToken,
          json: { statement: "x", evidence: [] },
        })
      ).status,
    ).toBe(404);
  });

  it("scores the four principles: merged patches, total and weakest", async () => {
    const { journal, req } = await setup();
    const { id } = await asJson(
      await req(`/v1/journals/${journal.id}/insights`, "POST", { statement: "x", evidence: [] }),
      201,
    );
    await asJson(
      await req(`/v1/insights/${id}`, "PATCH", {
        principles: { truth: { score: 3, note: "12 taps" }, resonance: { score: 2, note: "" } },
      }),
    );
    const scored = await asJson(
      await req(`/v1/insights/${id}`, "PATCH", {
        principles: {
          relevance: { score: 3, note: "goal" },
          uniqueness: { score: 1, note: "đối thủ cũng nói" },
        },
      }),
    );
    expect(scored.principles.truth).toEqual({ score: 3, note: "12 taps" });
    expect(scored.scorecard).toEqual({ total: 9, max: 12, scored: 4, weakest: "uniqueness" });
    expect(
      (await req(`/v1/insights/${id}`, "PATCH", { principles: { truth: { score: 4, note: "" } } }))
        .status,
    ).toBe(400);
  });

  it("adds and changes actions; actioned needs one; unlinks evidence", async () => {
    const { journal, taps, page, req } = await setup();
    const { id } = await asJson(
      await req(`/v1/journals/${journal.id}/insights`, "POST", {
        statement: "x",
        evidence: [
          { observationId: taps[0]?.id, stance: "supports" },
          { observationId: page.id, stance: "supports" },
        ],
      }),
      201,
    );
    await asJson(await req(`/v1/insights/${id}`, "PATCH", { status: "validated" }));
    expect((await req(`/v1/insights/${id}`, "PATCH", { status: "actioned" })).status).toBe(409);
    const { action } = ActionCreatedSchema.parse(
      await asJson(
        await req(`/v1/insights/${id}/actions`, "POST", {
          title: "Khớp giá túi Classic",
          owner: "Lan",
          due: "2026-04-01",
        }),
        201,
      ),
    );
    expect(action).toMatchObject({
      title: "Khớp giá túi Classic",
      owner: "Lan",
      due: "2026-04-01",
      status: "todo",
    });
    expect(
      ActionSchema.parse(
        await asJson(await req(`/v1/actions/${action.id}`, "PATCH", { status: "done" })),
      ),
    ).toMatchObject({ status: "done" });
    expect((await req(`/v1/actions/${action.id}`, "PATCH", { status: "finished" })).status).toBe(
      400,
    );
    expect((await req("/v1/actions/nope", "PATCH", { status: "done" })).status).toBe(404);
    const actioned = await asJson(await req(`/v1/insights/${id}`, "PATCH", { status: "actioned" }));
    expect(actioned.actions).toHaveLength(1);
    const unlinked = InsightSchema.parse(
      await asJson(await req(`/v1/insights/${id}/evidence/${page.id}`, "DELETE")),
    );
    expect(unlinked.corroboration).toMatchObject({ channels: 1, singleSource: true });
    expect((await req(`/v1/insights/${id}/evidence/${page.id}`, "DELETE")).status).toBe(404);
    const open = await asJson(
      await t.request(`/v1/journals/${journal.id}`, { token: t.admin.token }),
    );
    expect(open.insights.map((i: { id: string }) => i.id)).toEqual([id]);
  });

  it("exports the journal as Markdown, CSV, JSON and print-ready HTML", async () => {
    const { journal, taps, page, req } = await setup();
    const { id } = await asJson(
      await req(`/v1/journals/${journal.id}/insights`, "POST", {
        statement: "Khách so giá <script>",
        needs: ["price"],
        evidence: [
          { observationId: taps[0]?.id, stance: "supports" },
          { observationId: page.id, stance: "supports" },
        ],
      }),
      201,
    );
    await req(`/v1/insights/${id}`, "PATCH", { principles: { truth: { score: 3, note: "ok" } } });
    await req(`/v1/insights/${id}/actions`, "POST", { title: "Khớp giá" });
    const viewer = await t.loginAs("viewer");
    const get = (format: string, lang = "vi") =>
      t.request(`/v1/journals/${journal.id}/export?format=${format}&lang=${lang}`, {
        token: viewer.token,
      });

    const md = await get("md");
    expect(md.headers.get("content-type")).toBe("text/markdown; charset=utf-8");
    expect(md.headers.get("content-disposition")).toMatch(
      /^attachment; filename="gia-doi-thu[a-z0-9-]*\.md"; filename\*=UTF-8''Gi%C3%A1/,
    );
    const mdText = await md.text();
    expect(mdText).toContain("# Giá & đối thủ");
    expect(mdText).toContain("Khách so giá \\<script\\>");
    expect(mdText).toContain("> Giảm 20% toàn bộ túi xách");
    expect(mdText).toContain(`![Ảnh chụp màn hình](/v1/blobs/${"b".repeat(64)})`);
    expect(mdText).toContain("- [ ] Khớp giá");

    const csv = await get("csv", "en");
    expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const csvText = await csv.text();
    expect(csvText.split("\r\n").filter(Boolean)).toHaveLength(5);

    const jsonExport = JSON.parse(await (await get("json")).text());
    expect(jsonExport.insights[0].corroboration).toMatchObject({
      channels: 2,
      singleSource: false,
    });
    const linked = jsonExport.insights[0].evidence.find(
      (e: { observationId: string }) => e.observationId === page.id,
    );
    expect(linked.observation.evidence.quote).toBe("Giảm 20% toàn bộ túi xách");

    const html = await get("html", "en");
    expect(html.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(html.headers.get("content-disposition")).toMatch(/^inline/);
    const htmlText = await html.text();
    expect(htmlText).toContain("Khách so giá &lt;script&gt;");
    expect(htmlText).toContain("Đối thủ giảm giá &lt;b&gt;20%&lt;/b&gt;");
    expect(htmlText).not.toMatch(/<script/i);
    expect((await get("pdf")).status).toBe(400);
  });
});
