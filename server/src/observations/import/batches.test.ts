// A large import is written a batch at a time with the event loop served in
// between, so no single file holds the one SQLite writer (and every push
// behind it) for the whole file.
import { afterEach, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/support/test-app.ts";
import { IMPORT_BATCH, importObservations } from "./import-observations.ts";

let t: TestApp;
afterEach(async () => {
  await t?.close();
});

// Vietnamese headers and day-first dates, as a survey export comes.
const csv = (n: number) =>
  [
    "Mã,Ngày,Nội dung",
    ...Array.from(
      { length: n },
      (_, i) => `r${i},0${1 + (i % 9)}/11/2026 10:00,Khách hỏi giá lần ${i}`,
    ),
  ].join("\n");

describe("import batches", () => {
  it("stores 1,250 rows in batches of IMPORT_BATCH, other work served between them, and a re-import adds nothing", async () => {
    t = await createTestApp();
    const sizes: number[] = [];
    const turnsBefore: number[] = [];
    let turns = 0;
    let running = true;
    const spin = () => {
      turns++;
      if (running) setImmediate(spin);
    };
    setImmediate(spin);
    const db = t.deps.db;
    const counted = new Proxy(db, {
      get(target, key, receiver) {
        if (key !== "importObservations") return Reflect.get(target, key, receiver);
        return (ws: string, p: Parameters<typeof db.importObservations>[1]) => {
          sizes.push(p.rows.length);
          turnsBefore.push(turns);
          return db.importObservations(ws, p);
        };
      },
    });
    const who = { workspaceId: t.workspaceId, userId: t.admin.userId };
    const deps = { ...t.deps, db: counted };
    const first = await importObservations(deps, who, csv(1250), "csv", { source: "Khảo sát" });
    running = false;
    expect(first).toMatchObject({ ok: true, created: 1250, duplicates: 0, errorCount: 0 });
    expect(sizes).toEqual([IMPORT_BATCH, IMPORT_BATCH, 1250 - 2 * IMPORT_BATCH]);
    // The loop turned between every two batches.
    for (let b = 1; b < turnsBefore.length; b++)
      expect(turnsBefore[b] as number).toBeGreaterThan(turnsBefore[b - 1] as number);
    const again = await importObservations(deps, who, csv(1250), "csv", { source: "Khảo sát" });
    expect(again).toMatchObject({ ok: true, created: 0, duplicates: 1250 });
  });
});
