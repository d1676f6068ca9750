// Connecting to PostgreSQL with postgres.js: one pool per server instance,
// int8 read as a JS number (versions, seqs and epoch milliseconds stay far
// below 2^53), notices kept out of the logs, and an optional schema pinned
// with `search_path` (tests and several deployments sharing one database).
import postgres from "postgres";

export type Sql = postgres.Sql<{ int8: number }>;
export type Tx = postgres.TransactionSql<{ int8: number }>;

export type ConnectOptions = {
  /** Schema to use instead of the URL's `options=-c search_path=…` (tests). */
  schema?: string;
  /** Pool size; the URL's `?max=` wins when set. */
  max?: number;
  /** Application name shown in pg_stat_activity. */
  name?: string;
};

const INT8 = {
  to: 20,
  from: [20],
  serialize: (x: number) => String(x),
  parse: (x: string) => Number(x),
};

/** A pool over `url` (postgres://user:pass@host:port/db?options=-c%20search_path%3Dx). */
export function connectPostgres(url: string, o: ConnectOptions = {}): Sql {
  const { rest, max } = takeMax(url);
  return postgres(rest, {
    max: max ?? o.max ?? 10,
    types: { int8: INT8 },
    onnotice: () => {},
    connection: {
      application_name: o.name ?? "sightline",
      ...(o.schema ? { search_path: quoteIdent(o.schema) } : {}),
    },
  }) as Sql;
}

/**
 * The URL's `max` pool size as a number, and the URL without it: postgres.js
 * would keep it as the string "3", and `Array("3")` gives a pool of ONE.
 */
export function takeMax(url: string): { rest: string; max: number | undefined } {
  const m = /([?&])max=(\d+)(&?)/.exec(url);
  if (!m) return { rest: url, max: undefined };
  const rest =
    url.slice(0, m.index) + (m[3] ? (m[1] ?? "") : "") + url.slice(m.index + m[0].length);
  return { rest, max: Math.max(1, Number(m[2])) };
}

/** A double-quoted SQL identifier. */
export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
