import { ChangeSchema } from "@sightline/shared";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import {
  type ChangeColumns,
  type ChangeJson,
  changeJson,
  changesArray,
  SQLITE_PUT_JSON,
  type SqliteChangeRow,
  sqliteChange,
} from "./change-json.ts";

const decode = (c: ChangeJson | Buffer) => JSON.parse(Buffer.from(c).toString("utf8"));

const H = (ms: number) => `${String(ms).padStart(15, "0")}-0000-dev-1`;
const fields = {
  what: 'say "hi"\n\u2028 — Điện thoại',
  needs: ["price"],
  segment: { party: "alone" },
};
const fieldHlc = { what: H(1), needs: H(1), segment: H(2) };
const columns = (over: Partial<ChangeColumns> = {}): ChangeColumns => ({
  id: "obs-1",
  workspaceId: "ws-1",
  createdBy: "dev-1",
  fieldsJson: JSON.stringify(fields),
  fieldHlcJson: JSON.stringify(fieldHlc),
  deletedHlc: null,
  restoredHlc: null,
  version: 7,
  ...over,
});

describe("changeJson", () => {
  it("a live row is a put of the whole entity, valid against ChangeSchema", () => {
    const c = decode(changeJson(columns({ deletedHlc: H(3), restoredHlc: H(4) })));
    expect(ChangeSchema.parse(c)).toEqual(c);
    expect(c).toEqual({
      op: "put",
      entity: {
        id: "obs-1",
        workspaceId: "ws-1",
        createdBy: "dev-1",
        fields,
        fieldHlc,
        deletedHlc: H(3),
        restoredHlc: H(4),
        version: 7,
      },
    });
  });

  it("a tombstone is a del with its deleting version", () => {
    const c = decode(changeJson(columns({ deletedHlc: H(5), restoredHlc: H(4) })));
    expect(ChangeSchema.parse(c)).toEqual(c);
    expect(c).toEqual({ op: "del", id: "obs-1", deletedHlc: H(5), version: 7 });
  });

  it("SQLite builds the same changes from a stored row, as bytes", () => {
    const db = new Database(":memory:");
    db.exec(`CREATE TABLE observations (id TEXT, workspace_id TEXT, created_by TEXT, fields TEXT,
      field_hlc TEXT, deleted_hlc TEXT, restored_hlc TEXT, version INTEGER)`);
    const rows = [
      columns(),
      columns({ id: "obs-2", deletedHlc: H(3), restoredHlc: H(4) }),
      columns({ id: "obs-3", deletedHlc: H(5) }),
    ];
    const insert = db.prepare("INSERT INTO observations VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    for (const r of rows)
      insert.run(
        r.id,
        r.workspaceId,
        r.createdBy,
        r.fieldsJson,
        r.fieldHlcJson,
        r.deletedHlc,
        r.restoredHlc,
        r.version,
      );
    const read = db
      .prepare(`SELECT id, deleted_hlc AS deletedHlc, restored_hlc AS restoredHlc, version,
        ${SQLITE_PUT_JSON} FROM observations ORDER BY id`)
      .all() as SqliteChangeRow[];
    const fromSqlite = read.map(sqliteChange);
    expect(fromSqlite.map(decode)).toEqual(rows.map((r) => decode(changeJson(r))));
    expect(decode(changesArray(fromSqlite))).toEqual(rows.map((r) => decode(changeJson(r))));
    expect(decode(changesArray([]))).toEqual([]);
    db.close();
  });
});
