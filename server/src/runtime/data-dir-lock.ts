// One server process per SQLite data folder: `sightline.pid` holds the
// running server's pid. Start-up refuses a folder another live process
// holds; `sightline restore` refuses to replace the file under a running
// server. A pid file left by a crash (its process is gone) is taken over.
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export const PID_FILE = "sightline.pid";

export class ServerRunningError extends Error {
  constructor(
    readonly pid: number,
    dataDir: string,
  ) {
    super(`a Sightline server (pid ${pid}) is running on ${dataDir}; stop it first`);
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it exists but belongs to someone else — still running.
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The pid of a live server holding `dataDir`, or null. */
export function runningServer(dataDir: string): number | null {
  let text: string;
  try {
    text = readFileSync(join(dataDir, PID_FILE), "utf8");
  } catch {
    return null;
  }
  const pid = Number.parseInt(text.trim(), 10);
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) return null;
  return alive(pid) ? pid : null;
}

/** Claim `dataDir` for this process; returns the release function. */
export function claimDataDir(dataDir: string): () => void {
  const other = runningServer(dataDir);
  if (other !== null) throw new ServerRunningError(other, dataDir);
  const file = join(dataDir, PID_FILE);
  writeFileSync(file, `${process.pid}\n`);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    try {
      if (readFileSync(file, "utf8").trim() === String(process.pid)) rmSync(file);
    } catch {
      // already gone
    }
  };
}
