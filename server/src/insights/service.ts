// Insight use cases shared by the journal and insight routes: views with
// corroboration, creation with evidence checked against the workspace, and
// the status flow with its gates (status.ts) turned into HTTP problems.
import { CHANNELS, type Channel, uuidv7 } from "@sightline/shared";
import type { AppDeps } from "../app-deps.ts";
import type { InsightChanges } from "../db/port.ts";
import { badRequest, HttpProblem, notFound } from "../http/problem.ts";
import type {
  ActionInput,
  ActionPatch,
  EvidenceInput,
  Insight,
  InsightInput,
  InsightPatch,
  InsightView,
} from "../journals/model.ts";
import { viewInsight } from "./insight-view.ts";
import { mergePrinciples } from "./principles.ts";
import { checkTransition } from "./status.ts";

type Deps = Pick<AppDeps, "db" | "now">;
type Caller = { workspaceId: string; userId: string };

export const nowIso = (d: Deps) => (d.now?.() ?? new Date()).toISOString();

const isChannel = (c: unknown): c is Channel => typeof c === "string" && Object.hasOwn(CHANNELS, c);

/** Insights as the API shows them, corroboration counted from live observations. */
export async function viewInsights(
  d: Deps,
  ws: string,
  insights: Insight[],
): Promise<InsightView[]> {
  const ids = [...new Set(insights.flatMap((i) => i.evidence.map((e) => e.observationId)))];
  const fields = new Map((await d.db.getObservations(ws, ids)).map((e) => [e.id, e.fields]));
  return insights.map((i) =>
    viewInsight(i, (id) => {
      const f = fields.get(id);
      if (!f || !isChannel(f.channel)) return undefined;
      return { channel: f.channel, source: typeof f.source === "string" ? f.source : undefined };
    }),
  );
}

async function requireObservations(d: Deps, ws: string, ids: string[]): Promise<void> {
  const found = new Set((await d.db.getObservations(ws, ids)).map((e) => e.id));
  const missing = ids.filter((id) => !found.has(id));
  if (missing.length) {
    throw badRequest(
      "evidence must link observations of this workspace",
      missing.map((id) => ({ path: "evidence", message: `no observation ${id}` })),
    );
  }
}

export async function createInsight(d: Deps, who: Caller, journalId: string, input: InsightInput) {
  const journal = await d.db.getJournal(who.workspaceId, journalId);
  if (!journal) throw notFound("journal");
  const unique = new Map(input.evidence.map((e) => [e.observationId, e]));
  await requireObservations(d, who.workspaceId, [...unique.keys()]);
  const at = nowIso(d);
  const insight = await d.db.createInsight(who.workspaceId, {
    id: uuidv7(),
    journalId,
    statement: input.statement,
    needs: input.needs ?? [],
    createdBy: who.userId,
    createdAt: at,
    evidence: [...unique.values()].map((e) => ({
      observationId: e.observationId,
      stance: e.stance,
      note: e.note ?? null,
      addedBy: who.userId,
      addedAt: at,
    })),
  });
  return (await viewInsights(d, who.workspaceId, [insight]))[0] as InsightView;
}

async function loadView(d: Deps, ws: string, id: string): Promise<InsightView> {
  const insight = await d.db.getInsight(ws, id);
  if (!insight) throw notFound("insight");
  return (await viewInsights(d, ws, [insight]))[0] as InsightView;
}

export async function patchInsight(d: Deps, who: Caller, id: string, p: InsightPatch) {
  const cur = await loadView(d, who.workspaceId, id);
  const changes: InsightChanges = {};
  if (p.statement !== undefined) changes.statement = p.statement;
  if (p.needs !== undefined) changes.needs = p.needs;
  if (p.principles !== undefined)
    changes.principles = mergePrinciples(cur.principles, p.principles);
  if (p.overrideReason !== undefined) changes.overrideReason = p.overrideReason.trim() || null;
  if (p.status !== undefined) {
    const check = checkTransition(cur.status, p.status, {
      corroboration: cur.corroboration,
      actions: cur.actions.length,
      overrideReason: p.overrideReason ?? cur.overrideReason,
    });
    if (!check.ok) throw new HttpProblem(409, "Conflict", check.message, { slug: check.code });
    changes.status = p.status;
  }
  await d.db.updateInsight(who.workspaceId, id, changes, nowIso(d));
  return loadView(d, who.workspaceId, id);
}

export async function linkEvidence(d: Deps, who: Caller, id: string, e: EvidenceInput) {
  await requireObservations(d, who.workspaceId, [e.observationId]);
  const at = nowIso(d);
  const updated = await d.db.putEvidence(
    who.workspaceId,
    id,
    {
      observationId: e.observationId,
      stance: e.stance,
      note: e.note ?? null,
      addedBy: who.userId,
      addedAt: at,
    },
    at,
  );
  if (!updated) throw notFound("insight");
  return (await viewInsights(d, who.workspaceId, [updated]))[0] as InsightView;
}

export async function unlinkEvidence(d: Deps, who: Caller, id: string, observationId: string) {
  await loadView(d, who.workspaceId, id);
  if (!(await d.db.removeEvidence(who.workspaceId, id, observationId, nowIso(d)))) {
    throw notFound("evidence link");
  }
  return loadView(d, who.workspaceId, id);
}

export async function addAction(d: Deps, who: Caller, insightId: string, a: ActionInput) {
  const action = await d.db.createAction(who.workspaceId, {
    id: uuidv7(),
    insightId,
    title: a.title,
    owner: a.owner?.trim() || null,
    due: a.due ?? null,
    createdAt: nowIso(d),
  });
  if (!action) throw notFound("insight");
  return action;
}

export async function patchAction(d: Deps, who: Caller, id: string, p: ActionPatch) {
  const changes = {
    ...(p.status !== undefined ? { status: p.status } : {}),
    ...(p.title !== undefined ? { title: p.title } : {}),
    ...(p.owner !== undefined ? { owner: p.owner?.trim() || null } : {}),
    ...(p.due !== undefined ? { due: p.due } : {}),
  };
  const action = await d.db.updateAction(who.workspaceId, id, changes, nowIso(d));
  if (!action) throw notFound("action");
  return action;
}
