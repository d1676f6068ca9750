// GET /v1/pages/captures: the latest captures of one page across the whole
// workspace (yours and teammates'), prices and captured element only, so an
// extension's change detection starts from every capture of the page.
import { afterEach, describe, expect, it } from "vitest";
import { nextHlc, webObservation } from "../../test/support/mutations.ts";
import { createTestApp, type TestApp } from "../../test/support/test-app.ts";

let t: TestApp;
afterEach(() => t?.close());

const PAGE = "https://nhaxanh.example.vn/dien-thoai/aurora-x5";
const price = (amount: number) => ({
  amount,
  currency: "VND",
  source: "text",
  raw: `${amount}₫`,
  selector: "p.product__price--show",
  role: "current",
  position: 0,
  fingerprint: "…",
});
const at = (day: number) => `2026-03-0${day}T09:00:00+07:00`;
const path = (url: string, canonicalUrl?: string) =>
  `/v1/pages/captures?url=${encodeURIComponent(url)}${canonicalUrl ? `&canonicalUrl=${encodeURIComponent(canonicalUrl)}` : ""}`;

describe("GET /v1/pages/captures", () => {
  it("answers an extension with its teammates' captures of the page: prices and elements, newest first", async () => {
    t = await createTestApp();
    const a = await t.loginAs("marketer");
    const b = await t.loginAs("marketer");
    const mine = await t.pair("marketer", { issuerToken: a.token });
    const theirs = await t.pair("marketer", { issuerToken: b.token });
    const element = {
      selector: "#product-summary",
      text: "Mua ngay",
      box: { x: 0, y: 0, width: 1, height: 1 },
    };
    const older = webObservation(1, theirs, {
      url: `${PAGE}?utm_source=zalo`,
      capturedAt: at(1),
      evidence: { facts: { prices: [price(9490000)] } },
    });
    const newer = webObservation(2, theirs, {
      url: "https://m.nhaxanh.example.vn/aurora-x5",
      capturedAt: at(3),
      who: "private note",
      evidence: {
        quote: "not sent",
        facts: { canonicalUrl: PAGE, prices: [price(8990000)], element },
      },
    });
    const otherPage = webObservation(3, theirs, {
      url: `${PAGE}-pro`,
      capturedAt: at(4),
      evidence: { facts: { prices: [price(1)] } },
    });
    const noFacts = webObservation(4, theirs, { url: PAGE, capturedAt: at(5) });
    const deleted = webObservation(5, theirs, {
      url: PAGE,
      capturedAt: at(6),
      evidence: { facts: { prices: [price(2)] } },
    });
    await t.push(theirs, [
      older,
      newer,
      otherPage,
      noFacts,
      deleted,
      { seq: 6, op: "obs.delete", id: deleted.id, hlc: nextHlc(theirs.deviceId) },
    ]);
    // Another workspace's capture of the very same page is never seen.
    const other = await t.otherWorkspace();
    const { code } = await (
      await t.request("/v1/pairing-codes", {
        method: "POST",
        token: other.adminToken,
        json: { role: "marketer" },
      })
    ).json();
    const strangerId = crypto.randomUUID();
    const paired = await (
      await t.request("/v1/devices/pair", {
        method: "POST",
        json: { code, deviceId: strangerId, kind: "extension" },
      })
    ).json();
    const stranger = {
      token: paired.token as string,
      deviceId: strangerId,
      workspaceId: other.workspaceId,
      lastSeq: 0,
    };
    const foreign = webObservation(1, stranger, {
      url: PAGE,
      evidence: { facts: { prices: [price(3)] } },
    });
    expect(await (await t.push(stranger, [foreign])).json()).toMatchObject({ rejected: [] });

    const res = await t.request(path(`${PAGE}#specs`), { token: mine.token });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      captures: [
        {
          id: newer.id,
          capturedAt: at(3),
          prices: [price(8990000)],
          element: { selector: element.selector, text: element.text },
        },
        { id: older.id, capturedAt: at(1), prices: [price(9490000)] },
      ],
    });
    // People who read observations may ask too; a kiosk may not.
    const marketer = await t.request(path(PAGE), { token: a.token });
    expect((await marketer.json()).captures).toHaveLength(2);
    const kiosk = await t.pair("staff");
    expect((await t.request(path(PAGE), { token: kiosk.token })).status).toBe(403);
  });

  it("finds captures through the page's canonical URL, and refuses a URL that is not http(s)", async () => {
    t = await createTestApp();
    const d = await t.pair("marketer");
    const m = webObservation(1, d, {
      url: PAGE,
      capturedAt: at(1),
      evidence: { facts: { prices: [price(9490000)] } },
    });
    await t.push(d, [m]);
    const viaCanonical = await t.request(path("https://m.nhaxanh.example.vn/x?id=5", PAGE), {
      token: d.token,
    });
    expect((await viaCanonical.json()).captures.map((c: { id: string }) => c.id)).toEqual([m.id]);
    expect(
      (await t.request(path("https://nhaxanh.example.vn/khac"), { token: d.token })).status,
    ).toBe(200);
    expect((await t.request(path("javascript:alert(1)"), { token: d.token })).status).toBe(400);
  });
});
