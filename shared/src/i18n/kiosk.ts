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
  "pair.error.codeWrong": {
    vi: "Không có mã ghép nối này — hãy kiểm tra lại từng chữ số",
    en: "There is no such pairing code — check it digit by digit",
  },
  "pair.error.codeUsed": {
    vi: "Mã ghép nối này đã được dùng — hãy nhờ quản lý cấp mã mới",
    en: "This pairing code was already used — ask a manager for a new one",
  },
  "pair.error.codeExpired": {
    vi: "Mã ghép nối này đã hết hạn — hãy nhờ quản lý cấp mã mới",
    en: "This pairing code has expired — ask a manager for a new one",
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
  "pair.error.device-id-taken": {
    vi: "Máy chủ từ chối: mã thiết bị của máy này đang thuộc về một thiết bị chưa bị ngắt kết nối. Hãy nhờ quản lý xem Quản trị → Thiết bị. Không có dữ liệu nào bị xoá.",
    en: "The server refused: this tablet's device id belongs to a device that is still connected. Ask a manager to check Admin → Devices. Nothing was deleted.",
  },
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
  "pad.undoAsk": { vi: "Hoàn tác {label}?", en: "Undo {label}?" },
  "pad.undoConfirm": { vi: "Có, hoàn tác", en: "Yes, undo" },
  "pad.undoKeep": { vi: "Giữ lại", en: "Keep it" },
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

  // Revoked by a manager: writes refused, unsent changes kept
  "revoked.title": { vi: "Máy này đã bị ngắt kết nối", en: "This tablet was disconnected" },
  "revoked.what": {
    vi: "Một quản lý đã ngắt kết nối máy tính bảng này khỏi Sightline, nên máy không ghi thêm quan sát mới.",
    en: "A manager disconnected this tablet from Sightline, so it does not record new observations.",
  },
  "revoked.kept": {
    vi: "{count} thay đổi chưa gửi vẫn được giữ an toàn trên máy này.",
    en: "Its {count} unsent changes are kept safe on this tablet.",
    plural: { en: { one: "Its {count} unsent change is kept safe on this tablet." } },
  },
  "revoked.keptNone": {
    vi: "Máy không còn thay đổi nào chưa gửi.",
    en: "Nothing unsent is waiting on this tablet.",
  },
  "revoked.ask": {
    vi: "Hãy nhờ quản lý cấp mã ghép nối mới, rồi chọn Thiết bị → Kết nối lại bằng mã mới.",
    en: "Ask a manager for a new pairing code, then choose Device → Reconnect with a new code.",
  },
  "revoked.tapRefused": {
    vi: "Chưa lưu: quản lý đã ngắt kết nối máy này. Hãy nhờ quản lý cấp mã mới.",
    en: "Not saved: a manager disconnected this tablet. Ask a manager for a new code.",
  },
  "revoked.customerTitle": { vi: "Tạm ngưng phục vụ", en: "Out of service" },
  "revoked.customerBody": {
    vi: "Xin vui lòng hỏi nhân viên cửa hàng. Cảm ơn bạn!",
    en: "Please ask a member of staff. Thank you!",
  },
  "reconnect.button": { vi: "Kết nối lại bằng mã mới", en: "Reconnect with a new code" },
  "reconnect.intro": {
    vi: "Nhập mã ghép nối mới từ quản lý. Máy giữ nguyên mã thiết bị, mã PIN và các thay đổi chưa gửi; chúng được gửi ngay khi kết nối lại.",
    en: "Enter the new pairing code from a manager. The tablet keeps its device id, PIN and unsent changes; they are sent as soon as it is back.",
  },
  "reconnect.submit": { vi: "Kết nối lại", en: "Reconnect" },
  "reconnect.working": { vi: "Đang kết nối lại…", en: "Reconnecting…" },
  "reconnect.cancel": { vi: "Huỷ", en: "Cancel" },
  "reconnect.kept": {
    vi: "Chưa kết nối lại được; mọi thay đổi chưa gửi vẫn nằm trên máy này.",
    en: "Not reconnected; every unsent change is still on this tablet.",
  },

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
  "settings.staffWakeLock": {
    vi: "Giữ màn hình luôn sáng ở chế độ nhân viên",
    en: "Keep the screen on in staff mode",
  },
  "settings.contextIdle": {
    vi: "Bỏ chọn khu vực và nhóm khách sau khi không dùng",
    en: "Clear zone and segment after no use for",
  },
  "settings.contextIdleNever": { vi: "Không bao giờ", en: "Never" },
  "settings.minutes": {
    vi: "{count} phút",
    en: "{count} minutes",
    plural: { en: { one: "{count} minute" } },
  },
  "sync.notPersisted": {
    vi: "Dữ liệu chưa được bảo vệ khỏi bị xoá",
    en: "Storage not protected from eviction",
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
    vi: "Còn {count} thay đổi CHƯA lên máy chủ. Huỷ ghép nối sẽ XOÁ VĨNH VIỄN chúng khỏi máy này.",
    en: "{count} changes are NOT on the server yet. Unpairing DELETES them from this tablet for good.",
    plural: {
      en: {
        one: "{count} change is NOT on the server yet. Unpairing DELETES it from this tablet for good.",
      },
    },
  },
  "unpair.exportFirst": {
    vi: "Để không mất gì: trước hết hãy Xuất dữ liệu chưa gửi và đưa tệp cho quản lý.",
    en: "To lose nothing: first Export unsent data and give the file to a manager.",
  },
  "unpair.warnHint": {
    vi: "Hoặc bấm Đồng bộ ngay khi có mạng, rồi mới huỷ ghép nối.",
    en: "Or press Sync now when the network is back, then unpair.",
  },
  "unpair.ack": {
    vi: "Tôi hiểu {count} thay đổi sẽ bị mất",
    en: "I understand {count} changes will be lost",
    plural: { en: { one: "I understand {count} change will be lost" } },
  },
  "unpair.continue": { vi: "Tiếp tục", en: "Continue" },
  "unpair.finalTitle": { vi: "Xoá thay đổi chưa gửi?", en: "Delete the unsent changes?" },
  "unpair.final": {
    vi: "Bước cuối: huỷ ghép nối sẽ xoá vĩnh viễn {count} thay đổi chưa gửi khỏi máy này. Để xác nhận, hãy nhập số {count}.",
    en: "Last check: unpairing deletes {count} unsent changes from this tablet for good. To confirm, type the number {count}.",
    plural: {
      en: {
        one: "Last check: unpairing deletes {count} unsent change from this tablet for good. To confirm, type the number {count}.",
      },
    },
  },
  "unpair.finalLabel": { vi: "Số thay đổi sẽ bị xoá", en: "Number of changes to delete" },
  "unpair.back": { vi: "Quay lại", en: "Back" },
  "unpair.confirm": { vi: "Huỷ ghép nối", en: "Unpair" },
  "unpair.confirmLoss": {
    vi: "Xoá {count} thay đổi và huỷ ghép nối",
    en: "Delete {count} changes and unpair",
    plural: { en: { one: "Delete {count} change and unpair" } },
  },
  "unpair.keep": { vi: "Giữ lại", en: "Keep" },
  // Issue 19: the open alerts of this store, on the staff pad.
  "alerts.open": {
    vi: "{count} cảnh báo đang mở — báo quản lý",
    en: "{count} open alerts — tell a manager",
    plural: { en: { one: "{count} open alert — tell a manager" } },
  },
} as const satisfies Catalog;

export type KioskKey = keyof typeof kiosk;
