// Each rule kind's condition as a pure function (docs/alerts.md "Rule
// kinds"): given the rule, the observations or devices it reads and the
// time, what holds for each key — a trip with its figures (always with base
// counts) and the observations that tripped it, or a clear. Reading the data
// and recording the outcome is evaluator.ts's job.
import type { Entity } from "@sightline/shared";
import { mainPrice } from "@sightline/shared/main-price";
import type { AlertFigures, AlertKind } from "@sightline/shared/schema/alert";
import type { AlertRuleRecord, DeviceRecord } from "../db/port.ts";

export type ConditionOutcome = {
  key: string;
  storeId: string | null;
  competitorId: string | null;
  deviceId: string | null;
  trip: boolean;
  figures: AlertFigures;
  observationIds: string[];
};

/** Share in % with one decimal, as analytics shows it. */
export const pct = (part: number, whole: number): number =>
  whole === 0 ? 0 : Math.round((1000 * part) / whole) / 10;

const ms = (iso: unknown): number => (typeof iso === "string" ? Date.parse(iso) : Number.NaN);
const str = (v: unknown): string | null => (typeof v === "string" ? v : null);

/** The window a rule looks at, ending now: [now − windowMinutes, now] (plus AHEAD_MS). */
export const windowStart = (rule: Pick<AlertRuleRecord, "windowMinutes">, nowMs: number) =>
  nowMs - rule.windowMinutes * 60_000;

/**
 * How far ahead of the server a capture may be stamped and still count now:
 * the push accepts stamps up to 5 minutes ahead (a kiosk whose clock runs
 * fast), and its taps must not wait for the clock to catch up.
 */
export const AHEAD_MS = 5 * 60_000;

function inWindow(e: Entity, fromMs: number, nowMs: number): boolean {
  const t = ms(e.fields.capturedAt);
  return Number.isFinite(t) && t >= fromMs && t <= nowMs + AHEAD_MS;
}

function byStore(entities: readonly Entity[]): Map<string, Entity[]> {
  const out = new Map<string, Entity[]>();
  for (const e of entities) {
    const s = str(e.fields.storeId);
    if (!s) continue;
    const list = out.get(s) ?? [];
    list.push(e);
    out.set(s, list);
  }
  return out;
}

/** Stores a window rule is about: its own, or every store given. */
const storesOf = (rule: AlertRuleRecord, stores: readonly string[]) =>
  rule.storeId ? [rule.storeId] : [...stores];

const storeOutcome = (
  storeId: string,
  trip: boolean,
  figures: AlertFigures,
  observationIds: string[],
): ConditionOutcome => ({
  key: storeId,
  storeId,
  competitorId: null,
  deviceId: null,
  trip,
  figures,
  observationIds,
});

/**
 * Feedback taps of a store in the window: counted (faces 1–4, not suspect),
 * negative (faces 1–2) and suspect apart.
 */
function tally(taps: readonly Entity[], fromMs: number, nowMs: number) {
  const counted: Entity[] = [];
  let suspect = 0;
  for (const e of taps) {
    if (e.fields.channel !== "feedback" || !inWindow(e, fromMs, nowMs)) continue;
    const r = e.fields.rating;
    if (typeof r !== "number" || r < 1 || r > 4) continue;
    if (e.fields.suspect === true) {
      suspect++;
      continue;
    }
    counted.push(e);
  }
  const negative = counted.filter((e) => (e.fields.rating as number) <= 2);
  return { counted, negative, suspect };
}

/** feedback-negative-share and happy-index-below over the feedback taps given. */
export function feedbackConditions(
  rule: AlertRuleRecord,
  taps: readonly Entity[],
  stores: readonly string[],
  nowMs: number,
): ConditionOutcome[] {
  const fromMs = windowStart(rule, nowMs);
  const grouped = byStore(taps);
  return storesOf(rule, stores).map((storeId) => {
    const { counted, negative, suspect } = tally(grouped.get(storeId) ?? [], fromMs, nowMs);
    const count = counted.length;
    const base = {
      count,
      negative: negative.length,
      suspect,
      windowMinutes: rule.windowMinutes,
      minCount: rule.minCount,
      threshold: rule.threshold,
    };
    if (rule.kind === "happy-index-below") {
      const happyIndex = count === 0 ? null : pct(count - negative.length, count);
      const trip = count >= rule.minCount && happyIndex !== null && happyIndex < rule.threshold;
      return storeOutcome(
        storeId,
        trip,
        { ...base, happyIndex },
        negative.map((e) => e.id),
      );
    }
    const share = pct(negative.length, count);
    const trip = count >= rule.minCount && count > 0 && share >= rule.threshold;
    return storeOutcome(
      storeId,
      trip,
      { ...base, share },
      negative.map((e) => e.id),
    );
  });
}

/** behaviour-count-above: more than `threshold` store observations of the behaviour. */
export function behaviourConditions(
  rule: AlertRuleRecord,
  observations: readonly Entity[],
  stores: readonly string[],
  nowMs: number,
): ConditionOutcome[] {
  const fromMs = windowStart(rule, nowMs);
  const grouped = byStore(observations);
  return storesOf(rule, stores).map((storeId) => {
    const hits = (grouped.get(storeId) ?? []).filter(
      (e) =>
        e.fields.channel === "store" &&
        e.fields.behaviour === rule.behaviour &&
        inWindow(e, fromMs, nowMs),
    );
    return storeOutcome(
      storeId,
      rule.behaviour !== null && hits.length > rule.threshold,
      {
        count: hits.length,
        behaviour: rule.behaviour,
        windowMinutes: rule.windowMinutes,
        threshold: rule.threshold,
      },
      hits.map((e) => e.id),
    );
  });
}

type PriceRead = { amount: number; currency: string };

/**
 * The price the shop asks now: the capture's main price (shared/main-price.ts,
 * the one the extension's watch follows: current, else sale, else no role).
 */
export function currentPrice(e: Entity): PriceRead | null {
  const evidence = e.fields.evidence as { facts?: { prices?: unknown } } | undefined;
  const prices = evidence?.facts?.prices;
  if (!Array.isArray(prices)) return null;
  const readable = (prices as Array<Record<string, unknown>>).filter(
    (p): p is PriceRead & { role?: unknown } =>
      typeof p.amount === "number" && typeof p.currency === "string",
  );
  const main = mainPrice(readable);
  return main ? { amount: main.amount, currency: main.currency } : null;
}

/** The page a capture is of: its canonical URL when read, else the URL without the fragment. */
function pageOf(e: Entity): string | null {
  const evidence = e.fields.evidence as { facts?: { canonicalUrl?: unknown } } | undefined;
  const canonical = str(evidence?.facts?.canonicalUrl);
  const url = canonical ?? str(e.fields.url);
  return url ? url.replace(/#.*$/, "") : null;
}

/**
 * competitor-price-change: of the web captures of each competitor (any
 * order), a capture in the window whose current price differs from the
 * capture of the same page just before it (same currency) by more than
 * `threshold` %. The largest move is the alert's figures.
 */
export function priceConditions(
  rule: AlertRuleRecord,
  captures: readonly Entity[],
  competitors: readonly string[],
  nowMs: number,
): ConditionOutcome[] {
  const fromMs = windowStart(rule, nowMs);
  const keys = rule.competitorId ? [rule.competitorId] : [...competitors];
  return keys.map((competitorId) => {
    const pages = new Map<string, Entity[]>();
    for (const e of captures) {
      if (e.fields.channel !== "web" || e.fields.competitorId !== competitorId) continue;
      if (!Number.isFinite(ms(e.fields.capturedAt)) || ms(e.fields.capturedAt) > nowMs) continue;
      const page = pageOf(e);
      if (!page || !currentPrice(e)) continue;
      pages.set(page, [...(pages.get(page) ?? []), e]);
    }
    let best: { figures: AlertFigures; ids: string[]; move: number } | null = null;
    for (const [url, list] of pages) {
      list.sort(
        (a, b) => ms(a.fields.capturedAt) - ms(b.fields.capturedAt) || (a.id < b.id ? -1 : 1),
      );
      for (let i = 1; i < list.length; i++) {
        const prev = list[i - 1] as Entity;
        const cur = list[i] as Entity;
        if (ms(cur.fields.capturedAt) < fromMs) continue;
        const before = currentPrice(prev) as PriceRead;
        const after = currentPrice(cur) as PriceRead;
        if (before.currency !== after.currency || before.amount <= 0) continue;
        const changePct = Math.round((1000 * (after.amount - before.amount)) / before.amount) / 10;
        const move = (Math.abs(after.amount - before.amount) / before.amount) * 100;
        if (move <= rule.threshold || (best && best.move >= move)) continue;
        best = {
          move,
          ids: [prev.id, cur.id],
          figures: {
            before: before.amount,
            after: after.amount,
            currency: after.currency,
            changePct,
            url,
            threshold: rule.threshold,
            windowMinutes: rule.windowMinutes,
          },
        };
      }
    }
    return {
      key: competitorId,
      storeId: null,
      competitorId,
      deviceId: null,
      trip: best !== null,
      figures: best?.figures ?? { threshold: rule.threshold, windowMinutes: rule.windowMinutes },
      observationIds: best?.ids ?? [],
    };
  });
}

/** When a device last synced (push, pull or a health report), in ms; null when never. */
export function lastSyncMs(d: DeviceRecord): number | null {
  const times = [d.lastPushAt, d.lastPullAt, d.health?.at ?? null]
    .map((t) => (t ? Date.parse(t) : Number.NaN))
    .filter(Number.isFinite);
  return times.length === 0 ? null : Math.max(...times);
}

/**
 * device-silent: kiosks (of the rule's store, or any) whose last sync is
 * more than `hours` ago. Revoked kiosks and kiosks that never synced are
 * left out (nothing to miss yet).
 */
export function silentDeviceConditions(
  rule: AlertRuleRecord,
  devices: readonly DeviceRecord[],
  nowMs: number,
): ConditionOutcome[] {
  const out: ConditionOutcome[] = [];
  for (const d of devices) {
    if (d.kind !== "kiosk" || d.revokedAt) continue;
    if (rule.storeId && d.storeId !== rule.storeId) continue;
    const last = lastSyncMs(d);
    if (last === null) continue;
    const silentHours = Math.floor((nowMs - last) / 360_000) / 10;
    out.push({
      key: d.id,
      storeId: d.storeId,
      competitorId: null,
      deviceId: d.id,
      trip: nowMs - last > rule.hours * 3_600_000,
      figures: {
        silentHours,
        hours: rule.hours,
        lastSyncAt: new Date(last).toISOString(),
        device: d.name,
      },
      observationIds: [],
    });
  }
  return out;
}

/** What each kind reads. */
export const KIND_READS: Record<AlertKind, "feedback" | "store" | "web" | "devices"> = {
  "feedback-negative-share": "feedback",
  "happy-index-below": "feedback",
  "behaviour-count-above": "store",
  "competitor-price-change": "web",
  "device-silent": "devices",
};
