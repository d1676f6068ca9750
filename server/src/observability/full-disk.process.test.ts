// A really full disk: the database lives on a small tmpfs that a filler
// file then fills, so SQLite meets ENOSPC and reports SQLITE_FULL. /ready
// must say 503 (database and disk checks), sign-in must answer 503 with
// Retry-After (not 500), /health stays 200, and both recover when space
// returns. Needs root in a container that allows mounts (`mount -t tmpfs`);
// skipped elsewhere (routes.test.ts has a fault-injecting Db instead).
import { execFileSync } from "node:child_process";
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/support/test-app.ts";
import type { SqliteDb } from "../db/sqlite/db.ts";
import { sqliteReadinessPort } from "../db/sqlite/maintenance.ts";
import { type ReadinessProbe, readinessProbe } from "./readiness.ts";

let t: TestApp | undefined;
const dirs: string[] = [];
const mounts: string[] = [];
afterEach(async () => {
  await t?.close();
  t = undefined;
  for (const m of mounts.splice(0)) execFileSync("umount", [m]);
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** Whether this process may mount a tmpfs (root in a container that allows it). */
const tmpfs = (() => {
  if (process.getuid?.() !== 0) return false;
  const dir = mkdtempSync(join(tmpdir(), "sightline-mount-"));
  try {
    execFileSync("mount", ["-t", "tmpfs", "-o", "size=1m", "tmpfs", dir], { stdio: "ignore" });
    execFileSync("umount", [dir]);
    return true;
  } catch {
    return false;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
})();

/** Write 64 KiB blocks into `file` until the filesystem refuses (ENOSPC). */
function fillDisk(file: string) {
  const fd = openSync(file, "w");
  const block = Buffer.alloc(64 * 1024, 1);
  try {
    for (;;) writeSync(fd, block);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "ENOSPC") throw e;
  } finally {
    closeSync(fd);
  }
}

const login = (app: TestApp) =>
  app.request("/v1/auth/login", {
    method: "POST",
    json: { email: "admin@example.com", password: "correct horse battery" },
  });

describe("a full disk", () => {
  it.runIf(tmpfs)(
    "on a full disk (a 6 MB tmpfs filled up): /ready 503, sign-in 503 with Retry-After; both recover when space returns",
    async () => {
      const dir = mkdtempSync(join(tmpdir(), "sightline-full-"));
      dirs.push(dir);
      execFileSync("mount", ["-t", "tmpfs", "-o", "size=6m", "tmpfs", dir]);
      mounts.push(dir);
      let probe: ReadinessProbe = async () => [];
      t = await createTestApp({ file: join(dir, "sightline.sqlite"), ready: () => probe() });
      probe = readinessProbe(sqliteReadinessPort((t.db as SqliteDb).handle), {
        dataDir: dir,
        minFreeBytes: 1024 * 1024,
      });
      expect((await t.request("/ready")).status).toBe(200);
      fillDisk(join(dir, "filler"));

      const ready = await t.request("/ready");
      expect(ready.status).toBe(503);
      const detail = (await ready.json()).detail as string;
      expect(detail).toMatch(/database: SQLITE_FULL/);
      expect(detail).toMatch(/disk: 0 MB free, below the 1 MB floor/);

      const denied = await login(t);
      expect(denied.status).toBe(503);
      expect(denied.headers.get("retry-after")).toBe("60");
      expect(await denied.json()).toMatchObject({
        type: "urn:sightline:problem:storage-full",
        status: 503,
      });
      expect((await t.request("/health")).status).toBe(200);

      rmSync(join(dir, "filler"));
      expect((await t.request("/ready")).status).toBe(200);
      expect((await login(t)).status).toBe(200);
    },
  );
});
