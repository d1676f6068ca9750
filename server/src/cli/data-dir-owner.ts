// Operators run `sightline restore`, `new-epoch`, `migrate`… with sudo, while
// the service runs as its own user who owns the data folder. A file root
// creates or replaces there (a restored sightline.sqlite, the lock file)
// would stay root's, and the service would then fail with SQLITE_READONLY
// or not take its lock. So after each command run as root, our files in
// the data folder are given to the folder's owner.
import { chownSync, lstatSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { CliError } from "./cli-error.ts";

/** Our files in the data folder: sightline.sqlite(-wal, -shm, .pre-restore-…), .lock, .pid. */
const OURS = /^sightline\./;

/**
 * When `uid` (this process's) is root, chown our files in `dataDir` that
 * are not the folder owner's to the folder's uid and gid; returns their
 * names. A no-op for any other user (who cannot chown) or a missing folder.
 */
export function matchDataDirOwner(dataDir: string, uid = process.getuid?.()): string[] {
  if (uid !== 0) return [];
  let owner: { uid: number; gid: number };
  try {
    owner = statSync(dataDir);
  } catch {
    return [];
  }
  const changed: string[] = [];
  for (const name of readdirSync(dataDir)) {
    if (!OURS.test(name)) continue;
    const path = join(dataDir, name);
    const s = lstatSync(path, { throwIfNoEntry: false });
    // Gone meanwhile, or a link: never follow a link out of the folder.
    if (!s || s.isSymbolicLink()) continue;
    if (s.uid === owner.uid && s.gid === owner.gid) continue;
    try {
      chownSync(path, owner.uid, owner.gid);
    } catch (e) {
      throw new CliError(
        `could not give ${path} to the data folder's owner (${owner.uid}:${owner.gid}): ${(e as Error).message}`,
      );
    }
    changed.push(name);
  }
  return changed;
}
