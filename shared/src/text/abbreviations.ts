// Chat abbreviations customers and staff type, expanded before words are
// found, so "sp ko dc" counts as "sản phẩm không được" and groups with the
// texts that spell it out. Only whole tokens are expanded ("50k" stays a
// price, "kh" alone becomes "không"); the list holds forms that mean one
// thing in customer talk, not every shorthand one could guess at.
const LIST: ReadonlyArray<readonly [string, string]> = [
  ["ko|k|kh|khg|hok|hông|hem|k0|kg|khum|hong", "không"],
  ["đc|dc|đk|dk|dcd", "được"],
  ["sp|sảnphẩm", "sản phẩm"],
  ["nv|nviên", "nhân viên"],
  ["ck", "chuyển khoản"],
  ["tk", "tài khoản"],
  ["bh", "bảo hành"],
  ["đt|dt|đthoại", "điện thoại"],
  ["sdt|sđt", "số điện thoại"],
  ["mh", "màn hình"],
  ["pk", "phụ kiện"],
  ["km", "khuyến mãi"],
  ["bn|bnhiêu", "bao nhiêu"],
  ["j|ji", "gì"],
  ["r|rùi", "rồi"],
  ["cx|cg|cũg", "cũng"],
  ["vs", "với"],
  ["ntn", "như thế nào"],
  ["trc", "trước"],
  ["mn|mng", "mọi người"],
  ["wá|qá", "quá"],
  ["thik|thjk|thít", "thích"],
  ["bik|bít", "biết"],
  ["ms", "mới"],
  ["lun", "luôn"],
  ["nhìu|nhiu", "nhiều"],
  ["oke|okie|oki|okela", "ok"],
  ["tgian|tg", "thời gian"],
  ["ng", "người"],
  ["z|zậy", "vậy"],
];

/** Abbreviation (lower case, NFC) → its words, each syllable one entry. */
export const ABBREVIATIONS: ReadonlyMap<string, readonly string[]> = new Map(
  LIST.flatMap(([forms, full]) =>
    forms
      .split("|")
      .filter((f) => !f.includes(" "))
      .map((f) => [f.normalize("NFC"), full.split(" ")] as const),
  ),
);

/** The expansion of one token (lower case, NFC), or undefined when it is not an abbreviation. */
export function expandAbbreviation(token: string): readonly string[] | undefined {
  return ABBREVIATIONS.get(token);
}
