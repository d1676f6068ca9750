// Each rule kind's condition at its edges: exactly minCount, exactly the
// threshold, suspect taps left out, taps on the window's edges, price moves
// compared per page and currency, silent kiosks.
import type { Entity } from "@sightline/shared";
import { describe, expect, it } from "vitest";
import type { AlertRuleRecord, DeviceRecord } from "../db/port.ts";
import {
  behaviourConditions,
  feedbackConditions,
  priceConditions,
  silentDeviceConditions,
} from "./conditions.ts";

const NOW = Date.parse("2026-03-10T09:00:00.000Z");
const ago = (min: number) => new Date(NOW - min * 60_000).toISOString();

const rule = (o: Partial<AlertRuleRecord> = {}): AlertRuleRecord => ({
  workspaceId: "w",
  id: "r",
  kind: "feedback-negative-share",
  name: null,
  storeId: null,
  competitorId: null,
  windowMinutes: 15,
  minCount: 4,
  threshold: 50,
  behaviour: null,
  hours: 4,
  deliver: ["app"],
  enabled: true,
  createdBy: null,
  createdAt: ago(100),
  updatedAt: ago(100),
  ...o,
});

let n = 0;
const obs = (fields: Record<string, unknown>): Entity => ({
  id: `o${++n}`,
  workspaceId: "w",
  createdBy: "d",
  fields,
  fieldHlc: {},
  deletedHlc: null,
  restoredHlc: null,
  version: n,
});
const tap = (rating: number, minAgo: number, o: Record<string, unknown> = {}) =>
  obs({ channel: "feedback", storeId: "s1", rating, capturedAt: ago(minAgo), ...o });

describe("feedback-negative-share", () => {
  it("trips at exactly minCount taps and exactly the threshold share", () => {
    const taps = [tap(1, 1), tap(2, 2), tap(3, 3), tap(4, 4)];
    const [out] = feedbackConditions(rule(), taps, ["s1"], NOW);
    expect(out).toMatchObject({
      key: "s1",
      trip: true,
      figures: { count: 4, negative: 2, share: 50, suspect: 0, windowMinutes: 15 },
    });
    expect(out?.observationIds).toEqual([taps[0]?.id, taps[1]?.id]);
  });

  it("does not trip one tap short of minCount, even at 100 % negative", () => {
    const [out] = feedbackConditions(rule(), [tap(1, 1), tap(1, 2), tap(2, 3)], ["s1"], NOW);
    expect(out).toMatchObject({ trip: false, figures: { count: 3, negative: 3, share: 100 } });
  });

  it("leaves suspect taps out of the count and the share (counted apart)", () => {
    const taps = [
      tap(1, 1),
      tap(1, 1, { suspect: true }),
      tap(1, 1, { suspect: true }),
      tap(4, 2),
      tap(4, 3),
    ];
    const [out] = feedbackConditions(rule(), taps, ["s1"], NOW);
    expect(out).toMatchObject({ trip: false, figures: { count: 3, negative: 1, suspect: 2 } });
  });

  it("counts a tap exactly windowMinutes old and none older, and none stamped too far ahead", () => {
    const edge = [tap(1, 15), tap(1, 10), tap(1, 5), tap(1, 0)];
    expect(feedbackConditions(rule(), edge, ["s1"], NOW)[0]?.trip).toBe(true);
    // A kiosk whose clock runs up to 5 minutes fast counts at once.
    const ahead = [tap(1, -4.9), tap(1, 10), tap(1, 5), tap(1, 0)];
    expect(feedbackConditions(rule(), ahead, ["s1"], NOW)[0]?.trip).toBe(true);
    const outside = [tap(1, 15.01), tap(1, 10), tap(1, 5), tap(1, -5.1)];
    expect(feedbackConditions(rule(), outside, ["s1"], NOW)[0]).toMatchObject({
      trip: false,
      figures: { count: 2 },
    });
  });

  it("evaluates each store apart; a rule on one store ignores the others", () => {
    const taps = [tap(1, 1), tap(1, 1), tap(1, 1), tap(1, 1), tap(1, 1, { storeId: "s2" })];
    const outs = feedbackConditions(rule(), taps, ["s1", "s2"], NOW);
    expect(outs.map((o) => [o.key, o.trip])).toEqual([
      ["s1", true],
      ["s2", false],
    ]);
    expect(
      feedbackConditions(rule({ storeId: "s2" }), taps, ["s1", "s2"], NOW).map((o) => o.key),
    ).toEqual(["s2"]);
  });
});

describe("happy-index-below", () => {
  it("trips below the threshold with at least minCount taps, not at it", () => {
    const r = rule({ kind: "happy-index-below", threshold: 50 });
    const half = [tap(1, 1), tap(2, 1), tap(3, 1), tap(4, 1)];
    expect(feedbackConditions(r, half, ["s1"], NOW)[0]).toMatchObject({
      trip: false,
      figures: { happyIndex: 50 },
    });
    const low = [tap(1, 1), tap(2, 1), tap(1, 1), tap(4, 1)];
    expect(feedbackConditions(r, low, ["s1"], NOW)[0]).toMatchObject({
      trip: true,
      figures: { happyIndex: 25, count: 4 },
    });
    expect(feedbackConditions(r, [], ["s1"], NOW)[0]).toMatchObject({
      trip: false,
      figures: { happyIndex: null, count: 0 },
    });
  });
});

describe("behaviour-count-above", () => {
  it("trips when the count is above the threshold, not at it", () => {
    const r = rule({
      kind: "behaviour-count-above",
      behaviour: "left-without-buying",
      threshold: 2,
    });
    const seen = (b: string, m: number) =>
      obs({ channel: "store", storeId: "s1", behaviour: b, capturedAt: ago(m) });
    const two = [
      seen("left-without-buying", 1),
      seen("left-without-buying", 2),
      seen("browsed", 1),
    ];
    expect(behaviourConditions(r, two, ["s1"], NOW)[0]).toMatchObject({
      trip: false,
      figures: { count: 2 },
    });
    const three = [...two, seen("left-without-buying", 14)];
    expect(behaviourConditions(r, three, ["s1"], NOW)[0]).toMatchObject({
      trip: true,
      figures: { count: 3 },
    });
  });
});

describe("competitor-price-change", () => {
  const capture = (amount: number, minAgo: number, o: Record<string, unknown> = {}) =>
    obs({
      channel: "web",
      competitorId: "c1",
      url: "https://shop.example/p/1#reviews",
      capturedAt: ago(minAgo),
      evidence: {
        facts: {
          prices: [
            { amount: amount * 2, currency: "VND", source: "text", raw: "", role: "was" },
            { amount, currency: "VND", source: "json-ld", raw: "" },
          ],
        },
      },
      ...o,
    });
  const r = rule({ kind: "competitor-price-change", threshold: 5, windowMinutes: 1440 });

  it("trips on a move of more than threshold % against the previous capture of the same page", () => {
    const a = capture(1_000_000, 3000);
    const b = capture(900_000, 10);
    const [out] = priceConditions(r, [b, a], ["c1"], NOW);
    expect(out).toMatchObject({
      key: "c1",
      trip: true,
      figures: { before: 1_000_000, after: 900_000, changePct: -10, currency: "VND" },
      observationIds: [a.id, b.id],
    });
  });

  it("does not trip at exactly the threshold, across currencies, or when the change is older than the window", () => {
    expect(priceConditions(r, [capture(100, 3000), capture(105, 10)], ["c1"], NOW)[0]?.trip).toBe(
      false,
    );
    expect(
      priceConditions(
        r,
        [
          capture(100, 3000),
          capture(50, 10, {
            evidence: {
              facts: { prices: [{ amount: 50, currency: "USD", source: "text", raw: "" }] },
            },
          }),
        ],
        ["c1"],
        NOW,
      )[0]?.trip,
    ).toBe(false);
    expect(priceConditions(r, [capture(100, 3000), capture(50, 2000)], ["c1"], NOW)[0]?.trip).toBe(
      false,
    );
  });

  it("compares the sale price of a page with only 'Giá gốc' (was) and 'Giá khuyến mãi' (sale)", () => {
    const onSale = (amount: number, minAgo: number) =>
      capture(amount, minAgo, {
        evidence: {
          facts: {
            prices: [
              { amount: 1_000_000, currency: "VND", source: "text", raw: "", role: "was" },
              { amount, currency: "VND", source: "text", raw: "", role: "sale" },
            ],
          },
        },
      });
    expect(
      priceConditions(r, [onSale(800_000, 60), onSale(600_000, 1)], ["c1"], NOW)[0],
    ).toMatchObject({ trip: true, figures: { before: 800_000, after: 600_000, changePct: -25 } });
  });

  it("compares captures of the same page only", () => {
    const other = capture(50, 10, { url: "https://shop.example/p/2" });
    expect(priceConditions(r, [capture(100, 3000), other], ["c1"], NOW)[0]?.trip).toBe(false);
  });
});

describe("device-silent", () => {
  const device = (o: Partial<DeviceRecord>): DeviceRecord => ({
    id: "d1",
    workspaceId: "w",
    kind: "kiosk",
    role: "staff",
    storeId: "s1",
    ownerId: "u",
    name: "Front door",
    origin: null,
    lastSeq: 0,
    lastPushAt: null,
    lastPullAt: null,
    appVersion: null,
    revokedAt: null,
    createdAt: ago(10_000),
    health: null,
    ...o,
  });
  const r = rule({ kind: "device-silent", hours: 4 });

  it("trips for a kiosk silent more than `hours`, by its latest push, pull or report", () => {
    const outs = silentDeviceConditions(
      r,
      [
        device({ id: "quiet", lastPushAt: ago(241), lastPullAt: ago(300) }),
        device({ id: "recent", lastPushAt: ago(500), lastPullAt: ago(239) }),
        device({ id: "never" }),
        device({ id: "gone", lastPushAt: ago(900), revokedAt: ago(800) }),
        device({ id: "ext", kind: "extension", lastPushAt: ago(900) }),
      ],
      NOW,
    );
    expect(outs.map((o) => [o.key, o.trip])).toEqual([
      ["quiet", true],
      ["recent", false],
    ]);
    expect(outs[0]?.figures).toMatchObject({ silentHours: 4, hours: 4, device: "Front door" });
  });

  it("a rule on one store watches that store's kiosks only", () => {
    const outs = silentDeviceConditions(
      rule({ kind: "device-silent", storeId: "s2" }),
      [device({ lastPushAt: ago(900) })],
      NOW,
    );
    expect(outs).toEqual([]);
  });
});
