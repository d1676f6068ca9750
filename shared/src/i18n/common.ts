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
    vi: "Quản lý đã ngắt kết nối thiết bị này — dữ liệu chưa gửi vẫn được giữ",
    en: "A manager disconnected this device — unsent data is kept",
  },
  "sync.tooOld": { vi: "Ứng dụng cần cập nhật", en: "The app needs an update" },
  "sync.rejected": { vi: "{count} thay đổi bị từ chối", en: "{count} changes rejected" },
  "sync.allSynced": { vi: "Đã đồng bộ hết", en: "All synced" },
  // What one "Sync now" round did (unpair dialogs).
  "syncNow.done": {
    vi: "Đã đồng bộ: mọi thay đổi đã lên máy chủ.",
    en: "Synced: every change is on the server.",
  },
  "syncNow.left": {
    vi: "Đã đồng bộ, nhưng còn {count} thay đổi đang chờ trên thiết bị này.",
    en: "Synced, but {count} changes still wait on this device.",
    plural: { en: { one: "Synced, but {count} change still waits on this device." } },
  },
  "syncNow.offline": {
    vi: "Không kết nối được máy chủ. {count} thay đổi vẫn nằm trên thiết bị này; hãy thử lại khi có mạng.",
    en: "Cannot reach the server. The {count} changes stay on this device; try again when the network is back.",
    plural: {
      en: {
        one: "Cannot reach the server. The {count} change stays on this device; try again when the network is back.",
      },
    },
  },
  "syncNow.failed": {
    vi: "Chưa đồng bộ xong. {count} thay đổi vẫn nằm trên thiết bị này; hãy thử lại sau một phút.",
    en: "The sync did not finish. The {count} changes stay on this device; try again in a minute.",
    plural: {
      en: {
        one: "The sync did not finish. The {count} change stays on this device; try again in a minute.",
      },
    },
  },
  // Export unsent data (a revoked or stuck device; a manager imports the file)
  "export.button": { vi: "Xuất dữ liệu chưa gửi", en: "Export unsent data" },
  "export.working": { vi: "Đang xuất…", en: "Exporting…" },
  "export.hint": {
    vi: "Tải về tệp JSON chứa các thay đổi chưa gửi; quản lý nhập tệp trong ứng dụng web để không mất gì.",
    en: "Downloads a JSON file with the unsent changes; a manager imports it in the web app so nothing is lost.",
  },
  "export.done": {
    vi: "Đã lưu {count} thay đổi vào {files}. Hãy gửi tệp cho quản lý.",
    en: "Saved {count} changes to {files}. Give the file to a manager.",
    plural: { en: { one: "Saved {count} change to {files}. Give the file to a manager." } },
  },
  "export.none": { vi: "Không có thay đổi nào chưa gửi.", en: "There are no unsent changes." },
  "export.failed": { vi: "Không xuất được: {detail}", en: "Could not export: {detail}" },
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
