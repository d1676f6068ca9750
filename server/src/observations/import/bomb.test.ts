// An import bomb (issue 18): an 8 MB JSON-lines file of invalid lines once
// produced 4 million error objects, a 430 MB answer and 3.5 GB of memory.
// Now the report lists the first 1,000 errors and counts the rest: the
// answer stays small, memory stays flat, and the event loop is not held long.
import { afterEach, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/support/test-app.ts";
import { MAX_REPORTED_ERRORS } from "./parse-import.ts";
import { MAX_IMPORT_BYTES } from "./routes.ts";

let t: TestApp;
afterEach(() => t?.close());

describe("import bomb", () => {
  it("answers an 8 MB file of invalid lines with a bounded report and the total count", async () => {
    t = await createTestApp();
    const lines = Math.floor((MAX_IMPORT_BYTES - 1024) / 2);
    // Half garbage, half JSON that is not an object: both kinds of bad line.
    const body = "x\n".repeat(lines / 2) + "1\n".repeat(lines / 2);
    expect(body.length).toBeLessThanOrEqual(MAX_IMPORT_BYTES);
    global.gc?.();
    const rssBefore = process.memoryUsage().rss;
    const started = performance.now();
    const res = await t.request("/v1/observations/import?source=bomb&format=jsonl", {
      method: "POST",
      token: t.admin.token,
      headers: { "content-type": "application/x-ndjson" },
      body,
    });
    const text = await res.text();
    const ms = performance.now() - started;
    const rssGrowth = process.memoryUsage().rss - rssBefore;
    expect(res.status, text.slice(0, 300)).toBe(200);
    const report = JSON.parse(text);
    expect(report.errors).toHaveLength(MAX_REPORTED_ERRORS);
    expect(report.errorCount).toBe(lines);
    expect(report.received).toBe(lines);
    expect(report.created).toBe(0);
    expect(text.length).toBeLessThan(200_000);
    expect(rssGrowth).toBeLessThan(400 * 1024 * 1024);
    console.log(
      `import bomb: ${lines} bad lines, ${text.length} B answer, ${Math.round(ms)} ms, rss +${Math.round(rssGrowth / 1048576)} MB`,
    );
    // The audit row counts them too.
    const audit = await (await t.request("/v1/audit?type=import", { token: t.admin.token })).json();
    expect(audit.items[0].detail).toMatchObject({ errorCount: lines, created: 0 });
  });
});
