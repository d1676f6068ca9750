// One pulled change as UTF-8 JSON bytes, spliced from the stored entity JSON
// without parsing it: a pull page of 5,000 observations otherwise spends most
// of its time in JSON.parse (row → entity) and JSON.stringify (entity →
// answer). SQLite even builds the bytes itself (SQLITE_PUT_JSON), so the
// entity text is never decoded into a JS string and encoded back.
// The shape is `Change` of obs-sync v1 (shared/src/sync/messages/pull.ts);
// change-json.test.ts checks both forms against that schema and each other.
import { isLive } from "@sightline/shared";

/** UTF-8 JSON of one `Change`; only made here. */
export type ChangeJson = Uint8Array & { readonly __brand: "ChangeJson" };

/**
 * The stored columns a change is made of. `fieldsJson` and `fieldHlcJson`
 * are JSON object text as the database wrote it (JSON.stringify in SQLite,
 * jsonb::text in PostgreSQL), so they are valid JSON by construction.
 */
export type ChangeColumns = {
  id: string;
  workspaceId: string;
  createdBy: string;
  fieldsJson: string;
  fieldHlcJson: string;
  deletedHlc: string | null;
  restoredHlc: string | null;
  version: number;
};

const q = JSON.stringify;
const bytes = (text: string) => Buffer.from(text) as Uint8Array as ChangeJson;

function delJson(c: Pick<ChangeColumns, "id" | "deletedHlc" | "version">): ChangeJson {
  return bytes(
    `{"op":"del","id":${q(c.id)},"deletedHlc":${q(c.deletedHlc)},"version":${c.version}}`,
  );
}

/** A live entity is a put of the whole entity; a tombstone is a del. */
export function changeJson(c: ChangeColumns): ChangeJson {
  if (!isLive(c)) return delJson(c);
  return bytes(
    `{"op":"put","entity":{"id":${q(c.id)},"workspaceId":${q(c.workspaceId)},"createdBy":${q(c.createdBy)},"fields":${c.fieldsJson},"fieldHlc":${c.fieldHlcJson},"deletedHlc":${q(c.deletedHlc)},"restoredHlc":${q(c.restoredHlc)},"version":${c.version}}}`,
  );
}

/**
 * SQLite: the put change of an observations row, the same JSON as
 * `changeJson` makes, as a BLOB (bytes, not a string) named `put`.
 */
export const SQLITE_PUT_JSON = `CAST('{"op":"put","entity":{"id":' || json_quote(id)
  || ',"workspaceId":' || json_quote(workspace_id) || ',"createdBy":' || json_quote(created_by)
  || ',"fields":' || fields || ',"fieldHlc":' || field_hlc
  || ',"deletedHlc":' || json_quote(deleted_hlc) || ',"restoredHlc":' || json_quote(restored_hlc)
  || ',"version":' || version || '}}' AS BLOB) AS put`;

/** A row read with SQLITE_PUT_JSON plus the columns a del is made of. */
export type SqliteChangeRow = Pick<
  ChangeColumns,
  "id" | "deletedHlc" | "restoredHlc" | "version"
> & { put: Uint8Array };

export function sqliteChange(r: SqliteChangeRow): ChangeJson {
  return isLive(r) ? (r.put as ChangeJson) : delJson(r);
}

/** The JSON array of a page's changes, as bytes: `[c1,c2,…]`. */
export function changesArray(changes: readonly ChangeJson[]): Buffer {
  const parts: Uint8Array[] = [OPEN];
  changes.forEach((c, i) => {
    if (i > 0) parts.push(COMMA);
    parts.push(c);
  });
  parts.push(CLOSE);
  return Buffer.concat(parts);
}
const OPEN = Buffer.from("[");
const COMMA = Buffer.from(",");
const CLOSE = Buffer.from("]");
