// Recording audit events: who did what to whom, when, from which address.
// Routes call `record` with the request's context (actor and address come
// from it); the CLI (backup, restore) calls it with the system actor. Old
// rows are pruned by the retention setting, at most once an hour, on the
// back of a write — no timer to stop at shutdown. Never pass a secret in
// `detail`: tokens, codes and passwords stay out of the log.
import type { Context } from "hono";
import type { Db, NewAuditEvent, Principal } from "../db/port.ts";
import type { AppEnv } from "../http/env.ts";
import { clientIp } from "../middleware/rate-limit/index.ts";
import type { AuditActorType, AuditDetail, AuditType } from "./event-types.ts";

export type AuditActor = { type: AuditActorType; id: string | null; label: string | null };
export type AuditTarget = { type: string; id: string | null; label: string | null };

export type AuditEntry = {
  workspaceId: string | null;
  type: AuditType;
  actor: AuditActor;
  target?: AuditTarget | null;
  address?: string | null;
  detail?: AuditDetail;
};

export const SYSTEM_ACTOR: AuditActor = { type: "system", id: null, label: "sightline" };
export const ANONYMOUS_ACTOR: AuditActor = { type: "anonymous", id: null, label: null };

export const DEFAULT_AUDIT_RETENTION_DAYS = 400;
const PRUNE_EVERY_MS = 3_600_000;

export type AuditLogOptions = {
  now?: () => Date;
  /** Rows older than this many days are deleted (0: keep forever). */
  retentionDays?: number;
  /** Proxies in front of the server, to read the client address (SIGHTLINE_TRUSTED_PROXIES). */
  trustedProxies?: number;
};

/** The actor a principal stands for (a person by email, a device by id). */
export function actorOf(p: Principal | null): AuditActor {
  if (!p) return ANONYMOUS_ACTOR;
  if (p.type === "user") return { type: "user", id: p.userId, label: p.email };
  if (p.type === "device")
    return { type: "device", id: p.deviceId, label: `${p.kind}:${p.deviceId}` };
  return { type: "api-key", id: p.keyId, label: p.name };
}

export type AuditLog = ReturnType<typeof createAuditLog>;

export function createAuditLog(db: Db, o: AuditLogOptions = {}) {
  const now = o.now ?? (() => new Date());
  const retentionDays = o.retentionDays ?? DEFAULT_AUDIT_RETENTION_DAYS;
  let prunedAt = Number.NEGATIVE_INFINITY;

  async function pruneNow(at: Date): Promise<number> {
    if (retentionDays <= 0) return 0;
    prunedAt = at.getTime();
    return db.pruneAudit(new Date(at.getTime() - retentionDays * 86_400_000).toISOString());
  }

  async function record(e: AuditEntry): Promise<void> {
    const at = now();
    const row: NewAuditEvent = {
      workspaceId: e.workspaceId,
      type: e.type,
      at: at.toISOString(),
      actorType: e.actor.type,
      actorId: e.actor.id,
      actorLabel: e.actor.label,
      targetType: e.target?.type ?? null,
      targetId: e.target?.id ?? null,
      targetLabel: e.target?.label ?? null,
      address: e.address ?? null,
      detail: e.detail ?? {},
    };
    await db.appendAudit(row);
    if (at.getTime() - prunedAt >= PRUNE_EVERY_MS) await pruneNow(at);
  }

  return {
    record,
    /** Delete rows past retention now (start-up, CLI). */
    prune: () => pruneNow(now()),
    /** Record an event of a request: the caller's principal (unless `actor` is given) and address. */
    fromRequest(
      c: Context<AppEnv>,
      e: Omit<AuditEntry, "actor" | "address" | "workspaceId"> & {
        workspaceId?: string | null;
        actor?: AuditActor;
      },
    ): Promise<void> {
      const p = c.get("principal");
      return record({
        ...e,
        workspaceId: e.workspaceId !== undefined ? e.workspaceId : (p?.workspaceId ?? null),
        actor: e.actor ?? actorOf(p),
        address: clientIp(c, o.trustedProxies ?? 0),
      });
    },
  };
}

/** A person as an audit target. */
export const userTarget = (u: {
  id: string;
  email: string;
  name?: string | null;
}): AuditTarget => ({
  type: "user",
  id: u.id,
  label: u.email,
});
