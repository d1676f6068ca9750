// Evaluates alert rules (docs/alerts.md "When rules are evaluated"): after a
// push commits, for the rules of that workspace touching what was pushed —
// off the response path, coalesced per workspace, never failing the push —
// and every minute for every enabled rule — once per minute across
// instances: the tick runs under the database's exclusive lock (no two at
// once) and only after claiming its minute (claimTickPeriod; an instance
// whose timer fires later in a minute another instance evaluated skips it). Each rule's condition is a pure
// function (conditions.ts); this reads what they need, records trips and
// clears, and pokes the workspace's streams when an alert opened or changed.
import { behaviourLabels, type Entity, type Store } from "@sightline/shared";
import type { Logger } from "pino";
import type { AlertRuleRecord, Db } from "../db/port.ts";
import type { Notifier } from "../sync/notifier.ts";
import {
  behaviourConditions,
  type ConditionOutcome,
  feedbackConditions,
  KIND_READS,
  priceConditions,
  silentDeviceConditions,
  windowStart,
} from "./conditions.ts";
import { alertSummary } from "./summary.ts";

/** What a push touched: the stores and competitors its observations name. */
export type Touched = { storeIds: readonly string[]; competitorIds: readonly string[] };

export type EvaluationResult = { opened: number; updated: number; quiet: number; cleared: number };

export type AlertEvaluator = {
  /** Schedule an evaluation after a committed push; returns at once. */
  afterPush(workspaceId: string, touched: Touched): void;
  /** Evaluate one workspace now (all its enabled rules, or those touching `touched`). */
  evaluate(workspaceId: string, touched?: Touched): Promise<EvaluationResult>;
  /**
   * The scheduled evaluation of every workspace: undefined when another tick
   * runs now or this minute (by `now`) was evaluated already, here or by
   * another instance.
   */
  tick(): Promise<EvaluationResult | undefined>;
  /** Resolves when no evaluation is pending (tests, shutdown). */
  idle(): Promise<void>;
  /** Tell the workspace's streams the open-alert count may have changed (an ack). */
  changed(workspaceId: string): Promise<void>;
};

/** Pages of observations read per rule kind and evaluation at most (500 each). */
const MAX_PAGES = 40;
/** Web captures of one competitor read for price comparisons (newest first). */
const PRICE_CAPTURES = 400;

export function createAlertEvaluator(o: {
  db: Db;
  notifier: Notifier;
  logger?: Pick<Logger, "warn" | "error">;
  now?: () => Date;
}): AlertEvaluator {
  const { db, notifier } = o;
  const now = o.now ?? (() => new Date());
  /** Per workspace: the evaluation running and what arrived meanwhile. */
  const running = new Map<string, Promise<void>>();
  const pendingTouch = new Map<string, { stores: Set<string>; competitors: Set<string> }>();
  const all = new Set<Promise<unknown>>();

  const track = <T>(p: Promise<T>): Promise<T> => {
    all.add(p);
    void p.finally(() => all.delete(p)).catch(() => {});
    return p;
  };

  async function readAll(ws: string, channel: string, storeId: string | undefined, fromMs: number) {
    const out: Entity[] = [];
    let cursor: string | undefined;
    for (let i = 0; i < MAX_PAGES; i++) {
      const page = await db.listObservations(ws, {
        channel,
        fromMs,
        limit: 500,
        ...(storeId ? { storeId } : {}),
        ...(cursor ? { cursor } : {}),
      });
      out.push(...page.items);
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    return out;
  }

  async function outcomesOf(
    ws: string,
    rule: AlertRuleRecord,
    at: number,
    touched: Touched | undefined,
    names: Names,
  ): Promise<ConditionOutcome[]> {
    const reads = KIND_READS[rule.kind];
    if (reads === "devices") return silentDeviceConditions(rule, await db.listDevices(ws), at);
    if (reads === "web") {
      const competitors = rule.competitorId
        ? [rule.competitorId]
        : touched
          ? [...touched.competitorIds]
          : [...names.competitors.keys()];
      const out: ConditionOutcome[] = [];
      for (const c of competitors) {
        const page = await db.listObservations(ws, {
          channel: "web",
          competitorId: c,
          limit: PRICE_CAPTURES,
        });
        out.push(...priceConditions({ ...rule, competitorId: c }, page.items, [c], at));
      }
      return out;
    }
    const stores = rule.storeId
      ? [rule.storeId]
      : touched
        ? [...touched.storeIds]
        : [...names.stores.keys()];
    const fromMs = windowStart(rule, at);
    const single = stores.length === 1 ? stores[0] : undefined;
    const rows = stores.length === 0 ? [] : await readAll(ws, reads, single, fromMs);
    return reads === "feedback"
      ? feedbackConditions(rule, rows, stores, at)
      : behaviourConditions(rule, rows, stores, at);
  }

  type Names = {
    stores: Map<string, string>;
    competitors: Map<string, string>;
    /** Each store's own behaviours (their labels). */
    behaviours: Map<string, Store["behaviours"]>;
  };

  async function evaluate(ws: string, touched?: Touched): Promise<EvaluationResult> {
    const result: EvaluationResult = { opened: 0, updated: 0, quiet: 0, cleared: 0 };
    const rules = (await db.listAlertRules(ws)).filter((r) => r.enabled);
    const relevant = touched
      ? rules.filter((r) => {
          const reads = KIND_READS[r.kind];
          if (reads === "devices") return false;
          if (reads === "web")
            return r.competitorId
              ? touched.competitorIds.includes(r.competitorId)
              : touched.competitorIds.length > 0;
          return r.storeId ? touched.storeIds.includes(r.storeId) : touched.storeIds.length > 0;
        })
      : rules;
    if (relevant.length === 0) return result;
    const stores = await db.listStores(ws);
    const names: Names = {
      stores: new Map(stores.map((s) => [s.id, s.name])),
      competitors: new Map((await db.listCompetitors(ws)).map((c) => [c.id, c.name])),
      behaviours: new Map(stores.map((s) => [s.id, s.behaviours])),
    };
    const at = now();
    const nowIso = at.toISOString();
    for (const rule of relevant) {
      let outcomes: ConditionOutcome[];
      try {
        outcomes = await outcomesOf(ws, rule, at.getTime(), touched, names);
      } catch (e) {
        o.logger?.warn({ err: e, rule: rule.id }, "alert rule could not be evaluated");
        continue;
      }
      for (const c of outcomes) {
        if (!c.trip) {
          await db.clearAlertCondition(ws, rule.id, c.key, nowIso);
          result.cleared++;
          continue;
        }
        const place =
          (c.storeId && names.stores.get(c.storeId)) ||
          (c.competitorId && names.competitors.get(c.competitorId)) ||
          (typeof c.figures.device === "string" ? c.figures.device : null) ||
          c.storeId ||
          c.competitorId ||
          c.deviceId;
        const out = await db.recordAlertTrip(ws, {
          ruleId: rule.id,
          kind: rule.kind,
          key: c.key,
          storeId: c.storeId,
          competitorId: c.competitorId,
          deviceId: c.deviceId,
          figures: c.figures,
          observationIds: c.observationIds,
          text: alertSummary(rule.kind, c.figures, place, countedBehaviour(c, names)),
          deliver: rule.deliver,
          now: nowIso,
        });
        result[out.kind === "opened" ? "opened" : out.kind === "updated" ? "updated" : "quiet"]++;
      }
    }
    if (result.opened + result.updated > 0) await changed(ws);
    return result;
  }

  /** The labels of the behaviour a condition counted (its store's own, else the default). */
  function countedBehaviour(c: ConditionOutcome, names: Names) {
    const code = c.figures.behaviour;
    if (typeof code !== "string") return undefined;
    const own = c.storeId ? names.behaviours.get(c.storeId) : undefined;
    return behaviourLabels(code, own) ?? undefined;
  }

  async function changed(ws: string) {
    // A poke with the current version: streams re-read the open count
    // (events-route.ts), and on PostgreSQL the poke reaches every instance.
    const w = await db.getWorkspace(ws);
    if (w) notifier.notify(ws, w.version);
  }

  function afterPush(ws: string, touched: Touched) {
    if (touched.storeIds.length === 0 && touched.competitorIds.length === 0) return;
    const p = pendingTouch.get(ws) ?? { stores: new Set(), competitors: new Set() };
    for (const s of touched.storeIds) p.stores.add(s);
    for (const c of touched.competitorIds) p.competitors.add(c);
    pendingTouch.set(ws, p);
    if (running.has(ws)) return; // the running loop picks it up
    const loop = (async () => {
      // Let the push answer go out first.
      await new Promise((r) => setImmediate(r));
      for (let next = pendingTouch.get(ws); next; next = pendingTouch.get(ws)) {
        pendingTouch.delete(ws);
        try {
          await evaluate(ws, { storeIds: [...next.stores], competitorIds: [...next.competitors] });
        } catch (e) {
          o.logger?.error({ err: e, workspaceId: ws }, "alert evaluation after a push failed");
        }
      }
    })().finally(() => running.delete(ws));
    running.set(ws, loop);
    track(loop);
  }

  async function tick(): Promise<EvaluationResult | undefined> {
    return track(
      db.tryExclusiveTick("alerts", async () => {
        // Claimed inside the lock: a minute whose evaluation is still running
        // elsewhere is not claimed (and lost) by a skipped tick.
        const minute = Math.floor(now().getTime() / 60_000);
        if (!(await db.claimTickPeriod("alerts", minute))) return undefined;
        const total: EvaluationResult = { opened: 0, updated: 0, quiet: 0, cleared: 0 };
        const workspaces = new Set((await db.listEnabledAlertRules()).map((r) => r.workspaceId));
        for (const ws of workspaces) {
          try {
            const r = await evaluate(ws);
            for (const k of Object.keys(total) as (keyof EvaluationResult)[]) total[k] += r[k];
          } catch (e) {
            o.logger?.error({ err: e, workspaceId: ws }, "scheduled alert evaluation failed");
          }
        }
        return total;
      }),
    );
  }

  return {
    afterPush,
    evaluate,
    tick,
    changed,
    async idle() {
      while (all.size > 0) await Promise.allSettled([...all]);
    },
  };
}

/** The stores and competitors named by a push's creates and patches (and the kiosk's own store). */
export function touchedBy(
  mutations: readonly { op: string; fields?: Record<string, unknown> | undefined }[],
  deviceStoreId: string | null,
): Touched {
  const stores = new Set<string>();
  const competitors = new Set<string>();
  if (deviceStoreId) stores.add(deviceStoreId);
  for (const m of mutations) {
    const f = m.fields;
    if (!f) continue;
    if (typeof f.storeId === "string") stores.add(f.storeId);
    if (typeof f.competitorId === "string") competitors.add(f.competitorId);
  }
  return { storeIds: [...stores], competitorIds: [...competitors] };
}

/** Start the every-minute tick; returns the stop function. */
export function startAlertSchedule(
  evaluator: AlertEvaluator,
  o: { everyMs?: number; signal?: AbortSignal; logger?: Pick<Logger, "error"> } = {},
): () => void {
  const timer = setInterval(() => {
    evaluator.tick().catch((e) => o.logger?.error({ err: e }, "alert tick failed"));
  }, o.everyMs ?? 60_000);
  timer.unref();
  const stop = () => clearInterval(timer);
  o.signal?.addEventListener("abort", stop, { once: true });
  return stop;
}
