// Reading prices as people write them: "1.290.000₫", "₫1.290.000",
// "450 000 ₫", "1 139,00 €", "$1,299.99", "1,29 triệu", "1tr2", "500k". Two
// rules keep the reader honest:
//  - a number is read whole or not at all: "1 139,00 €" is 1139, never 139,
//    and a run that is no consistent grouping ("12 34 €", "1.234.56 €") is
//    abstained on rather than cut;
//  - a price has a role, read from the words around it: current, was (list /
//    struck), sale, instalment (per month), gift value, discount. Thresholds
//    ("orders $49+", "đơn từ 300k", "orders from $49") are conditions, not
//    prices of the item, and are dropped; a "from" price on its own ("Giá từ
//    9.490.000₫", "from $499") is the item's price (role current). Counts
//    written like prices ("Đã bán 10,2k", "(1,2k đánh giá)") are no prices.

/** What a price is to the shopper. */
export type PriceRole = "current" | "was" | "sale" | "instalment" | "gift" | "discount";

/** A price read from text, before we know where on the page it came from. */
export interface ParsedPrice {
  amount: number;
  /** ISO 4217 code. */
  currency: string;
  /** The matched text, e.g. "1.290.000₫". */
  raw: string;
  role: PriceRole;
  /** Where the match starts and ends in the scanned text. */
  index: number;
  end: number;
  /** True when words around the price gave its role (not just the default). */
  cued: boolean;
  /** Up to three words right before the price ("giá gốc"), lowercased. */
  label: string;
  /**
   * The line's wording around the price, lowercased, numbers left out: the
   * label, "…" for the price, then up to five words after it on its line
   * ("giảm thêm … khi thanh toán qua vnpay"). Lines that start alike are told
   * apart by how they end (see `fingerprintOf`).
   */
  fingerprint: string;
}

export interface ScanOptions {
  /** Prices returned at most (default 20). */
  limit?: number;
  /** The page language: a bare "500k" is read as VND unless the page is in another language. */
  lang?: string | undefined;
}

/** Currencies without a minor unit in everyday prices. */
const ZERO_DECIMAL = new Set(["VND", "JPY", "KRW"]);

/** True for currencies written without decimals (VND, JPY, KRW). */
export const isZeroDecimal = (currency: string) => ZERO_DECIMAL.has(currency);

/** Currency symbols and words; matched longest first so "US$" beats "$" and "đồng" beats "đ". */
const TOKENS: Record<string, string> = {
  đồng: "VND",
  vnđ: "VND",
  vnd: "VND",
  "₫": "VND",
  đ: "VND",
  us$: "USD",
  usd: "USD",
  $: "USD",
  eur: "EUR",
  "€": "EUR",
  gbp: "GBP",
  "£": "GBP",
  jpy: "JPY",
  円: "JPY",
  "¥": "JPY",
  "￥": "JPY",
  krw: "KRW",
  "₩": "KRW",
  sgd: "SGD",
  s$: "SGD",
  thb: "THB",
  "฿": "THB",
  บาท: "THB",
};

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const CURRENCY = Object.keys(TOKENS)
  .sort((a, b) => b.length - a.length)
  .map(escapeRegExp)
  .join("|");
/** Between a number and its currency: spaces, and U+200B where text-prices marks an element boundary. */
const GAP = "[ \\u00a0\\u202f\\u2009\\u200b]{0,3}";
/** Digits in groups separated by one dot, comma or space each; validated in `readNumber`. */
const NUM = "\\d+(?:[.,\\u00a0\\u202f\\u2009 ]\\d+)*";
const WORD_UNIT = "triệu|nghìn|ngàn|nghin|ngan|tỷ|tỉ";
const UNIT = `(?:[ \\u00a0]?(?<w>${WORD_UNIT})(?:[ \\u00a0](?<n3>\\d{1,3})[ \\u00a0]?(?:nghìn|ngàn|k))?|(?<s>tr|k)(?<tail>\\d{1,3})?)`;
const PRICE = new RegExp(
  `(?<![\\p{L}\\p{N}.,])(?:(?<c1>${CURRENCY})${GAP})?(?<n>${NUM})(?:${UNIT})?(?:${GAP}(?<c2>${CURRENCY}))?(?![\\p{L}\\p{N}])`,
  "giu",
);
const UNIT_VALUE: Record<string, number> = {
  k: 1e3,
  nghìn: 1e3,
  ngàn: 1e3,
  nghin: 1e3,
  ngan: 1e3,
  tr: 1e6,
  triệu: 1e6,
  tỷ: 1e9,
  tỉ: 1e9,
};

/**
 * The ISO 4217 code for a currency symbol, word or code ("₫", "VNĐ", "usd"),
 * or null when unknown. Any three-letter code is accepted as-is (uppercased).
 */
export function currencyCode(token: string): string | null {
  const t = token.trim().toLowerCase();
  return TOKENS[t] ?? (/^[a-z]{3}$/.test(t) ? t.toUpperCase() : null);
}

/**
 * A run of digit groups read whole, or null when it is not one number:
 * grouping must be consistent (first group 1–3 digits, then exactly 3, one
 * kind of separator), a decimal part differs from the grouping separator and
 * has 1–2 digits, spaces only group. With a unit ("1,29 triệu", "1.500k"),
 * one separator with 1–2 digits after it is a decimal point.
 */
function readNumber(run: string, currency: string, unit: string | undefined): number | null {
  const groups = run.split(/[.,\s\u00a0\u202f\u2009]/);
  const seps = run.replace(/\d+/g, "").split("");
  const norm = (c: string) => (c === "." || c === "," ? c : " ");
  if (seps.length === 0) return groups[0] && groups[0].length <= 15 ? Number(groups[0]) : null;
  const last = norm(seps[seps.length - 1] as string);
  const lastDigits = (groups[groups.length - 1] as string).length;
  let decimals = "";
  let intGroups = groups;
  let groupSeps = seps.map(norm);
  const differs = groupSeps.slice(0, -1).some((s) => s !== last);
  if (unit) {
    if (seps.length !== 1 || last === " ") return null;
    if (lastDigits <= 2) {
      decimals = groups[1] as string;
      intGroups = [groups[0] as string];
      groupSeps = [];
    } else if (!(lastDigits === 3 && unit === "k")) return null; // "1.290 triệu": abstain
  } else if (last !== " " && (seps.length === 1 ? lastDigits !== 3 : differs)) {
    if (lastDigits > 2) return null;
    decimals = groups[groups.length - 1] as string;
    intGroups = groups.slice(0, -1);
    groupSeps = groupSeps.slice(0, -1);
  }
  if (groupSeps.some((s) => s !== groupSeps[0])) return null;
  if (intGroups.length > 1) {
    if ((intGroups[0] as string).length > 3) return null;
    if (intGroups.slice(1).some((g) => g.length !== 3)) return null;
  }
  const digits = intGroups.join("");
  if (digits.length > 15) return null;
  if (isZeroDecimal(currency) && /[1-9]/.test(decimals) && !unit) return null;
  return Number(`${digits}.${decimals || "0"}`);
}

// Role cues, matched on the lowercased text right before / after a price.
const END = "\\s*[:：]?\\s*$";
const cue = (words: string, anchored = true) =>
  new RegExp(anchored ? `(?:^|[^\\p{L}])(?:${words})${END}` : `(?:^|[^\\p{L}])(?:${words})`, "u");
const AFTER_INSTALMENT =
  /^\s*(?:\/\s*(?:tháng|th|mo|month|mth)(?![\p{L}])|mỗi tháng|một tháng|per month|a month|monthly)/u;
/** An instalment word before the price, with no "giá" / "price" label in between. */
const BEFORE_INSTALMENT =
  /(?:^|[^\p{L}])(?:trả góp|góp|installments?|instalments?|payments? of|per month|mỗi tháng|hàng tháng|monthly)(?![\p{L}])(?:(?!giá|price)[^\n])*$/u;
const AFTER_CONDITION = /^\s*(?:\+|trở lên|or more|and up|and above)/u;
const BEFORE_CONDITION_ORDER =
  /(?:^|[^\p{L}])(?:đơn|đơn hàng|hóa đơn|hoá đơn|orders?|spend|purchases?|subtotal|giỏ hàng|cart)(?![\p{L}])[^\d\n]{0,24}$/u;
const BEFORE_CONDITION = cue("over|above|at least|tối thiểu|minimum|min\\.?|trên");
/** "From" words: a threshold after shipping words ("freeship từ 149k"), else a from price. */
const BEFORE_FROM = cue("từ|from|starting at|starts at|starting from|bắt đầu từ");
const BEFORE_SHIPPING =
  /(?:^|[^\p{L}])(?:freeship|free ?ship(?:ping)?|free delivery|miễn phí (?:vận chuyển|giao hàng|ship)|giao hàng miễn phí)(?![\p{L}])[^\d\n]{0,24}$/u;
/** Counts written like prices, told by the words around them when no currency is written. */
const BEFORE_COUNT = cue(
  "đã bán|bán được|lượt bán|lượt mua|lượt xem|lượt thích|lượt|đánh giá|nhận xét|reviews?|ratings?|sold",
);
const AFTER_COUNT =
  /^\s*(?:lượt|đánh giá|nhận xét|bình luận|người (?:đã )?mua|đã bán|sản phẩm|sold|reviews?|ratings?|likes?|views?|followers?|purchases?|orders?)(?![\p{L}])/u;
const AFTER_DISCOUNT = /^\s*off(?![\p{L}])/u;
const LABELS: [RegExp, PriceRole][] = [
  [
    cue(
      "giá gốc|giá cũ|giá niêm yết|giá thị trường|giá hãng|giá công bố|was|list price|rrp|msrp|original price|original|regular price|regular|compare at|before|instead of|thay vì",
    ),
    "was",
  ],
  [
    cue(
      "giá (?:khuyến mãi|km|ưu đãi|sale|sốc|đặc biệt|online|giảm|flash sale|giảm còn)|khuyến mãi|flash sale|sale price|sale|deal|giá sốc|chỉ còn|còn|giảm còn|now|now only|only|special price|offer price|special",
    ),
    "sale",
  ],
  [
    cue(
      "giảm|giảm thêm|giảm ngay|giảm đến|giảm tới|tiết kiệm|bớt|trợ giá|trợ giá đến|trợ giá lên đến|save|saving|you save|save up to|discount",
    ),
    "discount",
  ],
  [cue("trị giá|worth|valued at|gift value|quà tặng|tặng"), "gift"],
  // Last: "trị giá" and "trợ giá" also end in "giá".
  [cue("giá|giá bán|giá (?:bán )?chỉ|giá hiện tại|price|our price|your price"), "current"],
];
const LOOSE: [RegExp, PriceRole][] = [
  [cue("giảm|tiết kiệm|trợ giá|save", false), "discount"],
  [cue("quà tặng|tặng|gift", false), "gift"],
];

/** The text a role cue may come from: the current line, or the one before when this one has no words. */
function cueText(before: string): string {
  const lines = before
    .toLowerCase()
    .replace(/\u200b/g, " ")
    .split("\n");
  const line = lines[lines.length - 1] as string;
  if (/\p{L}/u.test(line) || lines.length < 2) return line;
  return `${lines[lines.length - 2] as string}${line}`;
}

/**
 * The role the words around a price give it, "condition" when it is a
 * threshold, "count" when it is a number of sales or reviews (only asked when
 * no currency is written: "đã bán 1.290.000₫" is a price), else null.
 */
function roleFromWords(
  before: string,
  after: string,
  currencyWritten: boolean,
): PriceRole | "condition" | "count" | null {
  const b = cueText(before);
  const a = after
    .toLowerCase()
    .replace(/\u200b/g, " ")
    .split("\n")[0] as string;
  if (!currencyWritten && (BEFORE_COUNT.test(b) || AFTER_COUNT.test(a))) return "count";
  if (AFTER_INSTALMENT.test(a) || BEFORE_INSTALMENT.test(b)) return "instalment";
  if (AFTER_CONDITION.test(a) || BEFORE_CONDITION_ORDER.test(b) || BEFORE_CONDITION.test(b))
    return "condition";
  if (BEFORE_FROM.test(b) && BEFORE_SHIPPING.test(b)) return "condition";
  if (AFTER_DISCOUNT.test(a)) return "discount";
  for (const [re, role] of LABELS) if (re.test(b)) return role;
  for (const [re, role] of LOOSE) if (re.test(b)) return role;
  return null;
}

/** Up to three words right before a price, lowercased, numbers left out. */
export function labelOf(before: string): string {
  const words = cueText(before).match(/[\p{L}\p{N}]*\p{L}[\p{L}\p{N}]*/gu) ?? [];
  return words.slice(-3).join(" ");
}

/** Up to five words right after a price, on its line, lowercased, numbers left out. */
export function wordsAfter(after: string): string {
  const line = after
    .toLowerCase()
    .replace(/\u200b/g, " ")
    .split("\n")[0] as string;
  const words = line.match(/[\p{L}\p{N}]*\p{L}[\p{L}\p{N}]*/gu) ?? [];
  return words.slice(0, 5).join(" ");
}

/** Where the price sits among a fingerprint's words. */
export const PRICE_MARK = "…";
/** Fingerprints are stored in at most this many characters (the wire cap). */
const MAX_FINGERPRINT = 200;

/**
 * A price's fingerprint from the words before and after it: "before … after".
 * Fingerprints stored before this one have no "…" (the words before only);
 * price-pairing.ts compares those by their words before. Words after are
 * dropped from the end until it fits the wire cap.
 */
export function fingerprintOf(label: string, after: string): string {
  let words = after.split(" ").filter(Boolean);
  const make = () => [label, PRICE_MARK, ...words].filter(Boolean).join(" ");
  while (words.length > 0 && make().length > MAX_FINGERPRINT) words = words.slice(0, -1);
  return make().slice(0, MAX_FINGERPRINT);
}

const CONTEXT = 60;

/**
 * Every price written in `text`, in order, at most `limit`, each with its role.
 * Conditions (thresholds) and numbers that cannot be read whole are left out.
 */
export function scanPriceText(text: string, options: ScanOptions = {}): ParsedPrice[] {
  const limit = options.limit ?? 20;
  const bareK = !options.lang || /^vi\b/i.test(options.lang);
  const found: ParsedPrice[] = [];
  let prevEnd = 0;
  const matches = text.matchAll(PRICE);
  let next = matches.next();
  while (!next.done) {
    const m = next.value;
    next = matches.next();
    // The words after a price stop where the next one starts (its digits are no words of this one's).
    const nextStart = next.done ? text.length : next.value.index;
    const g = m.groups ?? {};
    const token = g.c1 ?? g.c2;
    const unit = g.w ?? g.s;
    let currency = token ? currencyCode(token) : null;
    if (!currency && unit && (unit !== "k" || bareK)) currency = "VND";
    if (!currency || (!token && !unit)) continue;
    const unitName = unit?.toLowerCase();
    let run = g.n as string;
    let start = m.index;
    let amount = readNumber(run, currency, unitName);
    if (amount === null && !unit) {
      // "Size 42 1.290.000đ": the run is no number, but the group next to the
      // currency is one on its own, grouped with dots or commas.
      const parts = run.split(/[\s\u00a0\u202f\u2009]/);
      const part = (g.c1 ? parts[0] : parts[parts.length - 1]) as string;
      if (/[.,]/.test(part)) {
        amount = readNumber(part, currency, undefined);
        if (!g.c1) start += run.length - part.length;
        run = part;
      }
    }
    if (amount === null) continue;
    if (unitName) {
      amount *= UNIT_VALUE[unitName] ?? 1;
      if (g.tail) amount += (Number(g.tail) / 10 ** g.tail.length) * 1e6;
      if (g.n3) amount += Number(g.n3) * 1e3;
    }
    amount = isZeroDecimal(currency) ? Math.round(amount) : Math.round(amount * 100) / 100;
    if (currency === "VND" && amount < 1000) continue; // no item costs less than 1.000₫
    const end = m.index + m[0].length;
    const before = text.slice(Math.max(prevEnd, start - CONTEXT), start);
    const after = text.slice(end, end + 24);
    const role = roleFromWords(before, after, token !== undefined);
    prevEnd = end;
    if (role === "condition" || role === "count") continue;
    found.push({
      amount,
      currency,
      raw: text
        .slice(start, end)
        .replace(/\u200b/g, "")
        .trim(),
      role: role ?? "current",
      index: start,
      end,
      cued: role !== null,
      label: labelOf(before),
      fingerprint: fingerprintOf(
        labelOf(before),
        wordsAfter(text.slice(end, Math.min(nextStart, end + CONTEXT))),
      ),
    });
    if (found.length >= limit) break;
  }
  return found;
}

/**
 * The number in `digits` (no currency), read with `currency`'s conventions:
 * "1.290.000" VND → 1290000, "1.299,99" EUR → 1299.99, "1 139,00" EUR → 1139,
 * "1,299" USD → 1299. Null when it is not one plain number.
 */
export function parseAmount(digits: string, currency: string): number | null {
  const s = digits.trim();
  if (!/^\d+(?:[.,\s\u00a0\u202f\u2009]\d+)*$/.test(s)) return null;
  const n = readNumber(s, currency, undefined);
  return n === null ? null : isZeroDecimal(currency) ? Math.round(n) : n;
}

/** The first price written in `s`, or null. */
export function parsePriceText(s: string, lang?: string): ParsedPrice | null {
  return scanPriceText(s, { limit: 1, lang }).at(0) ?? null;
}
