// Live pokes across server instances: the Notifier port over PostgreSQL
// LISTEN/NOTIFY. Each instance holds ONE dedicated connection (max 1, never
// idle-closed, not part of the query pool) that LISTENs on a channel named
// after the schema, so deployments or test runs sharing a database do not
// hear each other. notify() pokes this instance's SSE clients at once and
// NOTIFYs the others through the pool; an instance ignores its own echo.
//
// NOTIFY is fire-and-forget: a notification sent while the listening
// connection is down is lost. So after every reconnect the instance pokes
// its listeners with the current version of their workspaces; clients then
// pull and lose nothing (a poke only says "pull now", the data is in the
// pull). Reconnects back off from 250 ms to 5 s and never give up.
import { createHash, randomUUID } from "node:crypto";
import postgres from "postgres";
import { createInProcessNotifier, type Notifier } from "../../sync/notifier.ts";
import { quoteIdent, type Sql } from "./connect.ts";

export type PostgresNotifier = Notifier & {
  readonly channel: string;
  readonly instanceId: string;
  close(): Promise<void>;
};

export type NotifierOptions = {
  log?: (msg: string, error?: unknown) => void;
  /** Reconnect delays (ms); the last one repeats. */
  backoffMs?: readonly number[];
  /** application_name of the LISTEN connection (pg_stat_activity). */
  name?: string;
};

type Poke = { w: string; v: number; i: string };

function parsePoke(payload: string): Poke | null {
  try {
    const p = JSON.parse(payload) as Partial<Poke>;
    return typeof p.w === "string" && typeof p.v === "number" && typeof p.i === "string"
      ? (p as Poke)
      : null;
  } catch {
    return null;
  }
}

/** Channel for a schema: a short hash keeps it under the 63-byte identifier limit. */
export const channelFor = (schema: string) =>
  `sightline_poke_${createHash("sha256").update(schema).digest("hex").slice(0, 24)}`;

/**
 * Open the dedicated LISTEN connection to `url` (same database and schema as
 * the Db) and resolve once it listens. `pool` sends the NOTIFYs.
 */
export async function createPostgresNotifier(
  url: string,
  pool: Sql,
  o: NotifierOptions = {},
): Promise<PostgresNotifier> {
  const log = o.log ?? (() => {});
  const backoff = o.backoffMs ?? [250, 500, 1000, 2000, 5000];
  const local = createInProcessNotifier();
  const watched = new Map<string, number>();
  const instanceId = randomUUID();
  let closed = false;
  let relistening = false;

  // `onnotify` is a postgres.js option its type definitions leave out.
  const options: postgres.Options<Record<string, never>> & {
    onnotify(channel: string, payload: string): void;
  } = {
    max: 1,
    idle_timeout: undefined,
    max_lifetime: null,
    fetch_types: false,
    onnotice: () => {},
    connection: { application_name: o.name ?? "sightline-listen" },
    onnotify(_channel, payload) {
      const p = parsePoke(payload);
      if (p && p.i !== instanceId) local.notify(p.w, p.v);
    },
    onclose() {
      if (!closed) void relisten();
    },
  };
  const listener = postgres(url, options);

  const [row] = await pool<{ schema: string | null }[]>`SELECT current_schema() AS schema`;
  const channel = channelFor(row?.schema ?? "public");
  const listen = () => listener.unsafe(`LISTEN ${quoteIdent(channel)}`);

  async function relisten(): Promise<void> {
    if (relistening) return;
    relistening = true;
    try {
      for (let attempt = 0; !closed; attempt++) {
        try {
          await listen();
          log("notifier: listening again after a lost connection");
          await catchUp();
          return;
        } catch (e) {
          log("notifier: reconnect failed", e);
          const ms = backoff[Math.min(attempt, backoff.length - 1)] ?? 1000;
          await new Promise((r) => setTimeout(r, ms));
        }
      }
    } finally {
      relistening = false;
    }
  }

  /** Poke every watched workspace with its current version (pokes may have been missed). */
  async function catchUp(): Promise<void> {
    const ids = [...watched.keys()];
    if (ids.length === 0) return;
    const rows = await pool<{ id: string; version: number }[]>`
      SELECT id, version FROM workspaces WHERE id = ANY(${ids}::text[])`;
    for (const r of rows) local.notify(r.id, r.version);
  }

  await listen();

  return {
    channel,
    instanceId,
    notify(workspaceId, version) {
      local.notify(workspaceId, version);
      const payload = JSON.stringify({ w: workspaceId, v: version, i: instanceId } satisfies Poke);
      pool`SELECT pg_notify(${channel}, ${payload})`.catch((e: unknown) =>
        log("notifier: NOTIFY failed", e),
      );
    },
    subscribe(workspaceId, fn) {
      watched.set(workspaceId, (watched.get(workspaceId) ?? 0) + 1);
      const off = local.subscribe(workspaceId, fn);
      let done = false;
      return () => {
        if (done) return;
        done = true;
        off();
        const n = (watched.get(workspaceId) ?? 1) - 1;
        n > 0 ? watched.set(workspaceId, n) : watched.delete(workspaceId);
      };
    },
    listenerCount: () => local.listenerCount(),
    async close() {
      closed = true;
      await listener.end({ timeout: 1 });
    },
  };
}
