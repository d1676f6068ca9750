import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { claimDataDir, PID_FILE, runningServer, ServerRunningError } from "./pid-file.ts";

const dir = mkdtempSync(join(tmpdir(), "sightline-pid-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("pid file", () => {
  it("claims a free folder and releases it", () => {
    const release = claimDataDir(dir);
    expect(existsSync(join(dir, PID_FILE))).toBe(true);
    release();
    expect(existsSync(join(dir, PID_FILE))).toBe(false);
  });

  it("refuses a folder a live process holds, and takes over one whose process is gone", () => {
    // This process's parent is alive and is not this process.
    writeFileSync(join(dir, PID_FILE), `${process.ppid}\n`);
    expect(runningServer(dir)).toBe(process.ppid);
    expect(() => claimDataDir(dir)).toThrow(ServerRunningError);
    // A pid no process has (beyond the kernel's pid_max).
    writeFileSync(join(dir, PID_FILE), "99999999\n");
    expect(runningServer(dir)).toBeNull();
    claimDataDir(dir)();
  });
});
