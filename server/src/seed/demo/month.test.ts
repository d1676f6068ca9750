// The demo reads like a real month in two stores (issue 15): no two notes a
// person wrote share a text, taps and feedback fall inside shop hours in the
// store's time zone (even when seeded at 3 a.m.), feedback reasons carry
// their needs, nothing lies in the future, and the competitor's price cut on
// the web is followed by walk-outs in store.
import { afterEach, describe, expect, it } from "vitest";
import { localParts } from "../../analytics/zoned-time.ts";
import { openSqliteDb, type SqliteDb } from "../../db/sqlite/db.ts";
import { bootstrap } from "../bootstrap.ts";
import { DEMO_STORES, SHOP_HOURS } from "./catalog.ts";
import { seedDemo } from "./index.ts";
import { PRICE_CUT_DAY, timeline } from "./timeline.ts";

let db: SqliteDb;
afterEach(() => db?.close());

type F = Record<string, unknown>;

async function seeded(now: Date) {
  db = openSqliteDb(":memory:");
  const boot = await bootstrap(db, {
    adminEmail: "admin@localhost",
    adminPassword: "demo demo demo",
  });
  await seedDemo(db, boot.workspace.id, boot.created?.admin.id as string, now);
  const stores = await db.listStores(boot.workspace.id);
  const fields = (await db.dumpEntities(boot.workspace.id)).map((e) => e.fields as F);
  return { fields, stores };
}

// 20:00 UTC is 03:00 in Hồ Chí Minh City: the hour the old seed stacked "today" at.
for (const now of [new Date("2026-03-10T20:00:00Z"), new Date("2026-03-10T05:00:00Z")]) {
  describe(`the demo month, seeded at ${now.toISOString()}`, () => {
    it("has no duplicate texts among notes people wrote, and nothing in the future", async () => {
      const { fields } = await seeded(now);
      const written = fields.filter((f) => f.channel !== "feedback");
      const texts = written.map((f) => String(f.what));
      const twice = texts.filter((t, i) => texts.indexOf(t) !== i);
      expect(twice).toEqual([]);
      expect(written.length).toBeGreaterThan(200);
      for (const f of fields)
        expect(Date.parse(String(f.capturedAt))).toBeLessThanOrEqual(now.getTime());
      // Web findings: each once.
      const web = fields.filter((f) => f.channel === "web").map((f) => f.what);
      expect(new Set(web).size).toBe(web.length);
    });

    it("puts taps and feedback inside shop hours in the store's time zone", async () => {
      const { fields, stores } = await seeded(now);
      const zone = new Map(stores.map((s) => [s.id, s.timeZone]));
      const kiosk = fields.filter((f) => f.channel === "store" || f.channel === "feedback");
      expect(kiosk.length).toBeGreaterThan(200);
      const outside = kiosk.filter((f) => {
        const { hour } = localParts(
          Date.parse(String(f.capturedAt)),
          zone.get(String(f.storeId)) ?? "UTC",
        );
        return hour < SHOP_HOURS.open || hour >= SHOP_HOURS.close;
      });
      expect(outside.map((f) => f.capturedAt)).toEqual([]);
    });

    it("gives feedback reasons their needs (helpful staff is empathy, not price)", async () => {
      const { fields } = await seeded(now);
      const needOf = new Map(DEMO_STORES.hcm.reasons.map((r) => [r.code, r.need]));
      const feedback = fields.filter((f) => f.channel === "feedback");
      const withReasons = feedback.filter((f) => (f.reasons as string[]).length > 0);
      expect(withReasons.length).toBeGreaterThan(50);
      for (const f of withReasons) {
        const expected = [...new Set((f.reasons as string[]).map((r) => needOf.get(r)))].sort();
        expect([...((f.needs as string[]) ?? [])].sort(), JSON.stringify(f)).toEqual(expected);
      }
      const needs = new Set(withReasons.flatMap((f) => f.needs as string[]));
      for (const n of ["price", "empathy", "efficiency"]) expect(needs).toContain(n);
    });

    it("follows the competitor's price cut with walk-outs", async () => {
      const { fields } = await seeded(now);
      const ms = (f: F) => Date.parse(String(f.capturedAt));
      const cut = fields
        .filter(
          (f) => f.channel === "web" && (f.tags as string[] | undefined)?.includes("price-cut"),
        )
        .sort((a, b) => ms(a) - ms(b))[0];
      expect(cut?.what).toMatch(/PhoneHub giảm Galaxy A55|Giảm sốc 1,5 triệu Galaxy A55/);
      const cutMs = ms(cut as F);
      expect(cutMs).toBeGreaterThanOrEqual(timeline(now).dayStart(PRICE_CUT_DAY));
      const week = 7 * 86_400_000;
      const walkOuts = fields.filter((f) => f.behaviour === "left-without-buying");
      const after = walkOuts.filter((f) => ms(f) >= cutMs && ms(f) < cutMs + week).length;
      const before = walkOuts.filter((f) => ms(f) < cutMs && ms(f) >= cutMs - week).length;
      expect(after).toBeGreaterThan(2 * before);
      expect(after).toBeGreaterThan(5);
      // The walk-outs that name PhoneHub all come after its cut.
      const naming = walkOuts.filter((f) => /PhoneHub/.test(String(f.what)));
      expect(naming.length).toBeGreaterThan(0);
      for (const f of naming) expect(ms(f)).toBeGreaterThan(cutMs);
    });
  });
}
