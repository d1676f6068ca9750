// The PostgreSQL tables of journals, insights, evidence links, actions and
// imported rows (appended to db/postgres/migrations.ts as migration 4;
// same history as the SQLite ones). Times are ISO text, as in SQLite, so
// both adapters return identical strings.
export const JOURNALS_POSTGRES_SQL = `
CREATE TABLE journals (
  workspace_id text COLLATE "C" NOT NULL REFERENCES workspaces(id), id text COLLATE "C" NOT NULL,
  title text NOT NULL, question text NOT NULL, goal text NOT NULL, scope jsonb NOT NULL,
  archived boolean NOT NULL DEFAULT false, created_by text COLLATE "C" NOT NULL,
  created_at text COLLATE "C" NOT NULL, updated_at text COLLATE "C" NOT NULL,
  PRIMARY KEY (workspace_id, id));
CREATE INDEX journals_created ON journals (workspace_id, created_at);
CREATE TABLE insights (
  workspace_id text COLLATE "C" NOT NULL, id text COLLATE "C" NOT NULL,
  journal_id text COLLATE "C" NOT NULL, statement text NOT NULL, needs jsonb NOT NULL,
  status text NOT NULL, principles jsonb NOT NULL, override_reason text,
  created_by text COLLATE "C" NOT NULL, created_at text COLLATE "C" NOT NULL,
  updated_at text COLLATE "C" NOT NULL,
  PRIMARY KEY (workspace_id, id),
  FOREIGN KEY (workspace_id, journal_id) REFERENCES journals(workspace_id, id));
CREATE INDEX insights_journal ON insights (workspace_id, journal_id, created_at);
CREATE TABLE insight_evidence (
  workspace_id text COLLATE "C" NOT NULL, insight_id text COLLATE "C" NOT NULL,
  observation_id text COLLATE "C" NOT NULL, stance text NOT NULL, note text,
  added_by text COLLATE "C" NOT NULL, added_at text COLLATE "C" NOT NULL,
  PRIMARY KEY (workspace_id, insight_id, observation_id),
  FOREIGN KEY (workspace_id, insight_id) REFERENCES insights(workspace_id, id));
CREATE INDEX insight_evidence_observation ON insight_evidence (workspace_id, observation_id);
CREATE TABLE actions (
  workspace_id text COLLATE "C" NOT NULL, id text COLLATE "C" NOT NULL,
  insight_id text COLLATE "C" NOT NULL, title text NOT NULL, owner text, due text,
  status text NOT NULL, created_at text COLLATE "C" NOT NULL, updated_at text COLLATE "C" NOT NULL,
  PRIMARY KEY (workspace_id, id),
  FOREIGN KEY (workspace_id, insight_id) REFERENCES insights(workspace_id, id));
CREATE INDEX actions_insight ON actions (workspace_id, insight_id, created_at);
CREATE TABLE import_rows (
  workspace_id text COLLATE "C" NOT NULL REFERENCES workspaces(id), source_key text NOT NULL,
  source_row_id text NOT NULL, observation_id text COLLATE "C" NOT NULL,
  imported_by text COLLATE "C" NOT NULL, imported_at text NOT NULL,
  PRIMARY KEY (workspace_id, source_key, source_row_id));
`;
