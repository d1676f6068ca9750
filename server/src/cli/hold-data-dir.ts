// Commands that must not run beside a server (restore, new-epoch) take the
// data folder's lock for their whole run (runtime/data-dir-lock.ts): they
// refuse while a server holds it, and no server can start under them.
import { mkdirSync } from "node:fs";
import { claimDataDir, ServerRunningError } from "../runtime/data-dir-lock.ts";
import { CliError } from "./cli-error.ts";

export function holdDataDir(dataDir: string, what: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  try {
    return claimDataDir(dataDir);
  } catch (e) {
    if (e instanceof ServerRunningError)
      throw new CliError(
        `a Sightline server${e.pid ? ` (pid ${e.pid})` : ""} is running on ${dataDir}; stop it before ${what}`,
      );
    throw e;
  }
}
