// The demo seed: real entities across four channels, the price-war pattern,
// and idempotence.
import { afterEach, describe, expect, it } from "vitest";
import { openSqliteDb, type SqliteDb } from "../../db/sqlite/db.ts";
import { bootstrap } from "../bootstrap.ts";
import { seedDemo } from "./index.ts";
import { PRICE_CUT_DAY, timeline } from "./timeline.ts";

let db: SqliteDb;
afterEach(() => db?.close());

describe("seedDemo", () => {
  it("seeds a few hundred observations across four channels, once", async () => {
    db = openSqliteDb(":memory:");
    const boot = await bootstrap(db, {
      adminEmail: "admin@localhost",
      adminPassword: "demo demo demo",
    });
    const ws = boot.workspace.id;
    const now = new Date("2026-03-10T05:00:00Z");
    const added = await seedDemo(db, ws, boot.created?.admin.id as string, now);
    expect(added).toBeGreaterThan(250);
    expect(added).toBeLessThan(1000);
    const all = await db.dumpEntities(ws);
    expect(all).toHaveLength(added);
    const channels = new Set(all.map((e) => e.fields.channel));
    expect([...channels].sort()).toEqual(["event", "feedback", "store", "web"]);
    expect((await db.listStores(ws)).length).toBe(2);
    expect((await db.listCompetitors(ws)).length).toBe(3);
    expect(await seedDemo(db, ws, boot.created?.admin.id as string, now)).toBe(0);
    expect((await db.dumpEntities(ws)).length).toBe(added);
    expect((await db.listStores(ws)).length).toBe(2);
  });

  it("shows more price walk-outs and price complaints in the week after the competitor's cut", async () => {
    db = openSqliteDb(":memory:");
    const boot = await bootstrap(db, {
      adminEmail: "admin@localhost",
      adminPassword: "demo demo demo",
    });
    const now = new Date("2026-03-10T05:00:00Z");
    await seedDemo(db, boot.workspace.id, boot.created?.admin.id as string, now);
    const all = await db.dumpEntities(boot.workspace.id);
    const cut = timeline(now).dayStart(PRICE_CUT_DAY);
    const week = 7 * 86_400_000;
    const count = (pred: (f: Record<string, unknown>) => boolean, from: number) =>
      all.filter(
        (e) =>
          pred(e.fields) &&
          Date.parse(String(e.fields.capturedAt)) >= from &&
          Date.parse(String(e.fields.capturedAt)) < from + week,
      ).length;
    const priceTaps = (f: Record<string, unknown>) =>
      f.behaviour === "asked-price" || f.behaviour === "left-without-buying";
    const priceFeedback = (f: Record<string, unknown>) =>
      f.channel === "feedback" && (f.reasons as string[]).includes("too-pricey");
    expect(count(priceTaps, cut)).toBeGreaterThan(2 * count(priceTaps, cut - week));
    expect(count(priceFeedback, cut)).toBeGreaterThan(5);
    expect(count(priceFeedback, cut - week)).toBe(0);
    const webCut = all.find(
      (e) =>
        e.fields.channel === "web" &&
        (e.fields.tags as string[] | undefined)?.includes("price-cut"),
    );
    expect(webCut?.fields.competitorId).toBeDefined();
  });
});
