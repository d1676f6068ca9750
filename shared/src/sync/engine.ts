// The client sync engine: local writes, then push/pull rounds against the
// server (docs/sync-protocol.md "Client rules"). Transport- and storage-agnostic; the same
// code runs in the kiosk's worker, the extension's service worker and tests.
//
// One `sync()` call = push everything pending, then pull until caught up.
// It never throws for network or server trouble: it returns an outcome the
// scheduler turns into a retry delay.

import { isClockReject } from "../captured-at.ts";
import { PullRejectedError } from "./local-state.ts";
import type { DeviceStatusReport } from "./messages/device-status.ts";
import type { Mutation } from "./messages/mutation.ts";
import {
  CLIENT_SCHEMA_VERSION,
  DEFAULT_PULL_LIMIT,
  MAX_PUSH_BYTES,
  MAX_PUSH_MUTATIONS,
  PROTOCOL_VERSION,
} from "./messages/protocol.ts";
import type { Cookie } from "./messages/pull.ts";
import { PushResponseSchema, SeqGapSchema, SeqReusedSchema } from "./messages/push.ts";
import { parsePullAnswer } from "./pull-answer.ts";
import {
  type LocalWrite,
  type OutboxEntry,
  type SyncMeta,
  type SyncStorage,
  wireMutation,
} from "./storage.ts";
import type { Transport, TransportResponse } from "./transport.ts";
import { upcastMutation } from "./upcast.ts";

export type SyncFailure =
  | "network"
  | "server"
  | "rate-limited"
  | "unauthorized"
  | "too-old"
  | "rejected-request"
  | "bad-response"
  /** Local storage failed (e.g. QuotaExceededError); reported by the scheduler. */
  | "storage";
export type SyncOutcome =
  /** `skipped`: pulled changes left out as malformed (see pull-answer.ts). */
  | { ok: true; pushed: number; pulled: number; skipped?: number }
  | { ok: false; failure: SyncFailure; retryAfterMs?: number; detail: string };

export type SyncEngineOptions = {
  storage: SyncStorage;
  transport: Transport;
  appVersion: string;
  now?: () => number;
  /** Max mutations per push (halved on 413 for the rest of that round). */
  batchSize?: number;
  pullLimit?: number;
  /** Keep acked outbox entries this long, for re-push after a server restore. */
  keepAckedMs?: number;
  /** This app's client schema (default CLIENT_SCHEMA_VERSION); tests raise it. */
  clientSchema?: number;
  /** Brings a queued mutation from an older schema to `clientSchema` (default upcast.ts). */
  upcast?: (m: Mutation, fromSchema: number) => Mutation;
  /**
   * Whether the storage is persistent, reported in every push and pull's
   * `status` (default: navigator.storage.persisted() where there is one).
   */
  storagePersisted?: () => Promise<boolean | null>;
};

export type SyncEngine = {
  /** Commit a local write durably; resolves once it is in storage. */
  write(w: LocalWrite): Promise<OutboxEntry>;
  sync(): Promise<SyncOutcome>;
  readonly storage: SyncStorage;
};

const MAX_GAP_RETRIES = 3;

const defaultPersisted = async (): Promise<boolean | null> => {
  const storage = (globalThis as { navigator?: { storage?: { persisted?(): Promise<boolean> } } })
    .navigator?.storage;
  return storage?.persisted ? storage.persisted() : null;
};
const MAX_RESTAMP_PASSES = 2;
const JSON_OVERHEAD = 256;

/** Where the next pull starts: the staging cookie while a reset is under way. */
const pullCookie = (m: SyncMeta): Cookie | null => (m.staging ? m.staging.cookie : m.cookie);

const sameCookie = (a: Cookie | null, b: Cookie | null): boolean =>
  a === b || (!!a && !!b && a.epoch === b.epoch && a.v === b.v && a.k === b.k);

export function createSyncEngine(o: SyncEngineOptions): SyncEngine {
  const now = o.now ?? Date.now;
  const maxBatch = Math.min(o.batchSize ?? MAX_PUSH_MUTATIONS, MAX_PUSH_MUTATIONS);
  const clientSchema = o.clientSchema ?? CLIENT_SCHEMA_VERSION;
  const upcast = o.upcast ?? upcastMutation;
  let running: Promise<SyncOutcome> | null = null;

  const fail = (failure: SyncFailure, detail: string, retryAfterMs?: number): SyncOutcome => ({
    ok: false,
    failure,
    detail,
    ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
  });

  async function send(
    path: "/v1/sync/push" | "/v1/sync/pull",
    body: unknown,
  ): Promise<TransportResponse | SyncOutcome> {
    try {
      return await o.transport(path, body);
    } catch (e) {
      return fail("network", e instanceof Error ? e.message : String(e));
    }
  }

  function httpFailure(r: TransportResponse): SyncOutcome {
    if (r.status === 401) return fail("unauthorized", "device token invalid or revoked");
    if (r.status === 426) return fail("too-old", "client too old for the server");
    if (r.status === 429 || r.status === 503)
      return fail("rate-limited", `HTTP ${r.status}`, r.retryAfterMs);
    if (r.status >= 500) return fail("server", `HTTP ${r.status}`, r.retryAfterMs);
    if (r.status >= 400) return fail("rejected-request", `HTTP ${r.status}`);
    return fail("bad-response", `HTTP ${r.status} without a sync answer`);
  }

  /** Cut a batch so its JSON stays under the push body cap. */
  function fitBytes(entries: OutboxEntry[]): OutboxEntry[] {
    let bytes = JSON_OVERHEAD;
    for (let i = 0; i < entries.length; i++) {
      bytes += JSON.stringify(entries[i]).length + 1;
      if (bytes > MAX_PUSH_BYTES * 0.9) return entries.slice(0, Math.max(1, i));
    }
    return entries;
  }

  async function push(deviceId: string): Promise<{ pushed: number } | SyncOutcome> {
    let batchSize = maxBatch;
    let pushed = 0;
    let gaps = 0;
    let restamps = 0;
    let from = ((await o.storage.meta())?.ackedSeq ?? 0) + 1;
    for (;;) {
      const batch = fitBytes(await o.storage.outboxFrom(from, batchSize));
      if (batch.length === 0) return { pushed };
      let mutations: Mutation[];
      try {
        // Entries queued by an older build of this app go out in this build's
        // schema, so one push speaks one schema.
        mutations = batch.map((e) =>
          (e.schema ?? 1) < clientSchema ? upcast(wireMutation(e), e.schema ?? 1) : wireMutation(e),
        );
      } catch (e) {
        return fail("too-old", `a queued write cannot be upcast: ${(e as Error).message}`);
      }
      const r = await send("/v1/sync/push", {
        protocol: PROTOCOL_VERSION,
        deviceId,
        clientSchema,
        appVersion: o.appVersion,
        mutations,
        status: await deviceStatus(),
      });
      if ("ok" in r) return r;
      if (r.status === 200) {
        const parsed = PushResponseSchema.safeParse(r.body);
        if (!parsed.success) return fail("bad-response", "200 without lastSeq is not an ack");
        const { lastSeq, rejected } = parsed.data;
        const meta = await o.storage.meta();
        if (meta && lastSeq >= meta.nextSeq) {
          // The server holds seqs this storage never issued (wiped, re-paired
          // under the same id): it skipped our batch as duplicates. Renumber
          // and push again rather than take that for an ack.
          if (++gaps > MAX_GAP_RETRIES)
            return fail("bad-response", "server seq space keeps moving");
          await o.storage.rebase(lastSeq);
          from = lastSeq + 1;
          continue;
        }
        // Writes refused only for this device's clock come back into the
        // queue (same transaction as the ack) with server-corrected stamps;
        // a server that keeps refusing them ends the round instead of spinning.
        if (rejected.some((r) => isClockReject(r.code)) && ++restamps > MAX_RESTAMP_PASSES)
          return fail("server", "the server keeps refusing this device's clock");
        await o.storage.ack(lastSeq, rejected, now(), parsed.data.serverTime);
        if (lastSeq < from) return fail("server", "server applied nothing from the batch");
        pushed += lastSeq - from + 1;
        from = lastSeq + 1;
        continue;
      }
      if (r.status === 409 && SeqReusedSchema.safeParse(r.body).success) {
        // The server's seqs are another history of this id: nothing of ours
        // was applied; renumber everything unsent after its lastSeq.
        const { lastSeq } = SeqReusedSchema.parse(r.body);
        if (++gaps > MAX_GAP_RETRIES) return fail("bad-response", "server seq space keeps moving");
        await o.storage.rebase(lastSeq, { all: true });
        from = lastSeq + 1;
        continue;
      }
      if (r.status === 409) {
        const gap = SeqGapSchema.safeParse(r.body);
        if (!gap.success || ++gaps > MAX_GAP_RETRIES)
          return fail("bad-response", "unresolvable seq gap");
        if (gap.data.expectedSeq > from) await o.storage.ack(gap.data.expectedSeq - 1, [], now());
        from = gap.data.expectedSeq;
        continue;
      }
      if (r.status === 413 && batch.length > 1) {
        batchSize = Math.max(1, Math.floor(batch.length / 2));
        continue;
      }
      return httpFailure(r);
    }
  }

  /** Sent at once (the next page is asked for while one is stored): `status` read before. */
  function requestPage(
    deviceId: string,
    cookie: Cookie | null,
    status: DeviceStatusReport | undefined,
  ) {
    return send("/v1/sync/pull", {
      protocol: PROTOCOL_VERSION,
      deviceId,
      clientSchema,
      cookie,
      limit: o.pullLimit ?? DEFAULT_PULL_LIMIT,
      status,
    });
  }

  /** The `status` of a push or pull: the queue from storage.stats(); undefined if unreadable. */
  async function deviceStatus(): Promise<DeviceStatusReport | undefined> {
    try {
      const s = await o.storage.stats();
      const persisted = await (o.storagePersisted ?? defaultPersisted)().catch(() => null);
      return {
        unsynced: s.unsynced,
        oldestUnsyncedAt:
          s.oldestUnsyncedAt === null ? null : new Date(s.oldestUnsyncedAt).toISOString(),
        ...(typeof persisted === "boolean" ? { storagePersisted: persisted } : {}),
      };
    } catch {
      return undefined;
    }
  }

  /**
   * Pull until caught up. The next page is requested while this one is being
   * stored, so the server and the client work at once; that answer is used
   * only if storing this page left the cookie where the request guessed it
   * would be, and pages are still stored strictly one after the other.
   */
  async function pull(
    deviceId: string,
  ): Promise<{ pulled: number; skipped: number } | SyncOutcome> {
    let pulled = 0;
    let skipped = 0;
    const meta = await o.storage.meta();
    if (!meta) return fail("bad-response", "storage not initialised");
    const status = await deviceStatus();
    let next = requestPage(deviceId, pullCookie(meta), status);
    for (;;) {
      const r = await next;
      if ("ok" in r) return r;
      if (r.status !== 200) return httpFailure(r);
      const page = parsePullAnswer(r.body);
      if (!page) return fail("bad-response", "200 without a pull answer");
      const guess = page.hasMore ? page.cookie : null;
      if (guess) next = requestPage(deviceId, guess, status);
      try {
        await o.storage.applyPull(page, now());
      } catch (e) {
        if (e instanceof PullRejectedError) return fail("bad-response", e.message);
        throw e;
      }
      pulled += page.changes.length;
      skipped += page.skipped;
      if (!page.hasMore) return { pulled, skipped };
      const after = await o.storage.meta();
      if (!after) return fail("bad-response", "storage not initialised");
      const cookie = pullCookie(after);
      if (!sameCookie(cookie, guess)) next = requestPage(deviceId, cookie, status);
    }
  }

  async function round(): Promise<SyncOutcome> {
    const meta = await o.storage.meta();
    if (!meta) return fail("unauthorized", "device not paired");
    let pushed = 0;
    let pulled = 0;
    let skipped = 0;
    // A pull can reveal a restored server that lost acked writes (it rewinds
    // the ack); then push again. Bounded, so a confused server cannot spin us.
    for (let pass = 0; pass < 3; pass++) {
      const p = await push(meta.deviceId);
      if ("ok" in p) return p;
      const q = await pull(meta.deviceId);
      if ("ok" in q) return q;
      pushed += p.pushed;
      pulled += q.pulled;
      skipped += q.skipped;
      if ((await o.storage.stats()).unsynced === 0) break;
    }
    if (o.keepAckedMs !== undefined) await o.storage.prune(now() - o.keepAckedMs);
    return { ok: true, pushed, pulled, ...(skipped > 0 ? { skipped } : {}) };
  }

  return {
    storage: o.storage,
    write: (w) => o.storage.commitLocal({ schema: clientSchema, ...w }, now()),
    // Rounds never overlap: a second caller shares the running one.
    sync() {
      running ??= round().finally(() => {
        running = null;
      });
      return running;
    },
  };
}
