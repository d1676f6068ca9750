import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { claimDataDir, PID_FILE, runningServer, ServerRunningError } from "./data-dir-lock.ts";

const dir = mkdtempSync(join(tmpdir(), "sightline-lock-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the data folder lock", () => {
  it("is held while claimed (a second claim is refused, naming the pid) and free once released", () => {
    expect(runningServer(dir)).toBeNull();
    const release = claimDataDir(dir);
    expect(existsSync(join(dir, PID_FILE))).toBe(true);
    expect(runningServer(dir)).toEqual({ pid: process.pid });
    expect(() => claimDataDir(dir)).toThrow(ServerRunningError);
    expect(() => claimDataDir(dir)).toThrow(`(pid ${process.pid}) is running`);
    release();
    expect(existsSync(join(dir, PID_FILE))).toBe(false);
    expect(runningServer(dir)).toBeNull();
  });

  it("ignores a pid file nobody holds the lock for (a crash, or a pid since reused)", () => {
    // This process's parent is alive: a pid file alone must not block a start.
    writeFileSync(join(dir, PID_FILE), `${process.ppid}\n`);
    expect(runningServer(dir)).toBeNull();
    claimDataDir(dir)();
  });

  it("a folder that does not exist has no server", () => {
    expect(runningServer(join(dir, "missing"))).toBeNull();
  });
});
