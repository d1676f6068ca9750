// Where the installed server package is, and its version, found from the
// running module by walking up to the package.json named @sightline/server.
// This holds both for `tsx src/main.ts` (src/runtime/…) and for the bundled
// `dist/main.js`, whose module sits at a different depth.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const PACKAGE_NAME = "@sightline/server";

export type PackageInfo = { home: string; version: string };

/** The server package folder and version, searching upwards from `from` (a file URL or path). */
export function findPackage(from: string = import.meta.url): PackageInfo {
  let dir = dirname(from.startsWith("file:") ? fileURLToPath(from) : from);
  for (;;) {
    const file = join(dir, "package.json");
    if (existsSync(file)) {
      const pkg = JSON.parse(readFileSync(file, "utf8")) as { name?: string; version?: string };
      if (pkg.name === PACKAGE_NAME) return { home: dir, version: pkg.version ?? "0.0.0" };
    }
    const up = dirname(dir);
    if (up === dir) throw new Error(`${PACKAGE_NAME}: package.json not found above ${from}`);
    dir = up;
  }
}
