// `npm start` rebuilds only what is missing or stale, and says why
// (scripts/build-if-stale.mjs): a missing output, a source newer than the
// output (tests do not count), a lockfile whose content changed since the
// last build — but not a lockfile merely rewritten with the same content.
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  type BuildTarget,
  lockHash,
  recordBuilt,
  staleReason,
  TARGETS,
} from "../scripts/build-if-stale.mjs";

const root = mkdtempSync(join(tmpdir(), "sightline-stale-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const write = (path: string, text: string, at: number) => {
  const file = join(root, path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
  utimesSync(file, at / 1000, at / 1000);
};

const server = TARGETS.find((t) => t.name === "server") as BuildTarget;

describe("npm start's staleness check", () => {
  it("names the reason to rebuild, or none", () => {
    const t0 = Date.now() - 60_000;
    write("package-lock.json", '{"lockfileVersion":3}', t0);
    write("server/src/main.ts", "// main", t0);
    write("shared/src/index.ts", "// shared", t0);
    const hash = lockHash(root);
    expect(staleReason(root, server, hash)).toBe("server/dist/main.js is missing");

    write("server/dist/main.js", "// built", t0 + 1000);
    expect(staleReason(root, server, hash)).toBeNull();

    write("server/src/cli/main.test.ts", "// a test", t0 + 5000);
    expect(staleReason(root, server, hash)).toBeNull();

    write("shared/src/index.ts", "// shared, edited", t0 + 5000);
    expect(staleReason(root, server, hash)).toBe(
      "shared/src/index.ts is newer than server/dist/main.js",
    );
    write("server/dist/main.js", "// built again", t0 + 6000);
    recordBuilt(root, server, hash);
    expect(staleReason(root, server, hash)).toBeNull();

    // npm prune rewrites the lockfile: same content, new mtime → still fresh.
    write("package-lock.json", '{"lockfileVersion":3}', t0 + 9000);
    expect(staleReason(root, server, lockHash(root))).toBeNull();
    // A dependency changed → rebuild.
    write("package-lock.json", '{"lockfileVersion":3,"packages":{}}', t0 + 9000);
    expect(staleReason(root, server, lockHash(root))).toBe(
      "package-lock.json changed since it was built",
    );
  });
});
