import { spawn } from "node:child_process";
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

  it("refuses a folder a live process holds, and takes over one whose process is gone", async () => {
    const child = spawn(process.execPath, ["-e", "setTimeout(() => {}, 30000)"]);
    try {
      writeFileSync(join(dir, PID_FILE), `${child.pid}\n`);
      expect(runningServer(dir)).toBe(child.pid);
      expect(() => claimDataDir(dir)).toThrow(ServerRunningError);
    } finally {
      await new Promise((r) => {
        child.once("exit", r);
        child.kill("SIGKILL");
      });
    }
    expect(runningServer(dir)).toBeNull();
    claimDataDir(dir)();
  });
});
