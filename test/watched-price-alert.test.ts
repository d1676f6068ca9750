// @vitest-environment happy-dom
// A watched sale price that drops opens a competitor-price-change alert.
// The extension's own steps make the observations — the page's facts as a
// capture reads them, the watch's target (watchTargetOf), the background
// check of the changed page (compareWatchedHtml) and the observation of the
// change (fieldsFromChange) — and the server gets them through the real push.
// The page writes "Giá gốc … / Giá khuyến mãi …": a `was` and a `sale` price,
// no `current` one, as many Vietnamese shops do.
import { createTestApp, nextHlc, type TestApp, watchedCompetitor } from "@sightline/server/testing";
import { type Mutation, ObservationCreateSchema } from "@sightline/shared";
import { extension } from "@sightline/shared/i18n/extension";
import { createTranslator } from "@sightline/shared/i18n/translate";
import { afterEach, describe, expect, it } from "vitest";
import { extractPageFacts } from "../extension/src/capture/page-facts.ts";
import { compareWatchedHtml } from "../extension/src/capture/watch-compare.ts";
import { fieldsFromChange } from "../extension/src/worker/observation-fields.ts";
import { type WatchSource, watchTargetOf } from "../extension/src/worker/watch-service.ts";

const URL_ = "https://dienmay.example.vn/noi-chien-khong-dau";
const page = (sale: string) => `<!doctype html><html lang="vi"><head>
  <title>Nồi chiên không dầu 5L</title></head><body>
  <h1>Nồi chiên không dầu 5L</h1>
  <div class="price-box">
    <p class="old">Giá gốc: <del>1.000.000₫</del></p>
    <p class="new">Giá khuyến mãi: <strong>${sale}</strong></p>
  </div>
  <button>Mua ngay</button>
</body></html>`;

const parse = (html: string) => new DOMParser().parseFromString(html, "text/html");

let t: TestApp;
afterEach(() => t?.close());

describe("a watched sale price that drops", () => {
  it("is read as the page's main price by the watch, and its change opens an alert on the server", async () => {
    let clock = Date.parse("2026-03-10T09:00:00.000Z");
    t = await createTestApp({ now: () => new Date(clock) });
    const rival = await watchedCompetitor(t);
    const ext = await t.pair("marketer");

    // The capture: the page's facts as the extension reads them.
    const facts = extractPageFacts(parse(page("800.000₫")), { href: URL_ });
    expect(facts.prices?.map((p) => [p.amount, p.role])).toEqual([
      [1_000_000, "was"],
      [800_000, "sale"],
    ]);
    const capture: WatchSource & Record<string, unknown> = {
      channel: "web",
      method: "competitor-audit",
      capturedAt: new Date(clock).toISOString(),
      what: "Nồi chiên không dầu 5L",
      who: rival.name,
      competitorId: rival.id,
      url: URL_,
      pageTitle: "Nồi chiên không dầu 5L",
      basis: "observed",
      evidence: { facts },
    };
    const target = watchTargetOf(capture);
    expect(target).toMatchObject({ kind: "price", price: { amount: 800_000, role: "sale" } });

    // An hour later the background check finds the sale price at 600.000₫ (−25 %).
    clock += 3_600_000;
    const [outcome] = compareWatchedHtml(page("600.000₫"), URL_, [
      target as NonNullable<typeof target>,
    ]);
    if (outcome?.state !== "changed") throw new Error(`no change found: ${outcome?.state}`);
    const change = fieldsFromChange({
      change: { key: "watch:w1", observationId: crypto.randomUUID(), ...outcome.change },
      page: { url: URL_, title: outcome.facts.title ?? "", facts: outcome.facts },
      competitor: { id: rival.id, name: rival.name },
      now: new Date(clock),
      t: createTranslator(extension, "vi"),
    });

    const mutation = (seq: number, fields: Record<string, unknown>, at: number): Mutation => ({
      seq,
      op: "obs.create",
      id: crypto.randomUUID(),
      hlc: nextHlc(ext.deviceId, at),
      fields: ObservationCreateSchema.parse(fields),
    });
    const pushed = await t.push(ext, [
      mutation(1, capture, clock - 3_600_000),
      mutation(2, change, clock),
    ]);
    expect((await pushed.json()).rejected).toEqual([]);
    await t.deps.alerts?.idle();

    const [alert] = (
      await (await t.request("/v1/alerts?status=open", { token: t.admin.token })).json()
    ).items;
    expect(alert).toMatchObject({
      kind: "competitor-price-change",
      competitorId: rival.id,
      figures: { before: 800_000, after: 600_000, changePct: -25, currency: "VND" },
    });
  });
});
