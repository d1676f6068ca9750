// Comments cite the design docs by repository path, as
// `docs/sync-protocol.md "Server push algorithm"`: every cited docs/ file
// exists, a quoted section after it names a heading of that file (exactly,
// or the part before " — ", a leading "3. " aside), and no comment cites the
// old handbook names (SYNC.md, API.md, DOMAIN.md, ARCHITECTURE.md) that were
// never in the repository. The docs' own backticked repository paths are
// checked too. Comments are read with TypeScript's scanner, so a "//" inside
// a string is not a comment.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { PACKAGES, ROOT } from "./support/import-graph.ts";

const SKIP = new Set(["node_modules", "dist", ".tsbuild", "data", "tmp", "coverage"]);

function walk(dir: string, ext: RegExp): string[] {
  if (!existsSync(join(ROOT, dir))) return [];
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    if (SKIP.has(name) || name.startsWith(".")) return [];
    const path = `${dir}/${name}`;
    if (statSync(join(ROOT, path)).isDirectory()) return walk(path, ext);
    return ext.test(name) && !name.endsWith(".d.ts") ? [path] : [];
  });
}

/** The comments of a source file, each as one line of text (markers and line breaks dropped). */
function commentsOf(file: string): string[] {
  const text = readFileSync(join(ROOT, file), "utf8");
  const scanner = ts.createScanner(
    ts.ScriptTarget.Latest,
    false,
    file.endsWith(".tsx") ? ts.LanguageVariant.JSX : ts.LanguageVariant.Standard,
    text,
  );
  const out: string[] = [];
  let run: string[] = []; // consecutive // lines read as one comment
  const flush = () => {
    if (run.length) out.push(run.join(" "));
    run = [];
  };
  for (let kind = scanner.scan(); kind !== ts.SyntaxKind.EndOfFileToken; kind = scanner.scan()) {
    if (kind === ts.SyntaxKind.SingleLineCommentTrivia) {
      run.push(scanner.getTokenText().replace(/^\/\/\s?/, ""));
    } else if (kind === ts.SyntaxKind.MultiLineCommentTrivia) {
      flush();
      out.push(
        scanner
          .getTokenText()
          .replace(/^\/\*+|\*+\/$/g, "")
          .split("\n")
          .map((l) => l.replace(/^\s*\*?\s?/, ""))
          .join(" "),
      );
    } else if (kind === ts.SyntaxKind.NewLineTrivia || kind === ts.SyntaxKind.WhitespaceTrivia) {
      // a run of // lines continues across line breaks
    } else flush();
  }
  flush();
  return out;
}

const sources = [...new Set(PACKAGES.flatMap((p) => walk(p, /\.tsx?$/)))].filter(
  (f) => f !== "test/doc-citations.test.ts",
);
const comments = sources.flatMap((file) => commentsOf(file).map((text) => ({ file, text })));

const CITATION = /(?<![\w/.-])(docs\/[\w./-]*?\.md)(?:\s+"([^"]+)")?/g;
const OLD_NAMES = /(?<![\w/.-])(SYNC|API|DOMAIN|ARCHITECTURE)\.md\b/g;

const citations = comments.flatMap(({ file, text }) =>
  [...text.matchAll(CITATION)].map((m) => ({ file, path: m[1] as string, section: m[2] })),
);

const headingsOf = new Map<string, string[]>();
function headings(path: string): string[] {
  let hs = headingsOf.get(path);
  if (!hs) {
    hs = readFileSync(join(ROOT, path), "utf8")
      .split("\n")
      .filter((l) => /^#{1,6} /.test(l))
      .map((l) => l.replace(/^#+\s+/, "").trim());
    headingsOf.set(path, hs);
  }
  return hs;
}
const namesHeading = (heading: string, section: string) => {
  const h = heading.replace(/^\d+\.\s+/, "");
  return h === section || h.startsWith(`${section} — `);
};

describe("doc citations in comments", () => {
  it("finds the citations (the scan works)", () => {
    expect(citations.length).toBeGreaterThan(40);
  });

  it("cite docs files that exist", () => {
    const missing = citations
      .filter((c) => !existsSync(join(ROOT, c.path)))
      .map((c) => `${c.file}: ${c.path}`);
    expect(missing).toEqual([]);
  });

  it("cite quoted sections that are headings of the cited file", () => {
    const missing = citations
      .filter((c) => c.section !== undefined && existsSync(join(ROOT, c.path)))
      .filter((c) => !headings(c.path).some((h) => namesHeading(h, c.section as string)))
      .map((c) => `${c.file}: ${c.path} "${c.section}"`);
    expect(missing).toEqual([]);
  });

  it("never cite the old handbook names", () => {
    const old = comments.flatMap(({ file, text }) =>
      [...text.matchAll(OLD_NAMES)].map((m) => `${file}: ${m[0]}`),
    );
    expect(old).toEqual([]);
  });
});

describe("the docs", () => {
  const docs = walk("docs", /\.md$/);
  const ROOTS = ["shared", "browser", "server", "kiosk", "extension", "test", "bench", "docs"];
  const PATH = new RegExp(`\`((?:${ROOTS.join("|")})/[\\w./-]+)\``, "g");

  it("name repository paths that exist", () => {
    const missing = docs.flatMap((doc) =>
      [...readFileSync(join(ROOT, doc), "utf8").matchAll(PATH)]
        .map((m) => m[1] as string)
        .filter((p) => !existsSync(join(ROOT, p.replace(/\/$/, ""))))
        .map((p) => `${doc}: ${p}`),
    );
    expect(missing).toEqual([]);
  });

  it("name no package export that is gone", () => {
    const stale = docs.flatMap((doc) =>
      [...readFileSync(join(ROOT, doc), "utf8").matchAll(/@sightline\/shared\/idb\b/g)].map(
        (m) => `${doc}: ${m[0]}`,
      ),
    );
    expect(stale).toEqual([]);
  });
});
