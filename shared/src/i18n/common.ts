// Strings shared by every surface (sync status, generic errors, time ago).
import type { Catalog } from "./translate.ts";

export const common = {
  "sync.unsynced": { vi: "{count} chưa đồng bộ", en: "{count} not synced" },
  "sync.oldest": { vi: "cũ nhất {age}", en: "oldest {age}" },
  "sync.last": { vi: "Đồng bộ lần cuối {age}", en: "Last synced {age}" },
  "sync.never": { vi: "Chưa đồng bộ lần nào", en: "Never synced" },
  "sync.now": { vi: "Đồng bộ ngay", en: "Sync now" },
  "sync.syncing": { vi: "Đang đồng bộ…", en: "Syncing…" },
  "sync.offline": {
    vi: "Ngoại tuyến — dữ liệu được lưu trên máy",
    en: "Offline — data is kept on this device",
  },
  "sync.unauthorized": {
    vi: "Thiết bị cần ghép nối lại",
    en: "This device needs to be paired again",
  },
  "sync.tooOld": { vi: "Ứng dụng cần cập nhật", en: "The app needs an update" },
  "sync.rejected": { vi: "{count} thay đổi bị từ chối", en: "{count} changes rejected" },
  "sync.allSynced": { vi: "Đã đồng bộ hết", en: "All synced" },
  "time.justNow": { vi: "vừa xong", en: "just now" },
  "time.seconds": { vi: "{n} giây trước", en: "{n}s ago" },
  "time.minutes": { vi: "{n} phút trước", en: "{n} min ago" },
  "time.hours": { vi: "{n} giờ trước", en: "{n} h ago" },
  "time.days": { vi: "{n} ngày trước", en: "{n} d ago" },
  "lang.vi": { vi: "Tiếng Việt", en: "Vietnamese" },
  "lang.en": { vi: "Tiếng Anh", en: "English" },
  "lang.toggle": { vi: "English", en: "Tiếng Việt" },
  "error.network": { vi: "Không kết nối được máy chủ", en: "Cannot reach the server" },
  "error.generic": { vi: "Đã xảy ra lỗi: {detail}", en: "Something went wrong: {detail}" },
  "error.quota": {
    vi: "Bộ nhớ thiết bị đã đầy — dữ liệu đã lưu vẫn an toàn",
    en: "Device storage is full — what was saved is safe",
  },
} as const satisfies Catalog;

/** "3 min ago" style age, for sync status strips. */
export function ageKey(ms: number): { key: keyof typeof common; n: number } {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 5) return { key: "time.justNow", n: 0 };
  if (s < 60) return { key: "time.seconds", n: s };
  if (s < 3600) return { key: "time.minutes", n: Math.floor(s / 60) };
  if (s < 86_400) return { key: "time.hours", n: Math.floor(s / 3600) };
  return { key: "time.days", n: Math.floor(s / 86_400) };
}
