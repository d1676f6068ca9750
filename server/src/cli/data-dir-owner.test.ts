import { chownSync, mkdtempSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { matchDataDirOwner } from "./data-dir-owner.ts";

let dir = "";
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("matchDataDirOwner", () => {
  it("does nothing for a user other than root", () => {
    dir = mkdtempSync(join(tmpdir(), "sightline-owner-"));
    writeFileSync(join(dir, "sightline.sqlite"), "");
    expect(matchDataDirOwner(dir, 1000)).toEqual([]);
    expect(matchDataDirOwner(join(dir, "missing"), 0)).toEqual([]);
  });

  it.runIf(process.getuid?.() === 0)(
    "as root: gives our files to the folder's owner, leaves other files and links alone",
    () => {
      dir = mkdtempSync(join(tmpdir(), "sightline-owner-"));
      chownSync(dir, 65534, 65534);
      for (const f of ["sightline.sqlite", "sightline.lock", "notes.txt"])
        writeFileSync(join(dir, f), "");
      symlinkSync("/etc/hostname", join(dir, "sightline.sqlite-wal"));
      expect(matchDataDirOwner(dir, 0).sort()).toEqual(["sightline.lock", "sightline.sqlite"]);
      expect(statSync(join(dir, "sightline.sqlite")).uid).toBe(65534);
      expect(statSync(join(dir, "notes.txt")).uid).toBe(0);
      expect(statSync("/etc/hostname").uid).toBe(0);
      expect(matchDataDirOwner(dir, 0)).toEqual([]);
    },
  );
});
