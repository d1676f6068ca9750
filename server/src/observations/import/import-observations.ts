// POST /v1/observations/import, the use case: parse and map the file
// (store and competitor cells by name or id), check stores and competitors
// named by rows, give every row a stable
// observation id (a hash of workspace, source and row id, so a retry of the
// same file can never create twins), then store the new rows a batch at a
// time — or, on a dry run, only count what would be created and what is
// already there.
import { createHash } from "node:crypto";
import { applyMutation, hlcFormat } from "@sightline/shared";
import type { AppDeps } from "../../app-deps.ts";
import type { ImportRow } from "../../db/port.ts";
import { dataTypeOf } from "../../insights/corroboration.ts";
import { timeSlicer } from "../../runtime/time-slice.ts";
import type { ImportOptions, MappedRow, RowError } from "./map-rows.ts";
import { type ImportFormat, MAX_REPORTED_ERRORS, parseImport } from "./parse-import.ts";

/** Rows stored per transaction (about 40 ms of SQLite's one writer each). */
export const IMPORT_BATCH = 500;

/** The HLC node and createdBy of imported observations (no device made them). */
export const IMPORT_NODE = "server-import";

export type ImportReport = {
  /** A dry run: nothing written; `created` counts the rows an import would add. */
  dryRun?: boolean;
  source: string;
  received: number;
  created: number;
  duplicates: number;
  createdIds: string[];
  /** The first MAX_REPORTED_ERRORS rows in error. */
  errors: Array<{ line: number; rowId?: string; errors: RowError[] }>;
  /** Every row in error, listed or not. */
  errorCount: number;
};

export type ImportFailure = { ok: false; errors: Array<RowError & { line?: number }> };

/** A UUID-shaped id (version nibble 8: custom) from a hash of the row's identity. */
export function importObservationId(workspaceId: string, sourceKey: string, rowId: string): string {
  const h = createHash("sha256")
    .update(`${workspaceId}\u0000${sourceKey}\u0000${rowId}`)
    .digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${((Number.parseInt(h.slice(16, 18), 16) & 0x3f) | 0x80).toString(16)}${h.slice(18, 20)}-${h.slice(20, 32)}`;
}

export async function importObservations(
  deps: Pick<AppDeps, "db" | "notifier" | "now">,
  who: { workspaceId: string; userId: string },
  content: string,
  format: ImportFormat,
  o: ImportOptions & { dryRun?: boolean | undefined },
): Promise<({ ok: true } & ImportReport) | ImportFailure> {
  const ws = who.workspaceId;
  const [stores, competitors] = await Promise.all([
    deps.db.listStores(ws),
    deps.db.listCompetitors(ws),
  ]);
  const parsed = await parseImport(content, format, { ...o, known: { stores, competitors } });
  if (!parsed.ok) return parsed;
  const storeIds = new Set(stores.map((s) => s.id));
  const competitorIds = new Set(competitors.map((c) => c.id));
  const now = deps.now?.() ?? new Date();
  const sourceKey = dataTypeOf({ channel: "import", source: o.source });
  const errors: ImportReport["errors"] = [];
  let errorCount = parsed.uncounted ?? 0;
  const rows: ImportRow[] = [];
  const fail = (r: MappedRow, e: RowError[]) => {
    errorCount++;
    if (errors.length < MAX_REPORTED_ERRORS)
      errors.push({ line: r.line, ...(r.sourceRowId ? { rowId: r.sourceRowId } : {}), errors: e });
  };
  // Checking 20,000 rows takes a few hundred ms: let other requests in between.
  const pause = timeSlicer();
  for (const [k, r] of parsed.rows.entries()) {
    const wait = k % 256 === 255 ? pause() : undefined;
    if (wait) await wait;
    if (!r.ok) {
      fail(r, r.errors);
      continue;
    }
    const bad: RowError[] = [];
    if (r.fields.storeId && !storeIds.has(r.fields.storeId))
      bad.push({ path: "storeId", message: `no store ${r.fields.storeId}` });
    if (r.fields.competitorId && !competitorIds.has(r.fields.competitorId)) {
      bad.push({ path: "competitorId", message: `no competitor ${r.fields.competitorId}` });
    }
    if (bad.length) {
      fail(r, bad);
      continue;
    }
    const id = importObservationId(ws, sourceKey, r.sourceRowId);
    const made = applyMutation(
      null,
      {
        seq: 1,
        op: "obs.create",
        id,
        hlc: hlcFormat({ ms: now.getTime(), counter: k % 1_679_616, node: IMPORT_NODE }),
        fields: r.fields,
      },
      { workspaceId: ws, deviceId: IMPORT_NODE },
    );
    if (!made.ok) {
      fail(r, [{ path: "(row)", message: made.message }]);
      continue;
    }
    rows.push({ observationId: id, sourceRowId: r.sourceRowId, entity: made.entity });
  }
  if (o.dryRun) {
    // Nothing written: the rows an import would skip are counted as duplicates.
    const there = new Set(await deps.db.importedRows(ws, sourceKey, rows));
    return {
      ok: true,
      dryRun: true,
      source: o.source,
      received: parsed.rows.length + (parsed.uncounted ?? 0),
      created: rows.filter((r) => !there.has(r.sourceRowId)).length,
      duplicates: there.size,
      createdIds: [],
      errors,
      errorCount,
    };
  }
  // Written IMPORT_BATCH rows per transaction, the other requests served
  // between: one 20,000-row file in one transaction held SQLite, and every
  // push and page behind it, for about 1.5 s. A file cut short by a crash is
  // finished by importing it again (row ids make that idempotent).
  const outcome = { created: [] as string[], duplicates: [] as string[], version: 0 };
  for (let at = 0; at < rows.length; at += IMPORT_BATCH) {
    if (at > 0) await new Promise((resolve) => setImmediate(resolve));
    const part = await deps.db.importObservations(ws, {
      sourceKey,
      ownerId: who.userId,
      rows: rows.slice(at, at + IMPORT_BATCH),
      now: now.toISOString(),
    });
    for (const id of part.created) outcome.created.push(id);
    for (const id of part.duplicates) outcome.duplicates.push(id);
    outcome.version = Math.max(outcome.version, part.version);
  }
  if (outcome.created.length) deps.notifier.notify(ws, outcome.version);
  return {
    ok: true,
    source: o.source,
    received: parsed.rows.length + (parsed.uncounted ?? 0),
    created: outcome.created.length,
    duplicates: outcome.duplicates.length,
    createdIds: outcome.created,
    errors,
    errorCount,
  };
}
