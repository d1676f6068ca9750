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
  // Problem types the server answers (`urn:sightline:problem:<slug>` →
  // `problem.<slug>`), so no surface shows the server's English. The generic
  // ones by status live in web.ts; server/src/http/problem-catalogue.test.ts
  // checks that every slug the server can send has an entry in one of them.
  "problem.error": {
    vi: "Máy chủ gặp sự cố; hãy thử lại.",
    en: "The server had a problem; try again.",
  },
  "problem.rate-limited": {
    vi: "Quá nhiều yêu cầu, hãy thử lại sau giây lát.",
    en: "Too many requests, try again in a moment.",
  },
  "problem.upgrade-required": {
    vi: "Ứng dụng cần cập nhật để tiếp tục đồng bộ.",
    en: "The app needs an update to keep syncing.",
  },
  "problem.not-ready": {
    vi: "Máy chủ đang khởi động; hãy thử lại sau giây lát.",
    en: "The server is starting; try again in a moment.",
  },
  "problem.storage-full": {
    vi: "Ổ đĩa của máy chủ đã đầy; chưa lưu được. Hãy báo quản trị viên.",
    en: "The server's disk is full; nothing was saved. Tell your administrator.",
  },
  "problem.wrong-password": {
    vi: "Mật khẩu hiện tại không đúng.",
    en: "The current password is not right.",
  },
  "problem.account-disabled": {
    vi: "Tài khoản này đã bị khoá; hãy hỏi quản trị viên.",
    en: "This account is disabled; ask your administrator.",
  },
  "problem.reset-code-invalid": {
    vi: "Mã đặt lại mật khẩu không đúng hoặc đã hết hạn; hãy xin mã mới.",
    en: "The password reset code is wrong or has expired; ask for a new one.",
  },
  "problem.last-admin": {
    vi: "Không thể bỏ quản trị viên cuối cùng của không gian làm việc.",
    en: "The workspace's last admin cannot be removed.",
  },
  "problem.pairing-code-unknown": {
    vi: "Không tìm thấy mã ghép nối; hãy kiểm tra lại hoặc xin mã mới.",
    en: "Unknown pairing code; check it or ask for a new one.",
  },
  "problem.pairing-code-used": {
    vi: "Mã ghép nối này đã được dùng; mỗi mã chỉ ghép một thiết bị.",
    en: "This pairing code was already used; each code pairs one device.",
  },
  "problem.pairing-code-expired": {
    vi: "Mã ghép nối đã hết hạn (15 phút); hãy xin mã mới.",
    en: "The pairing code has expired (15 minutes); ask for a new one.",
  },
  "problem.device-id-taken": {
    vi: "Thiết bị này đã được ghép nối theo cách khác; hãy dùng mã do quản lý cấp cho đúng thiết bị.",
    en: "This device was paired differently before; use a code a manager issued for it.",
  },
  "problem.seq-reused": {
    vi: "Dữ liệu này thuộc một lần cài đặt khác của thiết bị; không nhập được.",
    en: "This data belongs to another installation of the device; it cannot be imported.",
  },
  "problem.bad-transition": {
    vi: "Không thể chuyển nhận định sang trạng thái này từ trạng thái hiện tại.",
    en: "The insight cannot move to this status from its current one.",
  },
  "problem.single-source": {
    vi: "Nhận định chỉ dựa trên một loại dữ liệu: thêm bằng chứng từ kênh khác hoặc ghi lý do xác nhận.",
    en: "The insight rests on one kind of data: add evidence from another channel or give a reason to validate it.",
  },
  "problem.no-actions": {
    vi: "Hãy thêm một hành động trước khi đánh dấu đã hành động.",
    en: "Add an action before marking it actioned.",
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
