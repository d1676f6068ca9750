// The SQLite tables of journals, insights, evidence links, actions and
// imported rows (appended to db/sqlite/migrations.ts as migration 4).
export const JOURNALS_SQLITE_SQL = `
CREATE TABLE journals (
  workspace_id TEXT NOT NULL REFERENCES workspaces(id), id TEXT NOT NULL,
  title TEXT NOT NULL, question TEXT NOT NULL, goal TEXT NOT NULL, scope TEXT NOT NULL,
  archived INTEGER NOT NULL DEFAULT 0, created_by TEXT NOT NULL,
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
  PRIMARY KEY (workspace_id, id)) STRICT;
CREATE INDEX journals_created ON journals (workspace_id, created_at);
CREATE TABLE insights (
  workspace_id TEXT NOT NULL, id TEXT NOT NULL, journal_id TEXT NOT NULL,
  statement TEXT NOT NULL, needs TEXT NOT NULL, status TEXT NOT NULL, principles TEXT NOT NULL,
  override_reason TEXT, created_by TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
  PRIMARY KEY (workspace_id, id),
  FOREIGN KEY (workspace_id, journal_id) REFERENCES journals(workspace_id, id)) STRICT;
CREATE INDEX insights_journal ON insights (workspace_id, journal_id, created_at);
CREATE TABLE insight_evidence (
  workspace_id TEXT NOT NULL, insight_id TEXT NOT NULL, observation_id TEXT NOT NULL,
  stance TEXT NOT NULL, note TEXT, added_by TEXT NOT NULL, added_at TEXT NOT NULL,
  PRIMARY KEY (workspace_id, insight_id, observation_id),
  FOREIGN KEY (workspace_id, insight_id) REFERENCES insights(workspace_id, id)) STRICT;
CREATE INDEX insight_evidence_observation ON insight_evidence (workspace_id, observation_id);
CREATE TABLE actions (
  workspace_id TEXT NOT NULL, id TEXT NOT NULL, insight_id TEXT NOT NULL,
  title TEXT NOT NULL, owner TEXT, due TEXT, status TEXT NOT NULL,
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
  PRIMARY KEY (workspace_id, id),
  FOREIGN KEY (workspace_id, insight_id) REFERENCES insights(workspace_id, id)) STRICT;
CREATE INDEX actions_insight ON actions (workspace_id, insight_id, created_at);
CREATE TABLE import_rows (
  workspace_id TEXT NOT NULL REFERENCES workspaces(id), source_key TEXT NOT NULL,
  source_row_id TEXT NOT NULL, observation_id TEXT NOT NULL, imported_by TEXT NOT NULL,
  imported_at TEXT NOT NULL,
  PRIMARY KEY (workspace_id, source_key, source_row_id)) STRICT;
`;
