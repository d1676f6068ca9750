// The kiosk's reading of GET /v1/devices/me/alerts: only what the staff strip
// shows (id, kind and the server's one-line text in both languages, made from
// the same catalogue the web app uses), checked by hand rather than with the
// full alert schema, which would cost the kiosk's bundle budget for fields it
// never reads.
// Anything malformed reads as "no answer" (null), never as a partial list.
import type { AlertKind } from "@sightline/shared/schema/alert";

export type KioskAlert = {
  id: string;
  kind: AlertKind;
  text: { vi: string; en: string };
};

const KINDS: readonly string[] = [
  "feedback-negative-share",
  "happy-index-below",
  "behaviour-count-above",
  "competitor-price-change",
  "device-silent",
] satisfies readonly AlertKind[];

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

export function parseKioskAlerts(body: unknown): KioskAlert[] | null {
  if (!isRecord(body) || !Array.isArray(body.items) || body.items.length > 100) return null;
  const out: KioskAlert[] = [];
  for (const a of body.items) {
    if (!isRecord(a) || typeof a.id !== "string" || !KINDS.includes(a.kind as string)) return null;
    const text = a.text;
    if (!isRecord(text) || typeof text.vi !== "string" || typeof text.en !== "string") return null;
    out.push({ id: a.id, kind: a.kind as AlertKind, text: { vi: text.vi, en: text.en } });
  }
  return out;
}
