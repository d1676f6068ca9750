// Import rows → observation fields. Columns map to fields by an explicit
// mapping, else by name (field names and common vi/en headers, compared
// folded: "Nội dung", "noi_dung" and "NOIDUNG" are one name). Each row is
// validated with the shared create schema; a bad row is reported with its
// line and the rest are kept. `sourceRowId` comes from the row id column,
// else from a hash of the row, so the same file imported twice is the same.
import { createHash } from "node:crypto";
import {
  NEED_CODES,
  NEEDS,
  type NeedCode,
  type ObservationCreate,
  ObservationCreateSchema,
} from "@sightline/shared";
import {
  COLUMN_ALIASES,
  columnKey,
  IMPORT_FIELDS,
  type ImportField,
  ROW_ID_ALIASES,
} from "@sightline/shared/import/columns";
import { readCapturedAt } from "./captured-at.ts";

const key = columnKey;

export type ImportOptions = {
  /** Where the rows come from ("CRM", "Khảo sát T3"): its own data type for corroboration. */
  source: string;
  /** Column holding a stable row id; found by name ("id", "mã"…) when omitted. */
  rowIdColumn?: string | undefined;
  /** field → column, overriding names; null: no column for it (none guessed by name). */
  mapping?: Partial<Record<ImportField, string | null>> | undefined;
  /** Zone for times without an offset (default UTC). */
  timeZone?: string | undefined;
  /**
   * The workspace's stores and competitors: a store or competitor column may
   * hold a name (matched folded: case and accents aside) or an id.
   */
  known?: { stores: readonly Named[]; competitors: readonly Named[] } | undefined;
  /** Values for fields the file lacks. */
  defaults?:
    | Partial<
        Pick<ObservationCreate, "method" | "storeId" | "competitorId" | "needs" | "tags" | "basis">
      >
    | undefined;
};

export type RowError = { path: string; message: string };
type Named = { id: string; name: string };

/**
 * A store or competitor cell → its id: the id itself, or the one name that
 * matches folded ("cua hang quan 1" finds "Cửa hàng Quận 1"). Unknown and
 * ambiguous names are row errors that say so.
 */
export function resolveNamed(
  value: string,
  list: readonly Named[],
  kind: "store" | "competitor",
): { id: string } | { error: string } {
  if (list.some((x) => x.id === value)) return { id: value };
  const k = key(value);
  const hits = list.filter((x) => key(x.name) === k);
  if (hits.length === 1) return { id: (hits[0] as Named).id };
  if (hits.length > 1)
    return { error: `"${value}" names ${hits.length} ${kind}s; use the ${kind}'s id` };
  return { error: `no ${kind} named "${value}"` };
}
export type MappedRow =
  | { ok: true; line: number; sourceRowId: string; fields: ObservationCreate }
  | { ok: false; line: number; sourceRowId?: string | undefined; errors: RowError[] };

export type ColumnPlan = { columns: Partial<Record<ImportField, string>>; rowId: string | null };

/** Which column feeds which field; errors when a named column is missing. */
export function planColumns(
  header: readonly string[],
  o: Pick<ImportOptions, "mapping" | "rowIdColumn">,
): { ok: true; plan: ColumnPlan } | { ok: false; errors: RowError[] } {
  const byKey = new Map(header.map((h) => [key(h), h]));
  const errors: RowError[] = [];
  const columns: ColumnPlan["columns"] = {};
  for (const field of IMPORT_FIELDS) {
    const named = o.mapping?.[field];
    // The person said "none": a column that looks like this field stays unread.
    if (named === null) continue;
    if (named !== undefined) {
      if (header.includes(named)) columns[field] = named;
      else errors.push({ path: `mapping.${field}`, message: `no column "${named}"` });
      continue;
    }
    const found = COLUMN_ALIASES[field].map((a) => byKey.get(a)).find((h) => h !== undefined);
    if (found !== undefined) columns[field] = found;
  }
  let rowId: string | null = null;
  if (o.rowIdColumn !== undefined) {
    if (header.includes(o.rowIdColumn)) rowId = o.rowIdColumn;
    else errors.push({ path: "rowIdColumn", message: `no column "${o.rowIdColumn}"` });
  } else {
    rowId = ROW_ID_ALIASES.map((a) => byKey.get(a)).find((h) => h !== undefined) ?? null;
  }
  if (columns.what === undefined && !errors.length) {
    errors.push({ path: "mapping.what", message: "no column for `what` (the text of each row)" });
  }
  return errors.length ? { ok: false, errors } : { ok: true, plan: { columns, rowId } };
}

const NEED_BY_NAME = new Map<string, NeedCode>();
for (const code of NEED_CODES) {
  NEED_BY_NAME.set(code, code);
  NEED_BY_NAME.set(key(NEEDS[code].vi), code);
  NEED_BY_NAME.set(key(NEEDS[code].en), code);
}

const text = (v: unknown): string | undefined => {
  if (v === null || v === undefined) return undefined;
  const s = (
    typeof v === "string" ? v : typeof v === "number" || typeof v === "boolean" ? String(v) : ""
  ).trim();
  return s === "" ? undefined : s;
};

const list = (v: unknown): string[] | undefined => {
  if (Array.isArray(v)) return v.map(text).filter((x): x is string => x !== undefined);
  const s = text(v);
  return s === undefined
    ? undefined
    : s
        .split(/[|;,]/)
        .map((x) => x.trim())
        .filter(Boolean);
};

/** A stable id for a row without an id column: a hash of its cells. */
export function rowHash(value: Record<string, unknown>): string {
  const canonical = JSON.stringify(
    Object.keys(value)
      .sort()
      .map((k) => [k, value[k]]),
  );
  return `h-${createHash("sha256").update(canonical).digest("hex").slice(0, 32)}`;
}

export function mapRow(
  line: number,
  value: Record<string, unknown>,
  plan: ColumnPlan,
  o: ImportOptions,
): MappedRow {
  const get = (f: ImportField) =>
    plan.columns[f] === undefined ? undefined : value[plan.columns[f]];
  const sourceRowId = plan.rowId === null ? rowHash(value) : text(value[plan.rowId]);
  if (sourceRowId === undefined) {
    return {
      ok: false,
      line,
      errors: [{ path: plan.rowId ?? "id", message: "the row id is empty" }],
    };
  }
  const errors: RowError[] = [];
  const fields: Record<string, unknown> = {
    channel: "import",
    method: text(get("method")) ?? o.defaults?.method ?? "import",
    source: o.source,
    sourceRowId,
  };
  for (const f of [
    "what",
    "who",
    "where",
    "why",
    "how",
    "note",
    "storeId",
    "competitorId",
    "zone",
    "basis",
  ] as const) {
    const v = text(get(f)) ?? (o.defaults as Record<string, unknown> | undefined)?.[f];
    if (v !== undefined) fields[f] = v;
  }
  if (o.known) {
    for (const [f, kind, list] of [
      ["storeId", "store", o.known.stores],
      ["competitorId", "competitor", o.known.competitors],
    ] as const) {
      const cell = text(get(f));
      if (cell === undefined) continue;
      const r = resolveNamed(cell, list, kind);
      if ("id" in r) fields[f] = r.id;
      else {
        delete fields[f];
        errors.push({ path: f, message: r.error });
      }
    }
  }
  const rawTime = get("capturedAt");
  const capturedAt = readCapturedAt(rawTime, o.timeZone ?? "UTC");
  if (capturedAt) fields.capturedAt = capturedAt;
  else
    errors.push({
      path: "capturedAt",
      message: text(rawTime) ? `cannot read the time "${text(rawTime)}"` : "the time is missing",
    });
  const needs = list(get("needs"));
  if (needs) {
    const codes = new Set<NeedCode>();
    for (const n of needs) {
      const code = NEED_BY_NAME.get(key(n));
      if (code) codes.add(code);
      else errors.push({ path: "needs", message: `unknown need "${n}"` });
    }
    fields.needs = [...codes];
  } else if (o.defaults?.needs) fields.needs = o.defaults.needs;
  const tags = list(get("tags"));
  if (tags) fields.tags = [...new Set(tags)];
  else if (o.defaults?.tags) fields.tags = o.defaults.tags;
  const parsed = ObservationCreateSchema.safeParse(fields);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path.map(String).join(".") || "(row)";
      if (!errors.some((e) => e.path === path)) errors.push({ path, message: issue.message });
    }
  }
  if (errors.length || !parsed.success) return { ok: false, line, sourceRowId, errors };
  return { ok: true, line, sourceRowId, fields: parsed.data };
}
