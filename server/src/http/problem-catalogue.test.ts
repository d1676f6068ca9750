// Every problem type the server can answer has a message in both languages
// in the shared catalogue (`problem.<slug>` in common.ts or web.ts), so no
// surface shows the server's English (issue 15). The slugs are read from the
// server's source: the status slugs of problem.ts, every `slug: "…"` given
// to an HttpProblem, every literal problem type, and the insight status
// gates (their codes are the slugs of a refused status change).
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { common } from "@sightline/shared/i18n/common";
import { web } from "@sightline/shared/i18n/web";
import { describe, expect, it } from "vitest";
import { HttpProblem, problemResponse } from "./problem.ts";

const SRC = join(import.meta.dirname, "..");

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return e.name.endsWith(".ts") && !e.name.endsWith(".test.ts") ? [p] : [];
  });
}

function serverSlugs(): Set<string> {
  const slugs = new Set<string>();
  for (const file of sources(SRC)) {
    const text = readFileSync(file, "utf8");
    for (const m of text.matchAll(/slug: "([a-z0-9-]+)"/g)) slugs.add(m[1] as string);
    for (const m of text.matchAll(/urn:sightline:problem:([a-z0-9-]+)/g)) slugs.add(m[1] as string);
  }
  // The status slugs (SLUGS in problem.ts) and the fallback for any other status.
  const problem = readFileSync(join(SRC, "http", "problem.ts"), "utf8");
  const table = problem.slice(
    problem.indexOf("const SLUGS"),
    problem.indexOf("};", problem.indexOf("const SLUGS")),
  );
  for (const m of table.matchAll(/: "([a-z0-9-]+)"/g)) slugs.add(m[1] as string);
  slugs.add("error");
  // Refused status changes carry the gate's code as their slug (insights/service.ts).
  const status = readFileSync(join(SRC, "insights", "status.ts"), "utf8");
  for (const m of status.matchAll(/code: "([a-z0-9-]+)"/g)) slugs.add(m[1] as string);
  return slugs;
}

describe("problem types in the catalogue", () => {
  const catalog: Record<string, { vi: string; en: string }> = { ...common, ...web };

  it("finds the server's problem types", () => {
    const slugs = serverSlugs();
    for (const known of [
      "not-found",
      "validation",
      "single-source",
      "rate-limited",
      "storage-full",
    ])
      expect(slugs).toContain(known);
    // The fallback slug is what problemResponse sends for a status without its own.
    const body = problemResponse(new HttpProblem(500, "x", "y"));
    expect(body.headers.get("content-type")).toBe("application/problem+json");
  });

  it("has a vi and an en message for every one of them", () => {
    const missing = [...serverSlugs()].filter((s) => {
      const e = catalog[`problem.${s}`];
      return !e?.vi?.trim() || !e?.en?.trim();
    });
    expect(missing).toEqual([]);
  });
});
