// Vietnamese-aware accent folding: NFC, lower case, diacritics removed and
// đ → d, so "Giá rẻ", "gia re" and "GIÁ RẺ" all read "gia re". Folding is a
// table lookup per UTF-16 unit (built once from NFD), because normalising
// and regex-stripping every text is the hot path of suggestions over 100k
// observations.

const FOLD = new Map<number, string>();

function buildTable(): void {
  const ranges: Array<[number, number]> = [
    [0x00c0, 0x024f], // Latin-1 Supplement, Latin Extended-A/B
    [0x1e00, 0x1eff], // Latin Extended Additional (most Vietnamese letters)
  ];
  for (const [from, to] of ranges) {
    for (let cp = from; cp <= to; cp++) {
      const base = String.fromCharCode(cp).normalize("NFD").charAt(0).toLowerCase();
      if (base >= "a" && base <= "z") FOLD.set(cp, base);
    }
  }
  FOLD.set(0x0110, "d"); // Đ has no decomposition
  FOLD.set(0x0111, "d"); // đ
}
buildTable();

/** One UTF-16 unit folded: lower-case ASCII letter/digit, or "" when it is not a letter or digit. */
export function foldChar(code: number): string {
  if (code >= 0x61 && code <= 0x7a) return String.fromCharCode(code);
  if (code >= 0x30 && code <= 0x39) return String.fromCharCode(code);
  if (code >= 0x41 && code <= 0x5a) return String.fromCharCode(code + 32);
  if (code < 0x80) return "";
  const folded = FOLD.get(code);
  if (folded !== undefined) return folded;
  const ch = String.fromCharCode(code);
  return /[\p{L}\p{N}]/u.test(ch) ? ch.toLowerCase() : "";
}

/**
 * Fold a whole text for matching: NFC, lower case, accents removed, đ → d;
 * every run of non-letters/digits becomes one space; trimmed.
 */
export function foldText(s: string): string {
  const t = s.normalize("NFC");
  let out = "";
  let gap = false;
  for (let i = 0; i < t.length; i++) {
    const f = foldChar(t.charCodeAt(i));
    if (f === "") {
      gap = out.length > 0;
      continue;
    }
    if (gap) out += " ";
    gap = false;
    out += f;
  }
  return out;
}

/** True when `needle` occurs in `haystack`, ignoring case, accents and punctuation. */
export function foldedIncludes(haystack: string, needle: string): boolean {
  const n = foldText(needle);
  return n.length === 0 || ` ${foldText(haystack)} `.includes(n);
}
