// Strings of the store kiosk (pairing, staff observation pad, customer
// feedback mode, PIN lock, unpairing). Sync-status, time-ago and language
// strings come from `common`; need labels from the vocabulary.
import type { Catalog } from "./translate.ts";

export const kiosk = {
  "app.name": { vi: "Sightline Kiosk", en: "Sightline Kiosk" },
  "app.loading": { vi: "Đang mở…", en: "Opening…" },
  "app.failed": {
    vi: "Không mở được bộ nhớ của máy: {detail}",
    en: "Could not open this tablet's storage: {detail}",
  },

  // Pairing
  "pair.title": { vi: "Ghép nối máy tính bảng", en: "Pair this tablet" },
  "pair.intro": {
    vi: "Quản lý tạo mã trong ứng dụng web: Quản trị → Thiết bị → Cấp mã ghép nối (Máy tính bảng ở cửa hàng). Mã dùng một lần, hết hạn sau 15 phút.",
    en: "A manager issues the code in the web app: Admin → Devices → Issue a pairing code (Store tablet). It works once and expires after 15 minutes.",
  },
  "pair.server": { vi: "Địa chỉ máy chủ", en: "Server address" },
  "pair.code": { vi: "Mã ghép nối", en: "Pairing code" },
  "pair.name": { vi: "Tên máy (không bắt buộc)", en: "Tablet name (optional)" },
  "pair.namePlaceholder": { vi: "Ví dụ: Quầy cửa vào", en: "e.g. Front door" },
  "pair.pin": { vi: "Mã PIN nhân viên (4–8 số)", en: "Staff PIN (4–8 digits)" },
  "pair.pinConfirm": { vi: "Nhập lại mã PIN", en: "Repeat the PIN" },
  "pair.pinHelp": {
    vi: "Cần mã PIN này để thoát chế độ khách hàng. Máy chỉ lưu bản băm của mã.",
    en: "This PIN is needed to leave customer feedback mode. Only a salted hash is kept.",
  },
  "pair.submit": { vi: "Ghép nối", en: "Pair" },
  "pair.pairing": { vi: "Đang ghép nối…", en: "Pairing…" },
  "pair.error.code": {
    vi: "Mã ghép nối không đúng, đã dùng hoặc đã hết hạn",
    en: "The pairing code is wrong, used or expired",
  },
  "pair.error.network": {
    vi: "Không kết nối được máy chủ {server}",
    en: "Cannot reach the server {server}",
  },
  "pair.error.server": {
    vi: "Máy chủ báo lỗi ({status})",
    en: "The server answered with an error ({status})",
  },
  "pair.error.url": { vi: "Địa chỉ máy chủ không hợp lệ", en: "The server address is not valid" },
  "pair.error.codeEmpty": { vi: "Hãy nhập mã ghép nối", en: "Enter the pairing code" },
  "pair.error.pinFormat": { vi: "Mã PIN gồm 4 đến 8 chữ số", en: "The PIN must be 4 to 8 digits" },
  "pair.error.pinMismatch": { vi: "Hai mã PIN không khớp", en: "The two PINs differ" },
  "pair.waitingConfig": {
    vi: "Đã ghép nối. Đang tải cấu hình cửa hàng…",
    en: "Paired. Loading the store's settings…",
  },

  // Header and modes
  "mode.staff": { vi: "Ghi quan sát", en: "Observation pad" },
  "mode.feedback": { vi: "Khách hàng đánh giá", en: "Customer feedback" },
  "mode.enterFeedback": { vi: "Chế độ khách hàng", en: "Customer mode" },
  "mode.settings": { vi: "Thiết bị", en: "Device" },

  // Staff pad
  "pad.zone": { vi: "Khu vực", en: "Zone" },
  "pad.zoneNone": { vi: "Không rõ", en: "Not set" },
  "pad.age": { vi: "Độ tuổi", en: "Age" },
  "pad.party": { vi: "Đi cùng", en: "Party" },
  "age.under-18": { vi: "Dưới 18", en: "Under 18" },
  "age.18-24": { vi: "18–24", en: "18–24" },
  "age.25-34": { vi: "25–34", en: "25–34" },
  "age.35-44": { vi: "35–44", en: "35–44" },
  "age.45-54": { vi: "45–54", en: "45–54" },
  "age.55-plus": { vi: "Từ 55", en: "55+" },
  "party.alone": { vi: "Một mình", en: "Alone" },
  "party.couple": { vi: "Cặp đôi", en: "Couple" },
  "party.family": { vi: "Gia đình", en: "Family" },
  "party.group": { vi: "Nhóm bạn", en: "Group" },
  "pad.behaviours": { vi: "Khách vừa…", en: "The shopper…" },
  "pad.details": { vi: "Ghi chú và nhu cầu", en: "Note and needs" },
  "pad.note": { vi: "Ghi chú ngắn (không bắt buộc)", en: "Short note (optional)" },
  "pad.notePlaceholder": {
    vi: "Điều bạn thấy hoặc nghe được",
    en: "What you saw or heard",
  },
  "pad.needs": { vi: "Nhu cầu", en: "Needs" },
  "pad.detailsHint": {
    vi: "Ghi chú và nhu cầu đi kèm lần bấm tiếp theo.",
    en: "The note and needs go with the next tap.",
  },
  "pad.repeat": { vi: "Lặp lại: {label}", en: "Repeat: {label}" },
  "pad.repeatNone": { vi: "Lặp lại lần trước", en: "Repeat last" },
  "pad.today": { vi: "Hôm nay: {count} quan sát", en: "Today: {count} observations" },
  "pad.countOf": { vi: "{count} lần hôm nay", en: "{count} today" },
  "pad.saved": { vi: "Đã lưu: {label}", en: "Saved: {label}" },
  "pad.undo": { vi: "Hoàn tác", en: "Undo" },
  "pad.undone": { vi: "Đã hoàn tác: {label}", en: "Undone: {label}" },
  "pad.notSaved": { vi: "Chưa lưu được: {detail}", en: "Not saved: {detail}" },
  "pad.noConfig": {
    vi: "Chưa có danh sách hành vi của cửa hàng — hãy bấm Đồng bộ ngay khi có mạng.",
    en: "The store's behaviour list is not here yet — press Sync now when online.",
  },

  // Dwell timer
  "dwell.title": { vi: "Thời gian dừng chân", en: "Dwell time" },
  "dwell.start": { vi: "Bắt đầu bấm giờ", en: "Start timer" },
  "dwell.stop": { vi: "Dừng và lưu", en: "Stop and save" },
  "dwell.cancel": { vi: "Huỷ", en: "Cancel" },
  "dwell.running": { vi: "{time} tại {zone}", en: "{time} in {zone}" },
  "dwell.anyZone": { vi: "cửa hàng", en: "the store" },
  "dwell.what": {
    vi: "Khách dừng chân {duration} tại {zone}",
    en: "A shopper stayed {duration} in {zone}",
  },
  "dwell.label": { vi: "Dừng chân {duration}", en: "Dwell {duration}" },

  // Customer feedback
  "fb.questionDefault": {
    vi: "Bạn thấy trải nghiệm hôm nay thế nào?",
    en: "How was your visit today?",
  },
  "face.1": { vi: "Rất không hài lòng", en: "Very unhappy" },
  "face.2": { vi: "Không hài lòng", en: "Unhappy" },
  "face.3": { vi: "Hài lòng", en: "Happy" },
  "face.4": { vi: "Rất hài lòng", en: "Very happy" },
  "fb.reasonsTitle": { vi: "Điều gì khiến bạn thấy vậy?", en: "What made you feel this way?" },
  "fb.reasonsHint": {
    vi: "Chọn một hoặc vài lý do (không bắt buộc)",
    en: "Pick one or more (optional)",
  },
  "fb.send": { vi: "Gửi", en: "Send" },
  "fb.skip": { vi: "Bỏ qua", en: "Skip" },
  "fb.thanks": { vi: "Cảm ơn bạn!", en: "Thank you!" },
  "fb.thanksSub": {
    vi: "Ý kiến của bạn giúp cửa hàng phục vụ tốt hơn.",
    en: "Your answer helps the store serve you better.",
  },
  "fb.what": { vi: "Khách đánh giá {rating}/4: {face}", en: "Customer rated {rating}/4: {face}" },
  "fb.staff": { vi: "Nhân viên", en: "Staff" },

  // PIN lock
  "pin.title": { vi: "Nhập mã PIN nhân viên", en: "Enter the staff PIN" },
  "pin.wrong": { vi: "Sai mã PIN", en: "Wrong PIN" },
  "pin.locked": { vi: "Thử lại sau {seconds} giây", en: "Try again in {seconds} s" },
  "pin.unlock": { vi: "Mở khoá", en: "Unlock" },
  "pin.cancel": { vi: "Huỷ", en: "Cancel" },
  "pin.delete": { vi: "Xoá một số", en: "Delete a digit" },
  "pin.digits": { vi: "Đã nhập {count} số", en: "{count} digits entered" },

  // Device settings and unpairing
  "settings.title": { vi: "Thiết bị này", en: "This device" },
  "settings.store": { vi: "Cửa hàng", en: "Store" },
  "settings.workspace": { vi: "Không gian làm việc", en: "Workspace" },
  "settings.device": { vi: "Mã thiết bị", en: "Device id" },
  "settings.server": { vi: "Máy chủ", en: "Server" },
  "settings.persisted": {
    vi: "Trình duyệt giữ dữ liệu lâu dài",
    en: "Storage is persistent",
  },
  "settings.notPersisted": {
    vi: "Trình duyệt có thể xoá dữ liệu khi thiếu chỗ — hãy cài ứng dụng lên màn hình chính",
    en: "The browser may evict data when short of space — install the app to the home screen",
  },
  "settings.close": { vi: "Đóng", en: "Close" },
  "unpair.button": { vi: "Huỷ ghép nối", en: "Unpair" },
  "unpair.title": { vi: "Huỷ ghép nối máy này?", en: "Unpair this tablet?" },
  "unpair.safe": {
    vi: "Mọi dữ liệu đã được đồng bộ. Máy sẽ trở về màn hình ghép nối.",
    en: "Everything is synced. The tablet goes back to the pairing screen.",
  },
  "unpair.warn": {
    vi: "Còn {count} thay đổi CHƯA được đồng bộ. Huỷ ghép nối sẽ XOÁ VĨNH VIỄN chúng khỏi máy này.",
    en: "{count} changes are NOT synced yet. Unpairing DELETES them from this tablet for good.",
  },
  "unpair.warnHint": {
    vi: "Nên bấm Đồng bộ ngay khi có mạng trước khi huỷ ghép nối.",
    en: "Better: press Sync now when the network is back, then unpair.",
  },
  "unpair.ack": {
    vi: "Tôi hiểu {count} thay đổi sẽ bị mất",
    en: "I understand {count} changes will be lost",
  },
  "unpair.confirm": { vi: "Huỷ ghép nối", en: "Unpair" },
  "unpair.confirmLoss": { vi: "Xoá dữ liệu và huỷ ghép nối", en: "Delete data and unpair" },
  "unpair.keep": { vi: "Giữ lại", en: "Keep" },
} as const satisfies Catalog;

export type KioskKey = keyof typeof kiosk;
