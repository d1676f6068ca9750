// @vitest-environment happy-dom
// The import screen against a fake API: the file is read in the browser, the
// mapping comes from the server's preview, a dry run says what would happen,
// the import goes in 100-row slices (line numbers of row errors are the whole
// file's), row errors and a re-import are said in the user's language.
import { getByLabelText, getByRole } from "@testing-library/dom";
import { afterEach, describe, expect, it, vi } from "vitest";
import { fire, renderUi, settle, TEST_USER } from "../../test/support/render.tsx";
import type { Api, ImportRequest } from "../api/client.ts";
import { ApiError } from "../api/problem.ts";
import { ImportPage } from "./import-page.tsx";

afterEach(() => vi.restoreAllMocks());

const rows = Array.from(
  { length: 250 },
  (_, k) => `${k + 1},Khách ${k + 1} hỏi giá,${k === 120 ? "Không có" : "Sightline Q1"}`,
);
const CSV = ["Mã,Nội dung,Cửa hàng", ...rows].join("\n");

function choose(el: HTMLElement, label: string) {
  const input = getByLabelText(el, label) as HTMLInputElement;
  const file = new File([CSV], "khao-sat.csv", { type: "text/csv" });
  Object.defineProperty(input, "files", { value: [file], configurable: true });
  fire("change", input);
}

type Preview = Awaited<ReturnType<Api["importPreview"]>>;

function fakeApi(seen: Set<string>) {
  return {
    importPreview: vi.fn(
      async (_body: Parameters<Api["importPreview"]>[0]): Promise<Preview> => ({
        format: "csv",
        columns: ["Mã", "Nội dung", "Cửa hàng"],
        mapping: { what: "Nội dung", storeId: "Cửa hàng" },
        rowIdColumn: "Mã",
        total: 250,
      }),
    ),
    importObservations: vi.fn(async (body: ImportRequest) => {
      const lines = body.content.trim().split("\n").slice(1);
      const errors = lines.flatMap((l, k) =>
        l.includes("Không có")
          ? [
              {
                line: k + 2,
                rowId: l.split(",")[0],
                errors: [{ path: "storeId", message: 'no store named "Không có"' }],
              },
            ]
          : [],
      );
      const good = lines.filter((l) => !l.includes("Không có")).map((l) => l.split(",")[0] ?? "");
      const fresh = good.filter((id) => !seen.has(id));
      if (!body.dryRun) for (const id of good) seen.add(id);
      return {
        source: body.source,
        received: lines.length,
        created: fresh.length,
        duplicates: good.length - fresh.length,
        createdIds: [],
        errors,
        errorCount: errors.length,
        ...(body.dryRun ? { dryRun: true } : {}),
      };
    }),
  } satisfies Partial<Api>;
}

describe("ImportPage", () => {
  it("previews, checks, imports in slices and says a re-import added nothing — in Vietnamese", async () => {
    const seen = new Set<string>();
    const api = fakeApi(seen);
    const el = renderUi(<ImportPage />, { api, locale: "vi" });
    choose(el, "Tệp CSV hoặc JSON lines");
    await settle(6);
    expect(el.textContent).toContain("5 dòng đầu trong 250 dòng");
    expect((el.querySelector('select[data-field="storeId"]') as HTMLSelectElement).value).toBe(
      "Cửa hàng",
    );
    expect((el.querySelector('select[data-field="rowId"]') as HTMLSelectElement).value).toBe("Mã");
    expect((getByLabelText(el, /^Tên nguồn/) as HTMLInputElement).value).toBe("khao-sat");

    fire("click", getByRole(el, "button", { name: "Kiểm tra (không ghi gì)" }));
    await settle(6);
    expect(api.importObservations).toHaveBeenCalledTimes(1);
    expect(api.importObservations.mock.calls[0]?.[0]).toMatchObject({
      dryRun: true,
      mapping: { what: "Nội dung", storeId: "Cửa hàng" },
      rowIdColumn: "Mã",
    });
    expect(el.textContent).toContain("Kiểm tra xong: 249/250 dòng nhập được. Chưa ghi gì.");
    expect(el.textContent).toContain("Dòng 122: không có cửa hàng này");
    expect(el.textContent).not.toContain("no store named");

    fire("click", getByRole(el, "button", { name: "Nhập 250 dòng" }));
    await settle(10);
    // Three slices of at most 100 rows; the row error keeps the file's line.
    expect(api.importObservations).toHaveBeenCalledTimes(4);
    expect(el.textContent).toContain("Đã nhập 249 quan sát mới từ “khao-sat”.");
    expect(el.textContent).toContain("Dòng 122: không có cửa hàng này");

    fire("click", getByRole(el, "button", { name: "Nhập 250 dòng" }));
    await settle(10);
    expect(el.textContent).toContain(
      "Tệp này đã được nhập trước đó: không có gì mới, không tạo bản trùng.",
    );
  });

  it("starts the mapping from the server's preview, not a guess of its own", async () => {
    const api = fakeApi(new Set());
    // The server reads these columns differently from the screen's aliases
    // would: whatever it says is what the screen shows.
    api.importPreview.mockResolvedValueOnce({
      format: "csv",
      columns: ["Mã", "Nội dung", "Cửa hàng"],
      mapping: { what: "Cửa hàng", who: "Nội dung" },
      rowIdColumn: null,
      total: 250,
    });
    const el = renderUi(<ImportPage />, { api });
    choose(el, "CSV or JSON-lines file");
    await settle(6);
    expect(api.importPreview).toHaveBeenCalledTimes(1);
    const sent = api.importPreview.mock.calls[0]?.[0];
    expect(sent?.format).toBe("csv");
    // A sample of the file (header and first rows), not the whole file.
    expect(sent?.content.startsWith("Mã,Nội dung,Cửa hàng\n1,Khách 1 hỏi giá")).toBe(true);
    expect(sent?.content.trim().split("\n")).toHaveLength(201);
    const value = (f: string) =>
      (el.querySelector(`select[data-field="${f}"]`) as HTMLSelectElement).value;
    expect(value("what")).toBe("Cửa hàng");
    expect(value("who")).toBe("Nội dung");
    expect(value("storeId")).toBe("");
    expect(value("rowId")).toBe("");
  });

  it("sends “— none —” as no column, so the server reads nothing the person left out", async () => {
    const api = fakeApi(new Set());
    const el = renderUi(<ImportPage />, { api, locale: "en" });
    choose(el, "CSV or JSON-lines file");
    await settle(6);
    // The preview read "Cửa hàng" as the store; the person says none.
    fire("change", el.querySelector('select[data-field="storeId"]'), { target: { value: "" } });
    await settle(2);
    fire("click", getByRole(el, "button", { name: /^Check/ }));
    await settle(6);
    const sent = api.importObservations.mock.calls[0]?.[0];
    expect(sent?.mapping).toMatchObject({ what: "Nội dung", storeId: null, who: null, why: null });
  });

  it("says why the preview failed in the user's language, still maps by hand, and tries again", async () => {
    const api = fakeApi(new Set());
    api.importPreview.mockRejectedValueOnce(new ApiError(0, "offline", "fetch failed"));
    const el = renderUi(<ImportPage />, { api, locale: "vi" });
    choose(el, "Tệp CSV hoặc JSON lines");
    await settle(6);
    const alert = el.querySelector('[role="alert"]');
    expect(alert?.textContent).toContain("Không kết nối được máy chủ");
    expect(alert?.textContent).not.toContain("fetch failed");
    const what = el.querySelector('select[data-field="what"]') as HTMLSelectElement;
    expect(what.value).toBe("");
    expect(what.disabled).toBe(false);

    fire("click", getByRole(el, "button", { name: "Thử lại" }));
    await settle(6);
    expect(api.importPreview).toHaveBeenCalledTimes(2);
    expect(el.querySelector('[role="alert"]')).toBeNull();
    expect((el.querySelector('select[data-field="storeId"]') as HTMLSelectElement).value).toBe(
      "Cửa hàng",
    );
  });

  it("is not offered to a marketer", () => {
    const el = renderUi(<ImportPage />, { api: {}, user: { ...TEST_USER, role: "marketer" } });
    expect(el.querySelector("form")).toBeNull();
    expect(el.textContent).toContain("Only managers and admins can import data.");
  });
});
