// One server process per SQLite data folder. The server holds an exclusive
// SQLite lock (db/sqlite/maintenance.ts) on `sightline.lock` for as long as it runs — the operating
// system drops it when the process ends, even on SIGKILL or power loss, so a
// crash never leaves a stale claim and a reused pid is never mistaken for a
// server. `sightline.pid` beside it only says which process holds it.
// `sightline restore` and `new-epoch` take the same lock for their work, so
// a server cannot start under them.
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { holdExclusiveFileLock } from "../db/open-db.ts";

export const LOCK_FILE = "sightline.lock";
export const PID_FILE = "sightline.pid";

export class ServerRunningError extends Error {
  constructor(
    readonly pid: number | null,
    dataDir: string,
  ) {
    super(
      `a Sightline server${pid ? ` (pid ${pid})` : ""} is running on ${dataDir}; stop it first`,
    );
  }
}

function pidIn(dataDir: string): number | null {
  try {
    const pid = Number.parseInt(readFileSync(join(dataDir, PID_FILE), "utf8").trim(), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

/** Take the lock or throw ServerRunningError; the hold keeps it until released. */
function lock(dataDir: string): { release(): void } {
  const held = holdExclusiveFileLock(join(dataDir, LOCK_FILE));
  if (held === "busy") throw new ServerRunningError(pidIn(dataDir), dataDir);
  return held;
}

/** Whether a server (or a restore) holds `dataDir` now; its pid when known. */
export function runningServer(dataDir: string): { pid: number | null } | null {
  let held: { release(): void };
  try {
    held = lock(dataDir);
  } catch (e) {
    if (e instanceof ServerRunningError) return { pid: e.pid };
    return null; // no folder yet: nobody runs on it
  }
  held.release();
  return null;
}

/** Claim `dataDir` (which must exist) for this process; returns the release function. */
export function claimDataDir(dataDir: string): () => void {
  const held = lock(dataDir);
  const pidFile = join(dataDir, PID_FILE);
  writeFileSync(pidFile, `${process.pid}\n`);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    try {
      if (pidIn(dataDir) === process.pid) rmSync(pidFile);
    } catch {
      // already gone
    }
    held.release();
  };
}
