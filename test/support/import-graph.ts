// The repository's import graph, read with TypeScript's own pre-processor
// (comments and strings are not imports): every .ts/.tsx file of the
// workspaces with what each imports, resolved to a file where the import is
// one of ours (a relative path or an @sightline/* package). Used by
// test/import-rules.test.ts; no dependency beyond `typescript`.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import ts from "typescript";

export const ROOT = resolve(import.meta.dirname, "../..");

/** Workspace folders, most specific first (server/web before server). */
export const PACKAGES = [
  "shared",
  "browser",
  "server/web",
  "server",
  "kiosk",
  "extension",
  "test",
  "bench",
] as const;
export type PackageDir = (typeof PACKAGES)[number];

const SKIP = new Set(["node_modules", "dist", ".tsbuild", "data", "tmp", "coverage"]);

export type Import = {
  /** As written, query string included. */
  specifier: string;
  /** Repository-relative file for our own modules, null for other packages' (or unresolved). */
  file: string | null;
  /** The npm package name (`zod`, `node:fs`, `@sightline/shared`) for bare specifiers. */
  packageName: string | null;
};

export type SourceFile = { file: string; pkg: PackageDir; imports: Import[] };

/** The package a repository-relative path belongs to, or null (root files). */
export function packageOf(file: string): PackageDir | null {
  return PACKAGES.find((p) => file === p || file.startsWith(`${p}/`)) ?? null;
}

export const isTestFile = (file: string) => /\.test\.tsx?$/.test(file);

function walk(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    if (SKIP.has(name) || name.startsWith(".")) return [];
    const path = `${dir}/${name}`;
    if (statSync(join(ROOT, path)).isDirectory()) return walk(path);
    return /\.tsx?$/.test(name) && !name.endsWith(".d.ts") ? [path] : [];
  });
}

type Exports = Record<string, string>;
const exportsOf = new Map<string, Exports>();
function packageExports(dir: string): Exports {
  let e = exportsOf.get(dir);
  if (!e) {
    const json = JSON.parse(readFileSync(join(ROOT, dir, "package.json"), "utf8")) as {
      exports?: Exports | string;
    };
    e = typeof json.exports === "string" ? { ".": json.exports } : (json.exports ?? {});
    exportsOf.set(dir, e);
  }
  return e;
}

const WORKSPACES: Record<string, string> = {
  "@sightline/shared": "shared",
  "@sightline/browser": "browser",
  "@sightline/server": "server",
  "@sightline/kiosk": "kiosk",
  "@sightline/extension": "extension",
  "@sightline/test": "test",
};

/** `@sightline/x/sub` → the file its package.json `exports` maps it to (exact keys, then `*` patterns). */
function resolveWorkspace(name: string, sub: string): string | null {
  const dir = WORKSPACES[name];
  if (!dir) return null;
  const exports = packageExports(dir);
  const key = sub ? `./${sub}` : ".";
  const exact = exports[key];
  if (exact) return join(dir, exact);
  const patterns = Object.keys(exports)
    .filter((k) => k.includes("*"))
    .sort((a, b) => b.length - a.length);
  for (const k of patterns) {
    const [pre = "", post = ""] = k.split("*");
    if (key.startsWith(pre) && key.endsWith(post) && key.length >= pre.length + post.length) {
      const star = key.slice(pre.length, key.length - post.length);
      return join(dir, (exports[k] as string).replace("*", star));
    }
  }
  return null;
}

function existing(path: string): string | null {
  for (const p of [path, `${path}.ts`, `${path}.tsx`, join(path, "index.ts")])
    if (existsSync(join(ROOT, p)) && statSync(join(ROOT, p)).isFile()) return p;
  return null;
}

function resolveImport(from: string, specifier: string): Import {
  const bare = specifier.split("?")[0] as string;
  if (bare.startsWith(".")) {
    const target = relative(ROOT, resolve(ROOT, dirname(from), bare));
    return { specifier, file: existing(target) ?? target, packageName: null };
  }
  const parts = bare.split("/");
  const packageName = bare.startsWith("@") ? parts.slice(0, 2).join("/") : (parts[0] as string);
  const sub = parts.slice(bare.startsWith("@") ? 2 : 1).join("/");
  const own = resolveWorkspace(packageName, sub);
  return { specifier, file: own ? relative(ROOT, resolve(ROOT, own)) : null, packageName };
}

/** Every source file of the workspaces with its resolved imports. */
export function readSources(): SourceFile[] {
  return PACKAGES.flatMap((pkg) =>
    existsSync(join(ROOT, pkg)) ? walk(pkg).filter((f) => packageOf(f) === pkg) : [],
  ).map((file) => {
    const text = readFileSync(join(ROOT, file), "utf8");
    const { importedFiles } = ts.preProcessFile(text, true, true);
    return {
      file,
      pkg: packageOf(file) as PackageDir,
      imports: importedFiles.map((i) => resolveImport(file, i.fileName)),
    };
  });
}

/**
 * The import cycles among `files` (each reported once, as a closed path
 * a → b → … → a), from the strongly connected components of the graph.
 */
export function findCycles(sources: readonly SourceFile[]): string[][] {
  const edges = new Map<string, string[]>();
  for (const s of sources) edges.set(s.file, []);
  for (const s of sources)
    for (const i of s.imports)
      if (i.file && edges.has(i.file) && !edges.get(s.file)?.includes(i.file))
        edges.get(s.file)?.push(i.file);

  // Tarjan's strongly connected components (recursive: import chains are short).
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  const connect = (v: string) => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!index.has(w)) {
        connect(w);
        low.set(v, Math.min(low.get(v) as number, low.get(w) as number));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v) as number, index.get(w) as number));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop() as string;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      const selfLoop = component.length === 1 && edges.get(v)?.includes(v);
      if (component.length > 1 || selfLoop) components.push(component);
    }
  };
  for (const v of [...edges.keys()].sort()) if (!index.has(v)) connect(v);

  // One concrete cycle per component: a shortest way back to its first file.
  return components.map((component) => {
    const members = new Set(component);
    const start = [...component].sort()[0] as string;
    const previous = new Map<string, string>();
    const queue = [start];
    while (queue.length > 0) {
      const v = queue.shift() as string;
      for (const w of edges.get(v) ?? []) {
        if (!members.has(w)) continue;
        if (w === start) {
          const path = [v];
          while (path[0] !== start) path.unshift(previous.get(path[0] as string) as string);
          return [...path, start];
        }
        if (!previous.has(w)) {
          previous.set(w, v);
          queue.push(w);
        }
      }
    }
    return [start, start];
  });
}
