// Test support for PostgreSQL: find the test server (TEST_DATABASE_URL), and
// give every test run its own fresh schema, dropped afterwards, so runs never
// see each other's rows and need no clean-up of a shared database.
// REQUIRE_POSTGRES=1 turns "Postgres unreachable" from a skip into a failure.
import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { quoteIdent } from "../../src/db/postgres/connect.ts";

export type PostgresTarget = { ok: true; url: string } | { ok: false; reason: string };

/**
 * Where the Postgres tests run, or why they are skipped. Throws (so the test
 * file fails) when REQUIRE_POSTGRES=1 and the server cannot be reached.
 */
export async function postgresTestTarget(env = process.env): Promise<PostgresTarget> {
  const url = env.TEST_DATABASE_URL;
  const required = env.REQUIRE_POSTGRES === "1";
  const skip = (reason: string): PostgresTarget => {
    if (required) throw new Error(`REQUIRE_POSTGRES=1 but ${reason}`);
    console.warn(
      `[postgres tests skipped] ${reason}; set TEST_DATABASE_URL=postgres://… to run them`,
    );
    return { ok: false, reason };
  };
  if (!url) return skip("TEST_DATABASE_URL is not set");
  const sql = postgres(url, { max: 1, connect_timeout: 3, onnotice: () => {} });
  try {
    await sql`SELECT 1`;
    return { ok: true, url };
  } catch (e) {
    return skip(
      `PostgreSQL at ${redact(url)} is unreachable (${e instanceof Error ? e.message : e})`,
    );
  } finally {
    await sql.end({ timeout: 1 });
  }
}

export type TestSchema = {
  schema: string;
  /** `url` with `options=-c search_path=<schema>`, for child processes. */
  url: string;
  drop(): Promise<void>;
};

/** Create an empty, uniquely named schema; `drop()` removes it with everything in it. */
export async function createTestSchema(
  url: string,
  prefix = "sightline_test",
): Promise<TestSchema> {
  const schema = `${prefix}_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`CREATE SCHEMA ${quoteIdent(schema)}`);
  } finally {
    await admin.end({ timeout: 1 });
  }
  return {
    schema,
    url: withSearchPath(url, schema),
    async drop() {
      const sql = postgres(url, { max: 1, onnotice: () => {} });
      try {
        await sql.unsafe(`DROP SCHEMA IF EXISTS ${quoteIdent(schema)} CASCADE`);
      } finally {
        await sql.end({ timeout: 1 });
      }
    },
  };
}

/** The libpq way to pin a schema in a URL: `options=-c search_path=<schema>`. */
export function withSearchPath(url: string, schema: string): string {
  const u = new URL(url);
  u.searchParams.set("options", `-c search_path=${schema}`);
  return u.toString();
}

const redact = (url: string) => url.replace(/\/\/([^:@/]+):[^@/]*@/, "//$1:***@");
