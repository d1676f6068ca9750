// The import screen (managers and admins): choose a CSV or JSON-lines file,
// name its source, check the column mapping on a preview of the first rows
// (the mapping starts from the server's own reading of the file, its preview),
// run a dry run (every row checked, nothing written), then import in slices
// with a progress bar. Re-importing the same file adds nothing and says so.
import { useRef, useState } from "preact/hooks";
import type { ImportField, ImportRequest } from "../api/client.ts";
import { useApp } from "../app-context.ts";
import { useI18n, type WebKey } from "../i18n/i18n.tsx";
import {
  type ImportFile,
  MAPPED_FIELDS,
  type MappingField,
  mappingFromPreview,
  previewSample,
  readImportFile,
  slices,
} from "../import/import-file.ts";
import { canEdit } from "../session.ts";
import { ProblemBanner } from "../ui/problem-banner.tsx";
import { useTimeZone } from "../ui/time-zone.ts";
import { useDocumentTitle } from "../ui/use-document-title.ts";

const PREVIEW_ROWS = 5;
/** Rows per request while importing (the progress bar moves per slice). */
export const IMPORT_SLICE = 100;

type RowError = { line: number; errors: { path: string; message: string }[] };
type Outcome = {
  dryRun: boolean;
  received: number;
  created: number;
  duplicates: number;
  errors: RowError[];
  errorCount: number;
};

const FIELD_LABEL: Record<MappingField, WebKey> = {
  what: "import.field.what",
  who: "w.who",
  where: "w.where",
  why: "w.why",
  how: "w.how",
  capturedAt: "import.field.capturedAt",
  storeId: "import.field.storeId",
  competitorId: "import.field.competitorId",
  needs: "import.field.needs",
  tags: "import.field.tags",
  rowId: "import.field.rowId",
  note: "w.what",
  basis: "filter.basis",
  method: "w.how",
  zone: "w.where",
};

export function ImportPage() {
  const { api, user } = useApp();
  const { t } = useI18n();
  const workspaceZone = useTimeZone();
  useDocumentTitle(t("import.title"));
  const [fileName, setFileName] = useState("");
  const [file, setFile] = useState<ImportFile | null>(null);
  const [unreadable, setUnreadable] = useState(false);
  const [source, setSource] = useState("");
  const [timeZone, setTimeZone] = useState("");
  const [mapping, setMapping] = useState<Partial<Record<MappingField, string>>>({});
  const [busy, setBusy] = useState<"check" | "import" | null>(null);
  const [progress, setProgress] = useState(0);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [error, setError] = useState<unknown>(undefined);
  const [reading, setReading] = useState(false);
  const [previewError, setPreviewError] = useState<unknown>(undefined);
  // Only the latest file's preview may set the mapping.
  const readSeq = useRef(0);

  if (!canEdit(user)) {
    return (
      <section class="page narrow">
        <h1>{t("import.title")}</h1>
        <p class="card empty">{t("import.forbidden")}</p>
      </section>
    );
  }

  const choose = async (f: File | undefined) => {
    readSeq.current++;
    setReading(false);
    setPreviewError(undefined);
    setOutcome(null);
    setError(undefined);
    setUnreadable(false);
    if (!f) return;
    const read = readImportFile(f.name, await f.text());
    setFileName(f.name);
    if ("error" in read) {
      setFile(null);
      setUnreadable(true);
      return;
    }
    setFile(read);
    setMapping({});
    if (!source) setSource(f.name.replace(/\.[^.]+$/, ""));
    await readMapping(read);
  };

  // The mapping starts from the server's preview of the file's first rows, so
  // the screen shows exactly what the import would do without a hand mapping.
  // If it fails the manager can still map by hand, or try again.
  const readMapping = async (read: ImportFile) => {
    const seq = ++readSeq.current;
    setReading(true);
    setPreviewError(undefined);
    try {
      const preview = await api.importPreview({
        format: read.format,
        content: previewSample(read),
      });
      if (seq === readSeq.current) setMapping(mappingFromPreview(preview, read.header));
    } catch (e) {
      if (seq === readSeq.current) setPreviewError(e);
    } finally {
      if (seq === readSeq.current) setReading(false);
    }
  };

  const request = (content: string, dryRun: boolean, format: ImportFile["format"]) => {
    const { rowId } = mapping;
    // Every field the screen shows is sent: a column or null ("— none —"),
    // so the server never reads a column the person chose to leave out.
    const fields: Partial<Record<ImportField, string | null>> = {};
    for (const f of MAPPED_FIELDS) if (f !== "rowId") fields[f] = mapping[f] ?? null;
    const body: ImportRequest = {
      source: source.trim(),
      format,
      content,
      mapping: fields,
      timeZone: timeZone || workspaceZone,
      ...(rowId ? { rowIdColumn: rowId } : {}),
      ...(dryRun ? { dryRun: true } : {}),
    };
    return api.importObservations(body);
  };

  const run = async (dryRun: boolean) => {
    if (!file || !source.trim() || !mapping.what) return;
    setBusy(dryRun ? "check" : "import");
    setError(undefined);
    setOutcome(null);
    setProgress(0);
    const total: Outcome = {
      dryRun,
      received: 0,
      created: 0,
      duplicates: 0,
      errors: [],
      errorCount: 0,
    };
    try {
      // A dry run checks the whole file in one request; the import goes in slices.
      const parts = dryRun
        ? [
            {
              content: slices(file, file.rows.length || 1)[0]?.content ?? "",
              rows: file.rows.length,
              lineOf: (n: number) => n,
            },
          ]
        : slices(file, IMPORT_SLICE);
      let done = 0;
      for (const part of parts) {
        const r = await request(part.content, dryRun, file.format);
        total.received += r.received;
        total.created += r.created;
        total.duplicates += r.duplicates;
        total.errorCount += typeof r.errorCount === "number" ? r.errorCount : r.errors.length;
        for (const e of r.errors) total.errors.push({ ...e, line: part.lineOf(e.line) });
        done += part.rows;
        setProgress(done);
      }
      setOutcome(total);
    } catch (e) {
      // Counts so far stay on screen; re-running is safe (row ids make it idempotent).
      if (total.received) setOutcome(total);
      setError(e);
    } finally {
      setBusy(null);
    }
  };

  const columns = file?.header ?? [];
  const mappedFields = MAPPED_FIELDS.filter((f) => mapping[f]);
  const ok = outcome ? outcome.received - outcome.errorCount : 0;
  return (
    <section class="page import-page">
      <h1>{t("import.title")}</h1>
      <p class="muted">{t("import.lead")}</p>
      <form
        class="card form"
        onSubmit={(e) => {
          e.preventDefault();
          void run(false);
        }}
      >
        <label>
          {t("import.file")}
          <input
            type="file"
            accept=".csv,.tsv,.txt,.jsonl,.ndjson,.json,text/csv,application/x-ndjson"
            onChange={(e) => void choose(e.currentTarget.files?.[0])}
          />
        </label>
        {unreadable && (
          <p class="problem" role="alert">
            {t("import.unreadable")}
          </p>
        )}
        <div class="row">
          <label>
            {t("import.source")}
            <span class="hint">{t("import.sourceHint")}</span>
            <input
              required
              maxLength={100}
              value={source}
              onInput={(e) => setSource(e.currentTarget.value)}
            />
          </label>
          <label>
            {t("import.timeZone")}
            <input
              value={timeZone}
              placeholder={workspaceZone}
              maxLength={64}
              onInput={(e) => setTimeZone(e.currentTarget.value)}
            />
          </label>
        </div>
        {file && (
          <>
            <h2 class="form-section">{t("import.mapping")}</h2>
            {reading && <p class="muted">{t("state.loading")}</p>}
            <ProblemBanner error={previewError} onRetry={() => void readMapping(file)} />
            <div class="mapping">
              {MAPPED_FIELDS.map((field) => (
                <label key={field}>
                  {t(FIELD_LABEL[field])}
                  <select
                    data-field={field}
                    disabled={reading}
                    value={mapping[field] ?? ""}
                    onChange={(e) => {
                      const v = e.currentTarget.value;
                      setMapping((m) => {
                        const next = { ...m };
                        if (v) next[field] = v;
                        else delete next[field];
                        return next;
                      });
                      setOutcome(null);
                    }}
                  >
                    <option value="">{t("import.noColumn")}</option>
                    {columns.map((c) => (
                      <option key={c} value={c}>
                        {c}
                      </option>
                    ))}
                  </select>
                </label>
              ))}
            </div>
            <h2 class="form-section">
              {t("import.preview", {
                shown: Math.min(PREVIEW_ROWS, file.rows.length),
                count: file.rows.length,
              })}{" "}
              <span class="small muted">{fileName}</span>
            </h2>
            <div class="preview">
              <table>
                <thead>
                  <tr>
                    <th>#</th>
                    {mappedFields.map((f) => (
                      <th key={f}>
                        {t(FIELD_LABEL[f])}
                        <br />
                        <span class="small muted">{mapping[f]}</span>
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {file.rows.slice(0, PREVIEW_ROWS).map((r) => (
                    <tr key={r.line}>
                      <td>{r.line}</td>
                      {mappedFields.map((f) => (
                        <td key={f}>{r.values[mapping[f] ?? ""] ?? ""}</td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {!mapping.what && !reading && <p class="warn-text">{t("import.needWhat")}</p>}
          </>
        )}
        {busy === "import" && file && (
          <div class="import-progress">
            <progress max={file.rows.length} value={progress} />
            <p class="small" aria-live="polite">
              {t("import.progress", { done: progress, count: file.rows.length })}
            </p>
          </div>
        )}
        {busy === "check" && <p class="muted">{t("import.checking")}</p>}
        <ProblemBanner error={error} onRetry={() => void run(outcome?.dryRun ?? true)} />
        {outcome && <ImportOutcome outcome={outcome} ok={ok} source={source} />}
        <div class="form-actions">
          <button
            type="button"
            class="btn"
            disabled={!file || !source.trim() || !mapping.what || !!busy}
            onClick={() => void run(true)}
          >
            {t("import.check")}
          </button>
          <button
            type="submit"
            class="btn primary"
            disabled={!file || !source.trim() || !mapping.what || !!busy}
          >
            {t("import.run", { count: file?.rows.length ?? 0 })}
          </button>
        </div>
      </form>
    </section>
  );
}

function ImportOutcome({ outcome, ok, source }: { outcome: Outcome; ok: number; source: string }) {
  const { t } = useI18n();
  const idempotent = !outcome.dryRun && outcome.created === 0 && outcome.duplicates > 0;
  return (
    <div class="import-outcome card" role="status" data-testid="import-outcome">
      {outcome.dryRun ? (
        <p>
          <strong>{t("import.checked", { ok, count: outcome.received })}</strong>
        </p>
      ) : idempotent ? (
        <p>
          <strong>{t("import.idempotent")}</strong>
        </p>
      ) : (
        <p>
          <strong>{t("import.done", { count: outcome.created, source })}</strong>
          {outcome.duplicates > 0 && ` ${t("import.duplicates", { count: outcome.duplicates })}`}
        </p>
      )}
      {outcome.errorCount > 0 && (
        <>
          <p class="warn-text">{t("import.rowErrors", { count: outcome.errorCount })}</p>
          <ul class="row-errors">
            {outcome.errors.map((e) => (
              <li key={e.line}>
                {t("import.line", { line: e.line })}:{" "}
                {e.errors.map((x) => rowErrorText(x.path, t)).join("; ")}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

const ROW_ERRORS: Record<string, WebKey> = {
  capturedAt: "import.rowError.capturedAt",
  needs: "import.rowError.needs",
  storeId: "import.rowError.storeId",
  competitorId: "import.rowError.competitorId",
  what: "import.rowError.what",
  id: "import.rowError.id",
};

/** A row error in the user's language, by the field it names (never the server's English). */
function rowErrorText(path: string, t: ReturnType<typeof useI18n>["t"]): string {
  const field = path.split(".")[0] ?? path;
  const key = ROW_ERRORS[field];
  return key ? t(key) : t("import.rowError.other", { field: path });
}
