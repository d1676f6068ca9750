// @vitest-environment happy-dom
// The price-reading set (test/fixtures/prices): Vietnamese and international
// formats, roles, conditions, non-prices and hard cases the reader must
// abstain on. Every case must pass; the accuracy is printed.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { scanPriceText } from "./price-text.ts";
import { readPrices } from "./prices.ts";

type Expect = [number, string, string];
type TextCase = { text: string; lang?: string; expect: Expect[]; note?: string };
type HtmlCase = {
  name: string;
  html: string;
  lang?: string;
  expect: [string, number, string, string][];
};

const dir = join(import.meta.dirname, "../../test/fixtures/prices");
const load = <T>(name: string): T[] =>
  (JSON.parse(readFileSync(join(dir, name), "utf8")) as { cases: T[] }).cases;
const textCases = load<TextCase>("text-cases.json");
const htmlCases = load<HtmlCase>("html-cases.json");

function readText(c: TextCase) {
  return scanPriceText(c.text, { lang: c.lang ?? "vi" }).map((p) => [p.amount, p.currency, p.role]);
}

function readHtml(c: HtmlCase) {
  document.open();
  document.write(
    `<!doctype html><html lang="${c.lang ?? "vi"}"><head></head><body>${c.html}</body></html>`,
  );
  document.close();
  return readPrices(document).map((p) => [p.source, p.amount, p.currency, p.role]);
}

/** Values only (amount and currency, and source for pages): what an older reader could get right. */
const values = (rows: unknown[][]) => rows.map((r) => r.slice(0, -1));

describe("price-reading set", () => {
  const failures: string[] = [];
  let valuesRight = 0;
  let allRight = 0;
  const total = textCases.length + htmlCases.length;
  for (const c of textCases) {
    const got = readText(c);
    if (JSON.stringify(values(got)) === JSON.stringify(values(c.expect))) valuesRight++;
    if (JSON.stringify(got) === JSON.stringify(c.expect)) allRight++;
    else
      failures.push(
        `${JSON.stringify(c.text)}: got ${JSON.stringify(got)}, want ${JSON.stringify(c.expect)}`,
      );
  }
  for (const c of htmlCases) {
    const got = readHtml(c);
    if (JSON.stringify(values(got)) === JSON.stringify(values(c.expect))) valuesRight++;
    if (JSON.stringify(got) === JSON.stringify(c.expect)) allRight++;
    else failures.push(`[${c.name}]: got ${JSON.stringify(got)}, want ${JSON.stringify(c.expect)}`);
  }
  const pct = (n: number) => `${((100 * n) / total).toFixed(1)} %`;
  console.log(
    [
      `price-reading set: ${total} cases (${textCases.length} text, ${htmlCases.length} pages)`,
      `  amounts and currencies right: ${valuesRight}/${total} (${pct(valuesRight)})`,
      `  with roles right too:         ${allRight}/${total} (${pct(allRight)})`,
      ...failures.map((f) => `  ✗ ${f}`),
    ].join("\n"),
  );

  it("has at least 120 cases, including abstentions", () => {
    expect(total).toBeGreaterThanOrEqual(120);
    expect(textCases.filter((c) => c.note?.startsWith("hard")).length).toBeGreaterThanOrEqual(5);
  });

  it.each(textCases.map((c) => [c.text, c] as const))("reads %j", (_, c) => {
    expect(readText(c)).toEqual(c.expect);
  });

  it.each(htmlCases.map((c) => [c.name, c] as const))("reads the page: %s", (_, c) => {
    expect(readHtml(c)).toEqual(c.expect);
  });
});
