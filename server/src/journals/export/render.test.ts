import { parseCsv } from "@sightline/shared/import/csv";
import { describe, expect, it } from "vitest";
import { exportFixture, SHOT } from "../../../test/support/export-fixture.ts";
import { csvCell, escapeHtml, escapeMarkdown } from "./escape.ts";
import { renderExport } from "./render.ts";

describe("Markdown export", () => {
  const md = renderExport(exportFixture("en"), "md");

  it("has the journal's question, goal and scope", () => {
    expect(md).toMatch(/^# Giá & đối thủ — quý 1$/m);
    expect(md).toContain("**Question:** Vì sao khách \\<b\\>rời đi\\</b\\> không mua?");
    expect(md).toContain("**Scope:** 01 Mar 2024 → 31 Mar 2024 · Web, Store, Feedback · Price");
  });

  it("shows corroboration, the single-source flag, scorecard, total and weakest", () => {
    expect(md).toContain("3 kinds of data (Feedback, Store, Web), 3 supporting observations");
    expect(md).toContain("1 contradicting observation\n");
    expect(md).toContain("| Truth | 3/3 | 21 observations, 3 channels |");
    expect(md).toContain("Total 9/12 — weakest: Uniqueness");
    expect(md).toContain("**⚠ One source only**");
    expect(md).toContain("Total 0/12 — weakest: Not scored");
  });

  it("lists evidence with quotes, screenshots as blob links, and deleted observations", () => {
    expect(md).toContain("- **Supports** · Web · 11 Mar 2024 · Túi xách da giảm còn 1.290.000đ");
    expect(md).toContain("  > Giá sốc\n  > \\# chỉ hôm nay");
    expect(md).toContain(`  ![Screenshot](/v1/blobs/${SHOT})`);
    expect(md).toContain("- **Context** · (observation deleted)");
  });

  it("lists actions with owner, due and status", () => {
    expect(md).toContain(
      "- [ ] Price-match the Classic bag — Owner: Lan · Due: 01 Apr 2024 · Doing",
    );
    expect(md).toContain("- [x] \\-1 Brief the floor staff — Done");
  });

  it("escapes markup in user text", () => {
    expect(md).toContain("\\<script\\>alert(1)\\</script\\> \\*ngay tại quầy\\*");
    expect(md).not.toContain("<script>");
  });

  it("speaks Vietnamese when asked", () => {
    const vi = renderExport(exportFixture("vi"), "md");
    expect(vi).toContain("**Câu hỏi:**");
    expect(vi).toContain("Chỉ một nguồn");
    expect(vi).toContain("| Sự thật | 3/3 |");
  });
});

describe("CSV export", () => {
  const csv = renderExport(exportFixture("en"), "csv");
  const parsed = parseCsv(csv);
  if (!parsed.ok) throw new Error(parsed.message);
  const rows = parsed.records.map((r) =>
    Object.fromEntries(parsed.header.map((h, i) => [h, r.cells[i]])),
  );

  it("starts with a BOM and has one row per insight, evidence link and action", () => {
    expect(csv.startsWith("\uFEFFkind,insight_id,")).toBe(true);
    expect(rows.map((r) => r.kind)).toEqual([
      "insight",
      "evidence",
      "evidence",
      "evidence",
      "action",
      "action",
      "insight",
    ]);
  });

  it("carries corroboration, scores and evidence fields that read back exactly", () => {
    expect(rows[0]).toMatchObject({
      statement: "Khách so giá với đối thủ <script>alert(1)</script> *ngay tại quầy*",
      channels: "3",
      data_types: "feedback|store|web",
      single_source: "false",
      truth: "3",
      resonance_note: 'Khách nói: "đắt quá"',
      principles_total: "9",
      weakest: "uniqueness",
    });
    expect(rows[1]).toMatchObject({
      quote: "Giá sốc\n# chỉ hôm nay",
      screenshot: `/v1/blobs/${SHOT}`,
    });
    expect(rows[6]).toMatchObject({ single_source: "true" });
  });

  it("neutralises spreadsheet formulas", () => {
    expect(rows[0]?.uniqueness_note).toBe('\'=HYPERLINK("http://evil")');
    expect(rows[5]?.action).toBe("'-1 Brief the floor staff");
  });
});

describe("JSON export", () => {
  it("is the complete model with a format marker", () => {
    const json = JSON.parse(renderExport(exportFixture("en"), "json"));
    expect(json).toMatchObject({ format: "sightline-journal", version: 1, locale: "en" });
    expect(json.insights[0].corroboration).toMatchObject({ channels: 3, singleSource: false });
    expect(json.insights[0].evidence[2].observation).toBeNull();
    expect(json.journal.title).toBe("Giá & đối thủ — quý 1");
  });
});

describe("HTML export", () => {
  const html = renderExport(exportFixture("en"), "html");

  it("is one print-ready page: inline CSS with print rules, no scripts", () => {
    expect(html.startsWith("<!doctype html>")).toBe(true);
    expect(html).toContain('<html lang="en">');
    expect(html).toContain("@media print");
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/ on\w+=/i);
  });

  it("escapes every user text", () => {
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain("Vì sao khách &lt;b&gt;rời đi&lt;/b&gt; không mua?");
    expect(html).toContain("Khách nói: &quot;đắt quá&quot;");
  });

  it("shows screenshots from the blob route, the scorecard and the single-source warning", () => {
    expect(html).toContain(`<img src="/v1/blobs/${SHOT}" alt="Screenshot">`);
    expect(html).toContain("<td>Truth</td><td>3/3</td>");
    expect(html).toContain('<span class="badge warn">⚠ One source only</span>');
    expect(html).toContain('<li class="done">-1 Brief the floor staff — Done</li>');
  });
});

describe("escaping helpers", () => {
  it("escape what each format needs", () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe(
      "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;",
    );
    expect(escapeMarkdown("# a\n- b [c](d)")).toBe("\\# a - b \\[c\\](d)");
    expect(escapeMarkdown("1. first")).toBe("1\\. first");
    expect(escapeMarkdown("A & B &amp; C")).toBe("A & B \\&amp; C");
    expect(csvCell('a,"b"')).toBe('"a,""b"""');
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell(-3)).toBe("-3");
    expect(csvCell(null)).toBe("");
  });
});
