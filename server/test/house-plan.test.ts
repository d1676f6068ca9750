// The server's house plan, checked rather than reviewed (issue 13): the two
// database adapters do the same jobs in files of the same names; only an
// adapter talks to its driver; the shared parts of db/ and the adapters never
// reach into each other. (Import cycles and test support under src/ are the
// workspace-wide rules of test/import-rules.test.ts.)
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const SRC = fileURLToPath(new URL("../src/", import.meta.url));
const DB = `${SRC}db/`;

/** Files only one adapter has, each for a reason of its own. */
const ADAPTER_ONLY = {
  /** better-sqlite3 is synchronous: one caller at a time on the one connection. */
  sqlite: ["serial-queue.ts"],
  /** A pool, LISTEN/NOTIFY between instances, retryable errors, the batched push. */
  postgres: ["connect.ts", "notifier.ts", "transient.ts", "push-tx.ts"],
} as const;

const isTest = (f: string) => f.endsWith(".test.ts");
const modules = (dir: string) =>
  readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith(".ts") && !isTest(e.name))
    .map((e) => e.name)
    .sort();

/** Every non-test module under server/src, relative to it, with its import specifiers. */
function sources(dir = SRC, rel = ""): { file: string; imports: string[] }[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    if (e.isDirectory()) return sources(`${dir}${e.name}/`, `${rel}${e.name}/`);
    if (!e.name.endsWith(".ts") || isTest(e.name)) return [];
    const text = readFileSync(`${dir}${e.name}`, "utf8");
    const imports = [...text.matchAll(/(?:^|\n)\s*(?:import|export)[^"';]*?["']([^"']+)["']/g)].map(
      (m) => m[1] as string,
    );
    return [{ file: `${rel}${e.name}`, imports }];
  });
}

describe("db/sqlite and db/postgres", () => {
  it("hold the same file names for the same jobs, besides each one's own", () => {
    const sqlite = modules(`${DB}sqlite`).filter((f) => !ADAPTER_ONLY.sqlite.includes(f as never));
    const postgres = modules(`${DB}postgres`).filter(
      (f) => !ADAPTER_ONLY.postgres.includes(f as never),
    );
    expect(sqlite).toEqual(postgres);
    for (const job of ["db.ts", "open.ts", "migrate.ts", "migrations.ts", "rows.ts", "push.ts"])
      expect(sqlite).toContain(job);
  });

  it("each run the Db contract from a db.test.ts", () => {
    for (const adapter of ["sqlite", "postgres"]) {
      const test = readFileSync(`${DB}${adapter}/db.test.ts`, "utf8");
      expect(test, adapter).toContain("dbContract(");
    }
  });
});

describe("who talks to the database", () => {
  const all = sources();
  const importing = (pattern: RegExp) =>
    all.filter((s) => s.imports.some((i) => pattern.test(i))).map((s) => s.file);

  it("only the SQLite adapter imports better-sqlite3, only the PostgreSQL adapter postgres", () => {
    expect(importing(/^better-sqlite3$/).filter((f) => !f.startsWith("db/sqlite/"))).toEqual([]);
    expect(importing(/^postgres$/).filter((f) => !f.startsWith("db/postgres/"))).toEqual([]);
  });

  it("the adapters never import each other", () => {
    const across = all.filter(
      (s) =>
        (s.file.startsWith("db/sqlite/") && s.imports.some((i) => i.includes("/postgres/"))) ||
        (s.file.startsWith("db/postgres/") && s.imports.some((i) => i.includes("/sqlite/"))),
    );
    expect(across.map((s) => s.file)).toEqual([]);
  });

  it("nothing outside db/ reaches into an adapter but the composition roots", () => {
    const roots = ["main.ts"];
    const reaching = all.filter(
      (s) =>
        !s.file.startsWith("db/") &&
        !roots.includes(s.file) &&
        s.imports.some((i) => /\/db\/(sqlite|postgres|rows)\//.test(i)),
    );
    expect(reaching.map((s) => s.file)).toEqual([]);
  });
});
