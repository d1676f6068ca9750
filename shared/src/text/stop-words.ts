// Stop words for finding what a text is about: the maintained stopwords-iso
// lists (vendored in stopwords-iso.ts, vi and en) plus the particles and
// pronouns of spoken Vietnamese that customers type ("mà", "thì", "nhé",
// "ạ", "mình", "khách"…). Vietnamese stop words are matched with accents
// ("giá" is a word, "gì" is not); for text typed without accents only the
// folded forms that no content word shares are used (FOLDED_VI), so "gia"
// is never dropped because "gì" folds to "gi".
import { foldText } from "./fold.ts";
import { STOPWORDS_ISO_EN, STOPWORDS_ISO_VI } from "./stopwords-iso.ts";

/** Particles, pronouns and fillers of chat and staff notes, beyond the iso list. */
const PARTICLES_VI =
  "mà|thì|nhé|nhá|nha|nhen|ạ|à|ừ|ờ|ơi|hả|hở|nhỉ|nè|ha|hen|đó|đấy|ấy|kìa|luôn|lắm|rồi|vậy|" +
  "thôi|chứ|đâu|á|ta|mình|tôi|tui|tớ|tao|em|anh|chị|cô|chú|bác|ông|bà|bạn|họ|nó|khách|người|" +
  "cái|con|chiếc|cũng|vẫn|còn|nữa|chỉ|đã|đang|sẽ|vừa|mới|rất|quá|hơi|khá|thật|thực sự|" +
  "cho|của|với|và|hay|hoặc|nhưng|là|có|được|bị|này|kia|nọ|đây|khi|lúc|nên|nếu|vì|do|để|" +
  "từ|tới|đến|ở|tại|trong|ngoài|trên|dưới|ra|vào|lên|xuống|về|theo|bằng|như|gì|nào|sao|" +
  "thế|vậy thì|không|chưa|nói|bảo|thấy|biết|làm|đi|hơn|nhất|nhiều|ít|các|những|một|mỗi|mọi|" +
  "mọi người|cả|hết|lại|thêm|ok|nhiêu|nữa|chút|xíu|tí|kiểu|giống|cùng|sau|trước|khác|hôm|nay|" +
  "hôm nay|hôm qua|bữa|lần|mấy|vài|thứ|ai|đều|nhau|phải|cần|muốn|thích";

/**
 * Bare verdicts: they say how a customer felt, not what about, and the
 * kiosk's rating labels ("Không hài lòng") would otherwise gather every
 * rating into one "topic". The rating itself is kept on the observation.
 */
const VERDICTS_VI =
  "hài lòng|không hài lòng|rất hài lòng|tốt|tệ|ổn|dở|tuyệt|tuyệt vời|xuất sắc|bình thường|tạm được|" +
  "tạm|thất vọng|ưng|ưng ý|khen|chê|thích|ghét|vui|buồn|bực|ý kiến";
const VERDICTS_EN =
  "good|bad|great|nice|terrible|awful|excellent|satisfied|dissatisfied|unsatisfied|happy|unhappy|" +
  "love|loved|hate|hated|disappointed|disappointing|amazing|fine|okay|ok|rated|rating|comment";

/** English words that carry nothing about a topic, beyond the iso list. */
const EXTRA_EN = "customer|customers|said|says|asked|asks|told|really|pretty|lot|lots|thing|things";

const split = (s: string) => s.split("|").filter((w) => w.length > 0);

/** Vietnamese stop words, accents kept (NFC, lower case); several are phrases ("bởi vì"). */
export const STOP_VI: ReadonlySet<string> = new Set(
  [...split(STOPWORDS_ISO_VI), ...split(PARTICLES_VI), ...split(VERDICTS_VI)].map((w) =>
    w.normalize("NFC"),
  ),
);

/** English stop words, lower case. */
export const STOP_EN: ReadonlySet<string> = new Set([
  ...split(STOPWORDS_ISO_EN),
  ...split(EXTRA_EN),
  ...split(VERDICTS_EN),
]);

/**
 * Folded Vietnamese stop words safe for text typed without accents: only
 * syllables whose every accented reading is a function word. A folded form
 * shared with a content word stays out ("de": để / dễ, "ban": bạn / bán,
 * "moi": mỗi / mới, "ve": về / vé, "vay": vậy / vay, "tui": tui / túi, "da":
 * đã / da / đá, "anh": anh / ảnh, "do": do / đỏ, "cho": cho / chờ).
 */
export const FOLDED_VI: ReadonlySet<string> = new Set(
  split(
    "va|voi|cua|la|co|cac|nhung|mot|nay|kia|thi|duoc|bi|boi|trong|tren|duoi|neu|hoac|cung|" +
      "nhu|khi|luc|roi|chi|rat|lam|nua|nao|gi|ai|oi|ha|ah|toi|minh|chung|em|nguoi|chiec|theo|" +
      "nhau|truoc|giua|khong|ko|thoi|luon|a|u|o|nhi|ne|hen|nhen|khach|se|van|con|qua|kha|that|" +
      "nen|ra|hay|xuong|ok|oke|hai long|khong hai long|tot|moi nguoi|hom nay|hom qua|thuc su",
  ),
);

/** Multi-syllable stop phrases (the segmenter finds them as one word, then drops them). */
export const STOP_PHRASES_VI: readonly string[] = [...STOP_VI].filter((w) => w.includes(" "));

/**
 * Whether a unit (one word, lower case NFC, syllables spaced) is a stop word.
 * `accented`: the unit carries Vietnamese diacritics; `vi`: its text is
 * Vietnamese (typed with or without accents), where English stop words count
 * only from four letters on, since short ones fold like Vietnamese syllables
 * ("an" / ăn, "bo" / bò, "to" / to).
 */
export function isStopWord(unit: string, accented: boolean, vi: boolean): boolean {
  if (accented) return STOP_VI.has(unit);
  if (!vi) return STOP_EN.has(unit) || FOLDED_VI.has(unit);
  return FOLDED_VI.has(unit) || FOLDED_PHRASES.has(unit) || (unit.length >= 4 && STOP_EN.has(unit));
}

const FOLDED_PHRASES: ReadonlySet<string> = new Set(STOP_PHRASES_VI.map(foldText));
