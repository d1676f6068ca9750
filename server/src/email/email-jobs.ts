// Email jobs: `email.alert` (one alert to one person) and `email.digest`
// (one person's weekly digest), both rendered when sent, in the recipient's
// language — their own setting (notification preferences) when they chose
// one, else the server's default (SIGHTLINE_LANGUAGE); and `digest.weekly`,
// the recurring job that fans out one `email.digest` per journal owner.
import type { Locale } from "@sightline/shared";
import type { Alert } from "@sightline/shared/schema/alert";
import type { Db, UserRecord } from "../db/port.ts";
import { digestEmail, gatherDigest } from "../digest/weekly.ts";
import { WEEK_MS } from "../jobs/every.ts";
import { GiveUp, type JobHandler } from "../jobs/runner.ts";
import { workspaceTimeZone } from "../journals/timeline/query.ts";
import { alertEmail } from "./alert-email.ts";
import type { Mailer } from "./mailer.ts";

export const EMAIL_ALERT = "email.alert";
export const EMAIL_DIGEST = "email.digest";
export const DIGEST_WEEKLY = "digest.weekly";
export const EMAIL_RETRY_FOR_MS = 24 * 60 * 60_000;

export type EmailDeps = { db: Db; mailer: Mailer; defaultLocale: Locale; now: () => Date };

type AlertPayload = { workspaceId: string; userId: string; firingId: string; alert: Alert };
type DigestPayload = { workspaceId: string; userId: string; fromIso: string; toIso: string };

/** The person's language: their own choice, else the server's default. */
export async function recipientLocale(d: Pick<EmailDeps, "db" | "defaultLocale">, u: UserRecord) {
  const prefs = await d.db.getNotificationPrefs(u.workspaceId, u.id);
  return prefs.language ?? d.defaultLocale;
}

async function recipient(db: Db, workspaceId: string, userId: string): Promise<UserRecord> {
  const u = await db.getUser(workspaceId, userId);
  // Gone or disabled since the job was planned: nothing to send, nothing to retry.
  if (!u || u.disabledAt || u.deletedAt) throw new GiveUp("recipient gone");
  return u;
}

export function emailJobs(d: EmailDeps): Record<string, JobHandler> {
  return {
    [EMAIL_ALERT]: {
      async run(payload) {
        const p = payload as AlertPayload;
        const u = await recipient(d.db, p.workspaceId, p.userId);
        const locale = await recipientLocale(d, u);
        const store = p.alert.storeId ? await d.db.getStore(p.workspaceId, p.alert.storeId) : null;
        const mail = alertEmail(p.alert, {
          locale,
          storeName: store?.name ?? null,
          timeZone: store?.timeZone ?? "UTC",
        });
        await d.mailer.send({ to: u.email, ...mail });
      },
    },
    [EMAIL_DIGEST]: {
      leaseMs: 10 * 60_000,
      async run(payload) {
        const p = payload as DigestPayload;
        const u = await recipient(d.db, p.workspaceId, p.userId);
        const locale = await recipientLocale(d, u);
        const facts = await gatherDigest(d.db, {
          workspaceId: p.workspaceId,
          ownerId: u.id,
          fromIso: p.fromIso,
          toIso: p.toIso,
        });
        await d.mailer.send({
          to: u.email,
          // Dates in the workspace's zone (its stores'; a person has no zone of their own).
          ...digestEmail(facts, {
            locale,
            fromIso: p.fromIso,
            toIso: p.toIso,
            timeZone: workspaceTimeZone(await d.db.listStores(p.workspaceId)),
          }),
        });
      },
    },
    [DIGEST_WEEKLY]: {
      // Fan out: one job per owner, so one bad address never holds the others.
      async run(payload, ctx) {
        const period = (payload as { period: number; offsetMs?: number }).period;
        const offset = (payload as { offsetMs?: number }).offsetMs ?? 0;
        const toMs = period * WEEK_MS + offset;
        const fromIso = new Date(toMs - WEEK_MS).toISOString();
        const toIso = new Date(toMs).toISOString();
        await planDigests(d.db, { period, fromIso, toIso, nowMs: ctx.nowMs });
      },
    },
  };
}

/** Enqueue the week's digest for every journal owner who has not turned it off. */
export async function planDigests(
  db: Db,
  o: { period: number; fromIso: string; toIso: string; nowMs: number },
): Promise<number> {
  let n = 0;
  for (const ws of await db.listWorkspaces()) {
    const owners = new Set(
      (await db.listJournals(ws.id)).filter((j) => !j.archived).map((j) => j.createdBy),
    );
    for (const u of await db.listUsers(ws.id)) {
      if (!owners.has(u.id) || u.disabledAt || u.deletedAt) continue;
      if (!(await db.getNotificationPrefs(ws.id, u.id)).weeklyDigest) continue;
      const r = await db.enqueueJob(
        {
          kind: EMAIL_DIGEST,
          payload: { workspaceId: ws.id, userId: u.id, fromIso: o.fromIso, toIso: o.toIso },
          runAtMs: o.nowMs,
          dedupeKey: `email:digest:${o.period}:${u.id}`,
          giveUpAtMs: o.nowMs + EMAIL_RETRY_FOR_MS,
        },
        o.nowMs,
      );
      if (r.created) n++;
    }
  }
  return n;
}
