// Contract: the same text rules on every adapter. SQLite stores any UTF-16
// string while PostgreSQL refuses NUL in text and lone surrogates in jsonb,
// so a hostile string must be stopped before either sees it: a mutation
// carrying one (in a value, a nested value or a field name) is rejected
// `invalid` and never blocks the queue, an app version carrying one is
// stored the same way on both, and well-formed text — astral characters,
// emoji sequences, Vietnamese — comes back byte for byte.
import { loadSchemaMessages, type Mutation, uuidv7 } from "@sightline/shared";
import { describe, expect, it } from "vitest";
import type { DevicePrincipal } from "../../src/db/port.ts";
import { type DbFactory, hlc, NOW, pullAs, pushAs, seedWorkspace, webCreate } from "./fixture.ts";
import { useDb } from "./use-db.ts";

/** Strings neither adapter may be asked to store. */
export const BAD_TEXT = {
  "a lone high surrogate": "x\uD800y",
  "a lone low surrogate": "\uDFFFx",
  "a pair cut at the end": "giá 😀\uD83D",
  "a low surrogate before its high one": "\uDE00\uD83D",
  NUL: "a\u0000b",
} as const;

/** Well-formed text that must round-trip unchanged (already NFC). */
export const GOOD_TEXT = [
  "Khách hỏi giá rồi bỏ đi: “đắt hơn bên kia” — Tiếng Việt có dấu",
  "𠀀𠀁 (CJK Extension B) and 𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
  "😀 👩‍👩‍👧‍👦 🏳️‍🌈 👍🏽",
  "\uFFFD replacement, \u200B zero width, \u202E bidi",
] as const;

/** `s` with NUL and every unpaired surrogate replaced by U+FFFD. */
function cleaned(s: string): string {
  let out = "";
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const next = s.charCodeAt(i + 1);
    if (c >= 0xd800 && c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      out += s.slice(i, i + 2);
      i++;
    } else out += c === 0 || (c >= 0xd800 && c <= 0xdfff) ? "\uFFFD" : s[i];
  }
  return out;
}
const wellFormed = (s: string) => cleaned(s) === s;

const patch = (seq: number, d: DevicePrincipal, id: string, fields: Record<string, unknown>) =>
  ({ seq, op: "obs.patch", id, hlc: hlc(d.deviceId), fields }) satisfies Mutation;

export function textContract(make: DbFactory) {
  describe("text rules", () => {
    const db = useDb(make);
    // As on the server (classic zod loads them): messages that quote a bad key.
    loadSchemaMessages();

    it("rejects a lone surrogate or NUL in any value as invalid and keeps the queue moving", async () => {
      const f = await seedWorkspace(db());
      const d = (await f.pair("marketer")).principal;
      const target = webCreate(1, d);
      await pushAs(db(), d, [target]);
      const before = await db().getObservation(f.ws.id, target.id);
      let seq = 1;
      const bad: Mutation[] = [];
      for (const s of Object.values(BAD_TEXT)) {
        bad.push(
          webCreate(++seq, d, { what: s }),
          webCreate(++seq, d, { who: `ai đó ${s}` }),
          webCreate(++seq, d, { tags: ["ok", s] }),
          webCreate(++seq, d, { evidence: { quote: s } }),
          webCreate(++seq, d, {
            evidence: { selectors: [{ type: "TextQuoteSelector", exact: s }] },
          }),
          webCreate(++seq, d, { evidence: { facts: { openGraph: { [s]: "og" } } } }),
          webCreate(++seq, d, { evidence: { facts: { headings: { h1: [s] } } } }),
          patch(++seq, d, target.id, { why: s }),
          patch(++seq, d, target.id, { tags: [s] }),
        );
      }
      const good = webCreate(++seq, d, { what: "sau đó vẫn ghi được" });
      const out = await pushAs(db(), d, [...bad, good]);
      expect(out).toMatchObject({ kind: "ok", lastSeq: seq, applied: 1, changed: true });
      if (out.kind !== "ok") return;
      expect(out.rejected.map((r) => [r.seq, r.code])).toEqual(bad.map((m) => [m.seq, "invalid"]));
      for (const r of out.rejected) expect(wellFormed(r.message), r.message).toBe(true);
      expect(await db().getObservation(f.ws.id, target.id)).toEqual(before);
      expect(await db().getObservation(f.ws.id, good.id)).toMatchObject({
        fields: { what: "sau đó vẫn ghi được" },
      });
      expect((await db().dumpEntities(f.ws.id)).map((e) => e.id).sort()).toEqual(
        [target.id, good.id].sort(),
      );
      // The recorded rejections read back the same on a retry.
      const retry = await pushAs(db(), d, bad);
      expect(retry.kind === "ok" && retry.rejected).toEqual(out.rejected);
    });

    it("rejects a lone surrogate or NUL in a field name as invalid and keeps the queue moving", async () => {
      const f = await seedWorkspace(db());
      const d = (await f.pair("marketer")).principal;
      const target = webCreate(1, d);
      await pushAs(db(), d, [target]);
      let seq = 1;
      const bad: Mutation[] = [];
      for (const s of Object.values(BAD_TEXT)) {
        bad.push(
          webCreate(++seq, d, { [s]: "x" }),
          webCreate(++seq, d, { [`what${s}`]: "x" }),
          patch(++seq, d, target.id, { [s]: "x" }),
          { seq: ++seq, op: "obs.delete", id: target.id, hlc: hlc(d.deviceId), fields: { [s]: 1 } },
        );
      }
      const good = patch(++seq, d, target.id, { why: "vẫn sửa được" });
      const out = await pushAs(db(), d, [...bad, good]);
      expect(out).toMatchObject({ kind: "ok", lastSeq: seq, applied: 1 });
      if (out.kind !== "ok") return;
      expect(out.rejected.map((r) => [r.seq, r.code])).toEqual(bad.map((m) => [m.seq, "invalid"]));
      for (const r of out.rejected) expect(wellFormed(r.message), r.message).toBe(true);
      expect(await db().getObservation(f.ws.id, target.id)).toMatchObject({
        fields: { why: "vẫn sửa được" },
      });
      expect(await db().dumpEntities(f.ws.id)).toHaveLength(1);
    });

    it("stores an app version holding a lone surrogate or NUL the same way, applying the push", async () => {
      const f = await seedWorkspace(db());
      const d = (await f.pair("marketer")).principal;
      let seq = 0;
      for (const s of Object.values(BAD_TEXT)) {
        const m = webCreate(++seq, d);
        const out = await db().push({
          workspaceId: f.ws.id,
          device: d,
          appVersion: `1.0 ${s}`,
          mutations: [m],
          now: NOW,
        });
        expect(out).toMatchObject({ kind: "ok", lastSeq: seq, applied: 1, rejected: [] });
        const dev = (await db().listDevices(f.ws.id)).find((x) => x.id === d.deviceId);
        expect(dev?.appVersion).toBe(`1.0 ${cleaned(s)}`);
      }
      expect(await db().dumpEntities(f.ws.id)).toHaveLength(seq);
    });

    it("round-trips astral characters, emoji and Vietnamese byte-identically", async () => {
      const f = await seedWorkspace(db());
      const d = (await f.pair("marketer")).principal;
      for (const s of GOOD_TEXT) expect(s.normalize("NFC")).toBe(s);
      const fields = {
        what: GOOD_TEXT.join(" | "),
        who: GOOD_TEXT[0],
        tags: ["𠀀", "😀-khách", "tiếng-việt", "👩‍👩‍👧‍👦"],
        evidence: {
          quote: GOOD_TEXT[1],
          selectors: [{ type: "TextQuoteSelector", exact: GOOD_TEXT[2], prefix: "𠀀" }],
          facts: { openGraph: { "og:𠀀😀": GOOD_TEXT[3] }, headings: { h1: [...GOOD_TEXT] } },
        },
      };
      const m = webCreate(1, d, fields);
      const id = uuidv7();
      const out = await pushAs(db(), d, [
        m,
        { seq: 2, op: "obs.create", id, hlc: hlc(d.deviceId), fields: { ...m.fields, what: "x" } },
        patch(3, d, id, { what: GOOD_TEXT[2], why: GOOD_TEXT[1] }),
      ]);
      expect(out).toMatchObject({ kind: "ok", rejected: [], applied: 3 });
      // jsonb keeps its own key order, so objects are compared with sorted keys.
      const sorted = (v: unknown): unknown =>
        Array.isArray(v)
          ? v.map(sorted)
          : v && typeof v === "object"
            ? Object.fromEntries(
                Object.entries(v)
                  .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
                  .map(([k, x]) => [k, sorted(x)]),
              )
            : v;
      const bytes = (v: unknown) => Buffer.from(JSON.stringify(sorted(v)) ?? "", "utf8");
      const sent = m.fields as Record<string, unknown>;
      const got = await db().getObservation(f.ws.id, m.id);
      for (const k of Object.keys(fields))
        expect(bytes(got?.fields[k]).equals(bytes(sent[k])), k).toBe(true);
      const patched = await db().getObservation(f.ws.id, id);
      expect(bytes(patched?.fields.what).equals(bytes(GOOD_TEXT[2]))).toBe(true);
      expect(bytes(patched?.fields.why).equals(bytes(GOOD_TEXT[1]))).toBe(true);
      const page = await pullAs(db(), d, null);
      const pulled = page.changes.find((c) => c.op === "put" && c.entity.id === m.id);
      expect(pulled?.op === "put" && pulled.entity.fields).toEqual(got?.fields);
      const dumped = (await db().dumpEntities(f.ws.id)).find((e) => e.id === m.id);
      expect(bytes(dumped?.fields).equals(bytes(got?.fields))).toBe(true);
    });
  });
}
