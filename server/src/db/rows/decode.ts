// What the two drivers hand back differently for the same column, so one set
// of row mappers (people.ts, config.ts, observations.ts, journals.ts) serves
// both adapters: each adapter binds them to its own Decode in its rows.ts.
// Columns whose type is `unknown` in a row type are read through here.
export type Decode = {
  /** A JSON column: SQLite keeps TEXT (JSON.parse it), PostgreSQL's jsonb comes parsed. */
  json(v: unknown): unknown;
  /** A time column as ISO-8601: SQLite keeps the ISO TEXT, PostgreSQL's timestamptz is a Date. */
  time(v: unknown): string;
  /** A flag: SQLite keeps INTEGER 0/1, PostgreSQL a boolean. */
  flag(v: unknown): boolean;
};
