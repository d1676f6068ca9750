// fast-check arbitraries of hostile input for the security suite: markup and
// script in text, unicode edge cases (combining marks, bidi controls, NUL,
// lone surrogates, zero-width joiners), wrong types, huge strings and arrays,
// prototype-pollution keys, and the "plans" that turn a valid sample request
// into a hostile one (replace a value, drop or add a key, deep nesting, raw
// text, a wrong content type, a hostile path parameter or query value).
import fc from "fast-check";

/** Payloads that must stay text wherever they are shown (the browser tests reuse them). */
export const MARKUP_PAYLOADS = [
  '<img src=x onerror="window.__pwned=1">',
  "<script>window.__pwned=2</script>",
  "javascript:window.__pwned=3",
  '"><svg onload="window.__pwned=4">',
  '<iframe srcdoc="<script>parent.__pwned=5</script>"></iframe>',
  '<a href="javascript:window.__pwned=6">click</a>',
  "{{constructor.constructor('window.__pwned=7')()}}",
  "'; DROP TABLE observations; --",
] as const;

export const UNICODE_EDGES = [
  `e${"\u0301".repeat(300)}`, // a tower of combining acute accents
  "Z̴̡̛͔̙̳̺͇̼̯̈́̀̓̑͛͝a̸̧̛̗̹̝͈͓̋͋l̵̢̨̛̺̞̣̍̋͊g̶̨̛̗̫͙̈́o̴̢̟̊",
  "\u202Egnp.exe\u202C", // right-to-left override
  "\u200F\u200E\u061C\u2066\u2069", // bidi marks and isolates
  "\uFEFFBOM",
  "zero\u200Bwidth\u200Djoin",
  "nul\u0000in the middle",
  "\u0000",
  "lone high \uD800",
  "lone low \uDFFF",
  "cut pair \uD83D",
  "👩‍👩‍👧‍👦🏳️‍🌈",
  "Tiếng Việt có dấu: Khách hỏi giá rồi bỏ đi",
  "line\u2028sep\u2029para\u0085nel",
  "\r\n\r\nHTTP/1.1 200 OK\r\n",
  "../../../etc/passwd",
  "%00%2e%2e%2f",
  "\\u0000\\ud800",
] as const;

/**
 * Strings SQLite stores and PostgreSQL refuses (NUL in text, a lone surrogate
 * in jsonb; UTF-8 cannot carry one at all): every string input must refuse
 * them the same way on both databases.
 */
export const TEXT_RULE_BREAKERS = [
  "\u0000",
  "a\u0000b",
  "\uD800",
  "\uDFFF",
  "x\uDBFFy",
  "\uDC00\uD800", // a pair the wrong way round
  "cut pair \uD83D",
  "\uD83D\u0000\uDE00", // NUL between the halves of a pair
  "Tiếng Việt \uDE00 và \u0000",
] as const;

const loneSurrogate = fc
  .integer({ min: 0xd800, max: 0xdfff })
  .map((c) => `x${String.fromCharCode(c)}y`);

/** A string with NUL or a lone surrogate somewhere (start, middle or end). */
export const textRuleBreaker: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...TEXT_RULE_BREAKERS),
  loneSurrogate,
  fc
    .tuple(
      fc.string({ maxLength: 12 }),
      fc.constantFrom("\u0000", "\uD800", "\uDBFF", "\uDC00", "\uDFFF"),
      fc.string({ maxLength: 12 }),
    )
    .map(([a, bad, b]) => `${a}${bad}${b}`),
);

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...MARKUP_PAYLOADS, ...UNICODE_EDGES),
  { weight: 2, arbitrary: textRuleBreaker },
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.integer({ min: 0, max: 70_000 }).map((n) => "ư".repeat(n)),
  fc
    .tuple(fc.constantFrom(...MARKUP_PAYLOADS), fc.constantFrom(...UNICODE_EDGES))
    .map(([a, b]) => `${b}${a}${b}`),
);

/** Keys that try to reach object prototypes. */
const pollutingObject = fc.constantFrom(
  JSON.parse('{"__proto__": {"polluted": true}}'),
  JSON.parse('{"constructor": {"prototype": {"polluted": true}}}'),
  JSON.parse('{"__proto__": null, "toString": 1, "valueOf": "x", "hasOwnProperty": []}'),
);

export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: hostileString },
  fc.constantFrom(0, -1, -0, 0.5, 1e308, -1e308, 2 ** 53 + 1, Number.MAX_SAFE_INTEGER, 4.2e-320),
  fc.integer(),
  fc.double({ noNaN: true }),
  fc.boolean(),
  fc.constant(null),
  fc.jsonValue({ maxDepth: 3 }),
  fc.array(fc.integer(), { minLength: 0, maxLength: 3000 }),
  fc.array(hostileString, { maxLength: 30 }),
  pollutingObject,
);

/** How a valid sample request is turned into a hostile one. */
export type Plan =
  | { kind: "body"; value: unknown }
  | { kind: "replace"; pick: number; value: unknown }
  | { kind: "drop"; pick: number }
  | { kind: "extra"; pick: number; key: string; value: unknown }
  | { kind: "rename"; pick: number; bad: string }
  | { kind: "raw"; text: string }
  | { kind: "deep"; pick: number; depth: number; shape: "array" | "object" }
  | { kind: "content-type"; type: string }
  | { kind: "param"; pick: number; value: string }
  | { kind: "query"; key: string; value: string };

const pick = fc.nat({ max: 10_000 });

export const planArbitrary: fc.Arbitrary<Plan> = fc.oneof(
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("body"), value: fc.jsonValue() }) },
  {
    weight: 6,
    arbitrary: fc.record({ kind: fc.constant("replace"), pick, value: hostileValue }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("drop"), pick }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant("extra"),
      pick,
      key: fc.oneof(
        fc.constantFrom("__proto__", "constructor", "prototype"),
        textRuleBreaker,
        hostileString,
      ),
      value: hostileValue,
    }),
  },
  {
    // A known key with NUL or a lone surrogate added ("na\u0000me").
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant("rename"), pick, bad: textRuleBreaker }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("raw"),
      text: fc.oneof(
        fc.string(),
        fc.constantFrom(
          "",
          "{",
          "[",
          "null",
          "1e999",
          '{"a":1,"a":2}',
          "\uFEFF{}",
          "{}garbage",
          // Escapes a JSON parser turns into NUL and lone surrogates, in values and keys.
          '{"name":"\\u0000"}',
          '{"name":"\\ud800"}',
          '{"\\udfff":"x","\\u0000":"y"}',
          '["\\udc00\\ud800"]',
        ),
      ),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("deep"),
      pick,
      depth: fc.oneof(fc.integer({ min: 2, max: 200 }), fc.integer({ min: 1000, max: 90_000 })),
      shape: fc.constantFrom("array", "object"),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("content-type"),
      type: fc.constantFrom(
        "text/plain",
        "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=x",
        "application/json; charset=utf-16",
        "image/png",
        "",
      ),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("param"), pick, value: hostileString }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("query"),
      key: fc.oneof(fc.constantFrom("source", "format", "storeId", "limit"), hostileString),
      value: hostileString,
    }),
  },
);

type Json = unknown;
type Path = (string | number)[];

/** Every value position of a JSON value (the root included), depth first. */
export function pathsOf(v: Json, at: Path = []): Path[] {
  const out: Path[] = [at];
  if (Array.isArray(v)) for (const [i, x] of v.entries()) out.push(...pathsOf(x, [...at, i]));
  else if (v && typeof v === "object")
    for (const [k, x] of Object.entries(v)) out.push(...pathsOf(x, [...at, k]));
  return out;
}

const DEEP = "__sightline_deep__";

/** A copy of `v` with the value at `path` replaced (or removed when `value` is undefined). */
export function setAt(v: Json, path: Path, value: unknown, remove = false): Json {
  if (path.length === 0) return value;
  const [head, ...rest] = path as [string | number, ...Path];
  if (Array.isArray(v)) {
    const copy = [...v];
    if (rest.length === 0 && remove) copy.splice(head as number, 1);
    else copy[head as number] = setAt(copy[head as number], rest, value, remove);
    return copy;
  }
  const copy: Record<string, unknown> = { ...(v as Record<string, unknown>) };
  if (rest.length === 0 && remove) delete copy[head];
  else copy[head] = setAt(copy[head], rest, value, remove);
  return copy;
}

export type HostileRequest = {
  path: string;
  body?: string | Uint8Array<ArrayBuffer>;
  contentType?: string;
};

/** Apply a plan to a valid request (JSON body or none). */
export function applyPlan(
  base: { path: string; json?: unknown },
  plan: Plan,
  /** Indexes of the path segments that are parameters ("/v1/stores/{id}" → [3]). */
  paramSlots: readonly number[],
): HostileRequest {
  const json = base.json;
  const paths = json === undefined ? [[]] : pathsOf(json);
  const at = (n: number) => paths[n % paths.length] as Path;
  const text = (v: unknown) => JSON.stringify(v) ?? "null";
  const withJson = (v: unknown): HostileRequest => ({
    path: base.path,
    body: text(v),
    contentType: "application/json",
  });
  switch (plan.kind) {
    case "body":
      return withJson(plan.value);
    case "replace":
      return withJson(setAt(json ?? {}, at(plan.pick), plan.value));
    case "drop": {
      const p = at(plan.pick);
      return withJson(p.length ? setAt(json, p, undefined, true) : undefined);
    }
    case "extra": {
      const p = at(plan.pick);
      const target = p.reduce<unknown>(
        (o, k) => (o as Record<string | number, unknown>)[k],
        json ?? {},
      );
      if (!target || typeof target !== "object" || Array.isArray(target))
        return withJson(setAt(json ?? {}, p, plan.value));
      // Built as text so a "__proto__" key is an own key on the wire.
      const inner = text(target).slice(1, -1);
      const added = `{${text(plan.key)}:${text(plan.value)}${inner ? `,${inner}` : ""}}`;
      const marked = text(setAt(json ?? {}, p, DEEP));
      return {
        path: base.path,
        body: marked.replace(`"${DEEP}"`, () => added),
        contentType: "application/json",
      };
    }
    case "rename": {
      const p = at(plan.pick);
      const key = p.at(-1);
      if (typeof key !== "string") return withJson(setAt(json ?? {}, p, plan.bad));
      const parentPath = p.slice(0, -1);
      const parent = parentPath.reduce<unknown>(
        (o, k) => (o as Record<string | number, unknown>)[k],
        json,
      ) as Record<string, unknown>;
      const renamed = Object.entries(parent)
        .map(([k, v]) => `${text(k === key ? `${k}${plan.bad}` : k)}:${text(v)}`)
        .join(",");
      const marked = text(setAt(json ?? {}, parentPath, DEEP));
      return {
        path: base.path,
        body: marked.replace(`"${DEEP}"`, () => `{${renamed}}`),
        contentType: "application/json",
      };
    }
    case "raw":
      return { path: base.path, body: plan.text, contentType: "application/json" };
    case "deep": {
      const nested =
        plan.shape === "array"
          ? `${"[".repeat(plan.depth)}1${"]".repeat(plan.depth)}`
          : `${'{"a":'.repeat(plan.depth)}1${"}".repeat(plan.depth)}`;
      const marked = text(setAt(json ?? {}, at(plan.pick), DEEP));
      return {
        path: base.path,
        body: marked.replace(`"${DEEP}"`, nested),
        contentType: "application/json",
      };
    }
    case "content-type":
      return { path: base.path, body: text(json ?? {}), contentType: plan.type };
    case "param": {
      const [pathOnly = "", query] = base.path.split("?");
      const parts = pathOnly.split("/");
      const slot = paramSlots.length
        ? (paramSlots[plan.pick % paramSlots.length] as number)
        : parts.length - 1;
      parts[slot] = percentEncode(plan.value);
      const path = parts.join("/") + (query ? `?${query}` : "");
      return json === undefined
        ? { path }
        : { path, body: text(json), contentType: "application/json" };
    }
    case "query": {
      const sep = base.path.includes("?") ? "&" : "?";
      const path = `${base.path}${sep}${percentEncode(plan.key)}=${percentEncode(plan.value)}`;
      return json === undefined
        ? { path }
        : { path, body: text(json), contentType: "application/json" };
    }
  }
}

/**
 * encodeURIComponent that also carries lone surrogates, as their (invalid)
 * three UTF-8-style bytes — what a hostile client can put in a URL.
 */
export function percentEncode(s: string): string {
  let out = "";
  for (const ch of s) {
    const c = ch.codePointAt(0) as number;
    if (c >= 0xd800 && c <= 0xdfff)
      out += [0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f)]
        .map((b) => `%${b.toString(16).toUpperCase()}`)
        .join("");
    else out += encodeURIComponent(ch);
  }
  return out;
}
