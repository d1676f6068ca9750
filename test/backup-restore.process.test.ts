// The operator's backup and restore drill, end to end with real processes:
// the server runs and a device (the real sync engine on fake-indexeddb, over
// fetch) syncs; `sightline backup` copies the live database; the device
// then writes and syncs more (acked — the backup does not have it), one
// device is revoked and one person signs out. The server stops, `sightline
// restore` puts the backup back, the server starts: the device's next sync
// resets (new epoch), it re-pushes what the backup lost, and device and
// server converge with nothing lost. The revoked device and the signed-out
// session stay dead. On PostgreSQL the same drill runs through pg_dump and
// `sightline restore` (pg_restore) when the client tools exist.
import "fake-indexeddb/auto";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createTestSchema, postgresTestTarget } from "@sightline/server/testing";
import { type Change, createFetchTransport, type Entity, isLive, uuidv7 } from "@sightline/shared";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import {
  adminSession,
  apiClient,
  freePort,
  ROOT,
  type ServerProcess,
  serverProcess,
} from "./support/server-process.ts";
import { createSimClient, type SimClient } from "./support/sim-client.ts";

const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

/** Run the `sightline` command from source; returns exit code and output. */
function sightline(args: string[], env: Record<string, string>) {
  const r = spawnSync(process.execPath, ["--import", "tsx", "server/src/cli/bin.ts", ...args], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: "", LOG_LEVEL: "warn", ...env },
    encoding: "utf8",
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const isoAt = (ms: number) => new Date(ms).toISOString().replace("Z", "+00:00");
const webFields = (n: number) => ({
  channel: "web",
  method: "competitor-audit",
  capturedAt: isoAt(Date.now() - n * 1000),
  url: `https://shop.vn/p/${n}`,
  what: `Giá giảm còn ${n}.000₫`,
});

async function quiesce(c: SimClient) {
  for (let round = 0; round < 20; round++) {
    const out = await c.engine.sync();
    if (!out.ok) throw new Error(`sync failed: ${JSON.stringify(out)}`);
    if (out.pushed === 0 && out.pulled === 0 && (await c.storage.stats()).unsynced === 0) return;
  }
  throw new Error("device did not quiesce");
}

type Row = { id: string; fields: unknown; deleted: boolean };
const byId = (rows: Row[]) => rows.sort((a, b) => a.id.localeCompare(b.id));

/** Every observation the server holds for this device's scope, via a fresh pull. */
async function serverRows(base: string, c: SimClient): Promise<Row[]> {
  const r = await fetch(`${base}/v1/sync/pull`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${c.token}` },
    body: JSON.stringify({
      protocol: 1,
      deviceId: c.deviceId,
      clientSchema: 1,
      cookie: null,
      limit: 5000,
    }),
  });
  expect(r.status).toBe(200);
  const body = (await r.json()) as { changes: Change[] };
  return byId(
    body.changes.map((ch) =>
      ch.op === "put"
        ? {
            id: ch.entity.id,
            fields: isLive(ch.entity) ? ch.entity.fields : null,
            deleted: !isLive(ch.entity),
          }
        : { id: ch.id, fields: null, deleted: true },
    ),
  );
}

/** The device's mirror in the same shape. */
const mirror = async (c: SimClient): Promise<Row[]> =>
  byId(
    (await c.storage.entities()).map((e: Entity) => ({
      id: e.id,
      fields: isLive(e) ? e.fields : null,
      deleted: !isLive(e),
    })),
  );
const live = (rows: Row[]) => rows.filter((r) => !r.deleted).length;

type Drill = {
  server: ServerProcess;
  /** Take the backup with the server running; resolves when it is on disk. */
  backup(): void;
  /** With the server stopped: put the backup back (and whatever the dialect needs after). */
  restore(): void;
};

async function runDrill(d: Drill) {
  const { server } = d;
  const base = server.base;
  const admin = await adminSession(base);
  const deviceId = crypto.randomUUID();
  const paired = await admin.pair("marketer", deviceId);
  const c = await createSimClient({
    name: "laptop",
    deviceId,
    workspaceId: paired.device.workspaceId,
    token: paired.token,
    transport: createFetchTransport({ baseUrl: base, token: () => paired.token }),
  });
  const doomedId = crypto.randomUUID();
  const doomed = await admin.pair("marketer", doomedId);

  // Before the backup: five writes, synced.
  const ids: string[] = [];
  for (let i = 0; i < 5; i++) {
    const id = uuidv7();
    ids.push(id);
    await c.engine.write({ op: "obs.create", id, fields: webFields(i) });
  }
  await quiesce(c);
  d.backup();

  // After the backup: four more, an edit and a delete of earlier rows — all acked.
  for (let i = 5; i < 9; i++) {
    const id = uuidv7();
    ids.push(id);
    await c.engine.write({ op: "obs.create", id, fields: webFields(i) });
  }
  await c.engine.write({
    op: "obs.patch",
    id: ids[0] as string,
    fields: { why: "sửa sau sao lưu" },
  });
  await c.engine.write({ op: "obs.delete", id: ids[1] as string });
  await quiesce(c);
  const before = await serverRows(base, c);
  expect(live(before)).toBe(8);
  // …and the doomed device is revoked, a person signs out.
  await admin.api("DELETE", `/v1/devices/${doomedId}`);
  const session = (
    await apiClient(base)<{ token: string }>("POST", "/v1/auth/login", {
      email: "admin@example.com",
      password: "e2e-admin-password",
    })
  ).token;
  await apiClient(base, session)("POST", "/v1/auth/logout");

  await server.stop();
  d.restore();
  await server.start();

  // The server holds only the backup's five rows until the device syncs.
  expect(live(await serverRows(base, c))).toBe(5);
  const oldEpoch = (await c.storage.meta())?.cookie?.epoch;
  await quiesce(c);
  expect((await c.storage.meta())?.cookie?.epoch).not.toBe(oldEpoch);
  const after = await serverRows(base, c);
  expect(after).toEqual(before);
  expect((await mirror(c)).filter((r) => !r.deleted)).toEqual(after.filter((r) => !r.deleted));

  // What was revoked after the backup stays revoked.
  const pullAs = (token: string, id: string) =>
    fetch(`${base}/v1/sync/pull`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify({ protocol: 1, deviceId: id, clientSchema: 1, cookie: null }),
    });
  expect((await pullAs(doomed.token, doomedId)).status).toBe(401);
  for (const token of [session, admin.token]) {
    const me = await fetch(`${base}/v1/auth/me`, { headers: { authorization: `Bearer ${token}` } });
    expect(me.status).toBe(401);
  }
  expect((await adminSession(base)).token).toBeTruthy();
}

describe("backup and restore drill", () => {
  it("SQLite: a device that pushed after the backup resets, re-pushes and converges; revocations hold", {
    timeout: 120_000,
  }, async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "sightline-drill-"));
    const backups = mkdtempSync(join(tmpdir(), "sightline-backups-"));
    const server = serverProcess({ port: await freePort(), dataDir });
    cleanups.push(async () => {
      await server.dispose();
      rmSync(dataDir, { recursive: true, force: true });
      rmSync(backups, { recursive: true, force: true });
    });
    await server.start();
    const file = join(backups, "nightly.sqlite");
    const env = { SIGHTLINE_DATA: dataDir };
    await runDrill({
      server,
      backup() {
        const r = sightline(["backup", file], env);
        expect(r.err).toBe("");
        expect(r.code).toBe(0);
        // Refused while the server runs.
        const early = sightline(["restore", file], env);
        expect(early.code).toBe(1);
        expect(early.err).toMatch(/is running on .*; stop it before restoring/);
      },
      restore() {
        const r = sightline(["restore", file], env);
        expect(r.err).toBe("");
        expect(r.code).toBe(0);
        expect(r.out).toMatch(/new epoch [0-9a-f]{32} \(was [0-9a-f]{32}\)/);
        expect(r.out).toMatch(
          /\d+ session\(s\) revoked; 1 device\(s\) kept their newer token state/,
        );
      },
    });
    // The restore is in the audit log, with the system as actor.
    const db = new Database(join(dataDir, "sightline.sqlite"), { readonly: true });
    expect(db.prepare("SELECT actor_type FROM audit_events WHERE type = 'restore'").all()).toEqual([
      { actor_type: "system" },
    ]);
    db.close();
  });

  const pgDump = spawnSync("pg_dump", ["--version"]).status === 0;
  it.runIf(pgDump)(
    "PostgreSQL: the same drill through the printed pg_dump line and `sightline restore` (pg_restore)",
    {
      timeout: 120_000,
    },
    async () => {
      const target = await postgresTestTarget();
      if (!target.ok) return;
      const schema = await createTestSchema(target.url, "sightline_drill");
      const backups = mkdtempSync(join(tmpdir(), "sightline-pgdump-"));
      const server = serverProcess({ port: await freePort(), env: { DATABASE_URL: schema.url } });
      cleanups.push(async () => {
        await server.dispose();
        await schema.drop();
        rmSync(backups, { recursive: true, force: true });
      });
      await server.start();
      const file = join(backups, "nightly.dump");
      const env = { DATABASE_URL: schema.url };
      // The printed commands are the ones run (the password is masked in them).
      const printed = sightline(["backup", file], env);
      expect(printed.code).toBe(0);
      const dumpLine = /pg_dump .*/.exec(printed.out)?.[0] as string;
      const unmask = (line: string) => line.replaceAll("****", new URL(schema.url).password);
      const sh = (line: string) => {
        const r = spawnSync("sh", ["-c", unmask(line)], { encoding: "utf8" });
        expect(r.stderr).toBe("");
        expect(r.status).toBe(0);
      };
      await runDrill({
        server,
        backup() {
          sh(dumpLine);
          expect(existsSync(file)).toBe(true);
        },
        restore() {
          const r = sightline(["restore", file], env);
          expect(r.code).toBe(0);
          expect(r.out).toMatch(/new epoch [0-9a-f]{32} \(was [0-9a-f]{32}\)/);
          expect(r.out).toMatch(/1 device\(s\) kept their newer token state/);
        },
      });
    },
  );
});
