// The house's one text folding (server search, suggestions and the web
// filter all use it). Vietnamese-aware accent folding: NFC, lower case, diacritics removed and
// đ → d, so "Giá rẻ", "gia re" and "GIÁ RẺ" all read "gia re". Folding is
// one table lookup per UTF-16 unit into a reused buffer (the table is built
// once from NFD), because folding every text is the hot path of suggestions
// over 100k observations; NFC runs only when a combining mark shows up.

/** Per code unit below TABLE_SIZE: folded unit, or SEP / KEEP / MARK / BREAK. */
const TABLE_SIZE = 0x2000;
const SEP = 0;
const KEEP = 1; // a letter or digit of another script: kept, lower-cased
const MARK = 2; // a combining mark: the text is not NFC
const BREAK = 3; // punctuation that ends a phrase: a separator no bigram spans
const TABLE = new Uint16Array(TABLE_SIZE);

function classify(code: number): number {
  const ch = String.fromCharCode(code);
  if (code >= 0x0300 && code <= 0x036f) return MARK;
  if (/[\p{L}\p{N}]/u.test(ch)) return KEEP;
  return /[\s\-_'’]/u.test(ch) ? SEP : BREAK;
}

function buildTable(): void {
  for (let c = 0; c < TABLE_SIZE; c++) {
    if ((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39)) TABLE[c] = c;
    else if (c >= 0x41 && c <= 0x5a) TABLE[c] = c + 32;
    else if (c < 0x80) TABLE[c] = classify(c);
    else {
      const base = String.fromCharCode(c).normalize("NFD").charAt(0).toLowerCase();
      TABLE[c] = base >= "a" && base <= "z" ? base.charCodeAt(0) : classify(c);
    }
  }
  TABLE[0x0110] = 0x64; // Đ has no decomposition
  TABLE[0x0111] = 0x64; // đ
}
buildTable();

function lookup(code: number): number {
  return code < TABLE_SIZE ? (TABLE[code] as number) : classify(code);
}

/**
 * One UTF-16 unit folded, as a code: the folded unit, or FOLD_SEP (space,
 * hyphen, apostrophe), FOLD_BREAK (other punctuation: ends a phrase), or
 * FOLD_MARK (a combining mark: normalise to NFC first; a mark NFC leaves
 * standing, as in "x\u0301" or "⫝̸", is folded away like any accent). For
 * scanners that fold and split in one pass (tf-idf.ts, tokenise.ts).
 */
export function foldUnit(code: number): number {
  const v = lookup(code);
  return v === KEEP ? String.fromCharCode(code).toLowerCase().charCodeAt(0) : v;
}
export const FOLD_SEP = SEP;
export const FOLD_MARK = MARK;
export const FOLD_BREAK = BREAK;

/** One UTF-16 unit folded: lower-case ASCII letter/digit, or "" when it is not a letter or digit. */
export function foldChar(code: number): string {
  const v = lookup(code);
  if (v === SEP || v === MARK || v === BREAK) return "";
  if (v === KEEP) return String.fromCharCode(code).toLowerCase();
  return String.fromCharCode(v);
}

let buffer = new Uint16Array(1024);

function unitsToString(len: number): string {
  let out = "";
  for (let i = 0; i < len; i += 4096) {
    out += String.fromCharCode.apply(null, buffer.subarray(i, Math.min(len, i + 4096)) as never);
  }
  return out;
}

/**
 * Fold a whole text for matching: NFC, lower case, accents removed, đ → d;
 * every run of non-letters/digits becomes one space; trimmed.
 */
export function foldText(s: string): string {
  return fold(s, false);
}

function fold(s: string, nfc: boolean): string {
  if (buffer.length < s.length + 1) buffer = new Uint16Array(s.length * 2);
  let len = 0;
  let gap = false;
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    let v = code < TABLE_SIZE ? (TABLE[code] as number) : classify(code);
    if (v === MARK) {
      // Once NFC has composed what it can, a mark left standing has no base
      // letter to fold into: drop it (normalising again would never end).
      if (nfc) continue;
      return fold(s.normalize("NFC"), true);
    }
    if (v === SEP || v === BREAK) {
      gap = len > 0;
      continue;
    }
    if (v === KEEP) v = String.fromCharCode(code).toLowerCase().charCodeAt(0);
    if (gap) buffer[len++] = 0x20;
    gap = false;
    buffer[len++] = v;
  }
  return unitsToString(len);
}

/** True when `needle` occurs in `haystack`, ignoring case, accents and punctuation. */
export function foldedIncludes(haystack: string, needle: string): boolean {
  const n = foldText(needle);
  return n.length === 0 || foldText(haystack).includes(n);
}
