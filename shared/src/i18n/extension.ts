// Strings of the browser extension (side panel, popup, options, context
// menus, texts the worker writes into observations). Sync-status and
// time-ago strings come from `common`.
import type { Catalog } from "./translate.ts";

export const extension = {
  "app.name": { vi: "Sightline", en: "Sightline" },
  "app.tagline": {
    vi: "Ghi lại điều bạn thấy trên trang đối thủ",
    en: "Capture what you see on competitors' sites",
  },

  // Context menus and keyboard commands
  "menu.selection": { vi: "Ghi lại đoạn đã chọn", en: "Capture selection" },
  "menu.element": { vi: "Ghi lại phần tử này", en: "Capture this element" },
  "menu.region": { vi: "Chụp một vùng", en: "Capture a region" },
  "menu.visible": { vi: "Chụp phần đang hiển thị", en: "Screenshot visible area" },
  "command.selection": { vi: "Ghi lại đoạn đã chọn", en: "Capture the selection" },
  "command.element": { vi: "Chọn phần tử để ghi lại", en: "Pick an element to capture" },
  "command.region": { vi: "Kéo chọn vùng để chụp", en: "Drag a region to capture" },

  // Capture buttons and results
  "capture.selection": { vi: "Ghi đoạn đã chọn", en: "Capture selection" },
  "capture.element": { vi: "Chọn phần tử", en: "Pick element" },
  "capture.region": { vi: "Chụp vùng", en: "Region" },
  "capture.visible": { vi: "Chụp màn hình", en: "Screenshot" },
  "capture.saved": { vi: "Đã lưu trên máy", en: "Saved on this device" },
  "capture.savedIn": { vi: "Đã lưu sau {ms} ms", en: "Saved in {ms} ms" },
  "capture.pickHint": {
    vi: "Di chuột lên trang và bấm vào phần tử cần ghi (Esc để huỷ)",
    en: "Hover the page and click the element to capture (Esc cancels)",
  },
  "capture.regionHint": {
    vi: "Kéo chuột trên trang để chọn vùng (Esc để huỷ)",
    en: "Drag on the page to select a region (Esc cancels)",
  },
  "capture.error.no-selection": {
    vi: "Hãy chọn một đoạn văn bản trên trang trước",
    en: "Select some text on the page first",
  },
  "capture.error.no-tab": { vi: "Không có thẻ nào đang mở", en: "No open tab to capture" },
  "capture.error.restricted": {
    vi: "Trang này không cho phép tiện ích ghi lại",
    en: "This page does not allow extensions to capture",
  },
  "capture.error.no-permission": {
    vi: "Cần cho phép Sightline truy cập trang này",
    en: "Sightline needs access to this site",
  },
  "capture.error.not-paired": {
    vi: "Hãy ghép nối tiện ích trước (trong Cài đặt)",
    en: "Pair the extension first (in Settings)",
  },
  "capture.error.revoked": {
    vi: "Chưa lưu: quản lý đã ngắt kết nối trình duyệt này. Hãy nhờ quản lý cấp mã mới (xem Cài đặt).",
    en: "Not saved: a manager disconnected this browser. Ask a manager for a new code (see Settings).",
  },
  "capture.error.invalid": {
    vi: "Không ghi lại được trang này",
    en: "Could not capture this page",
  },
  "capture.noScreenshot": {
    vi: "Không chụp được màn hình (cần quyền trên mọi trang hoặc dùng phím tắt)",
    en: "No screenshot (needs access to all sites, or use the keyboard shortcut)",
  },
  "capture.allowSite": { vi: "Cho phép trên trang này", en: "Allow on this site" },
  "capture.what.element": { vi: "Phần tử trên trang {title}", en: "Element on {title}" },
  "capture.what.region": { vi: "Ảnh chụp vùng trên trang {title}", en: "Region of {title}" },
  "capture.what.visible": { vi: "Ảnh chụp trang {title}", en: "Screenshot of {title}" },

  // Tabs of the panel
  "tab.page": { vi: "Trang này", en: "This page" },
  "tab.recent": { vi: "Gần đây", en: "Recent" },
  "tab.watched": { vi: "Theo dõi", en: "Watched" },
  "tab.event": { vi: "Sự kiện", en: "Event" },

  // 5W1H form
  "form.title": { vi: "Ghi chú 5W1H", en: "5W1H note" },
  "form.who": { vi: "Ai (khách hàng, đối thủ)", en: "Who (customer, competitor)" },
  "form.what": { vi: "Cái gì (điều quan sát được)", en: "What (what was seen)" },
  "form.when": { vi: "Khi nào", en: "When" },
  "form.where": { vi: "Ở đâu", en: "Where" },
  "form.why": { vi: "Tại sao (động cơ theo bạn)", en: "Why (your reading of the motive)" },
  "form.how": { vi: "Như thế nào", en: "How" },
  "form.competitor": { vi: "Đối thủ", en: "Competitor" },
  "form.noCompetitor": { vi: "— không —", en: "— none —" },
  "form.needs": { vi: "Nhu cầu", en: "Needs" },
  "form.tags": { vi: "Thẻ", en: "Tags" },
  "form.tagsHint": { vi: "cách nhau bằng dấu phẩy", en: "comma-separated" },
  "form.basis": { vi: "Cơ sở", en: "Basis" },
  "basis.observed": { vi: "Quan sát", en: "Observed" },
  "basis.inferred": { vi: "Suy luận", en: "Inferred" },
  "basis.heard": { vi: "Nghe kể", en: "Heard" },
  "form.save": { vi: "Lưu ghi chú", en: "Save note" },
  "form.saved": { vi: "Đã lưu", en: "Saved" },
  "form.delete": { vi: "Xoá", en: "Delete" },
  "form.score": { vi: "5W1H: {score}/6", en: "5W1H: {score}/6" },
  "form.missing": { vi: "Còn thiếu: {list}", en: "Missing: {list}" },
  "form.whatRequired": { vi: 'Cần có nội dung "Cái gì"', en: '"What" must not be empty' },

  // This page / recent lists
  "page.none": { vi: "Chưa có ghi nhận nào trên trang này", en: "No captures on this page yet" },
  "page.unavailable.no-permission": {
    vi: "Sightline chưa được phép đọc trang này",
    en: "Sightline may not read this page yet",
  },
  "page.unavailable.restricted": {
    vi: "Tiện ích không thể chạy trên trang này",
    en: "Extensions cannot run on this page",
  },
  "page.unavailable.no-tab": { vi: "Không có trang nào đang mở", en: "No page is open" },
  "page.found": { vi: "Tìm thấy trên trang", en: "Found on page" },
  "page.notFound": { vi: "Không tìm thấy trên trang", en: "Not found on page" },
  "page.changes": { vi: "Đã thay đổi từ lần ghi trước", en: "Changed since last capture" },
  "page.change.price": { vi: "Giá", en: "Price" },
  "page.change.element": { vi: "Nội dung", en: "Content" },
  "page.change.quote": { vi: "Đoạn trích", en: "Quote" },
  "page.change.record": { vi: "Ghi thành quan sát mới", en: "Record as new observation" },
  "page.change.recorded": { vi: "Đã ghi", en: "Recorded" },
  "change.what.price": {
    vi: "Giá đã đổi: {before} → {after}",
    en: "Price changed: {before} → {after}",
  },
  "change.note": {
    vi: "Trước: {before}\nSau: {after}",
    en: "Before: {before}\nAfter: {after}",
  },
  "change.what.element": {
    vi: 'Nội dung đã đổi: "{before}" → "{after}"',
    en: 'Content changed: "{before}" → "{after}"',
  },
  // Watched pages
  "watch.add": { vi: "Theo dõi", en: "Watch" },
  "watch.add.price": { vi: "Theo dõi giá", en: "Watch price" },
  "watch.watching": { vi: "Đang theo dõi", en: "Watching" },
  "watch.remove": { vi: "Bỏ theo dõi", en: "Stop watching" },
  "watch.checkNow": { vi: "Kiểm tra ngay", en: "Check now" },
  "watch.title": { vi: "Trang đang theo dõi", en: "Watched pages" },
  "watch.none": {
    vi: "Chưa theo dõi trang nào. Bấm Theo dõi trên một ghi nhận có giá hoặc phần tử.",
    en: "No watched pages yet. Press Watch on a capture with a price or an element.",
  },
  "watch.hint": {
    vi: "Sightline tự tải lại các trang này mỗi giờ (mỗi trang web nhiều nhất một lần mỗi phút) và ghi một quan sát khi giá hoặc nội dung đổi.",
    en: "Sightline reloads these pages every hour (at most once a minute per site) and records an observation when the price or text changes.",
  },
  "watch.lastChecked": { vi: "Kiểm tra lần cuối {ago}", en: "Last checked {ago}" },
  "watch.neverChecked": { vi: "Chưa kiểm tra lần nào", en: "Not checked yet" },
  "watch.next": { vi: "Lần tới: {time}", en: "Next: {time}" },
  "watch.changes": {
    vi: "{count} thay đổi đã ghi",
    en: "{count} changes recorded",
    plural: { en: { one: "{count} change recorded" } },
  },
  "watch.problem.no-permission": {
    vi: "Không kiểm tra được: Sightline chưa được phép truy cập trang này. Hãy cho phép trong Cài đặt.",
    en: "Cannot re-check: Sightline has no access to this site. Allow it in Settings.",
  },
  "watch.problem.fetch-failed": {
    vi: "Không kiểm tra được: không tải được trang ({detail})",
    en: "Cannot re-check: the page could not be loaded ({detail})",
  },
  "watch.detail.timeout": { vi: "quá thời gian chờ", en: "it took too long" },
  "watch.detail.network": { vi: "lỗi mạng", en: "network error" },
  "watch.detail.not-html": { vi: "không phải trang web", en: "not a web page" },
  "watch.detail.too-large": { vi: "trang quá lớn", en: "the page is too large" },
  "watch.detail.unreadable": { vi: "không đọc được nội dung", en: "its content could not be read" },
  "watch.problem.gone": {
    vi: "Không kiểm tra được: không còn thấy giá hoặc phần tử này trên trang (trang đã đổi cấu trúc)",
    en: "Cannot re-check: the price or element is no longer on the page (the page was restructured)",
  },
  "watch.error.nothing-to-watch": {
    vi: "Ghi nhận này không có giá hay phần tử để theo dõi",
    en: "This capture has no price or element to watch",
  },
  "watch.error.not-found": { vi: "Không tìm thấy ghi nhận này", en: "Capture not found" },
  "watch.note": {
    vi: "Sightline phát hiện khi tự kiểm tra trang đang theo dõi.",
    en: "Found by Sightline re-checking a watched page.",
  },
  "recent.none": { vi: "Chưa có ghi nhận nào", en: "Nothing captured yet" },
  "recent.allCompetitors": { vi: "Mọi đối thủ", en: "All competitors" },
  "recent.allTags": { vi: "Mọi thẻ", en: "All tags" },
  "item.pending": { vi: "chưa gửi", en: "not sent" },
  "item.screenshot": { vi: "có ảnh", en: "screenshot" },
  "item.edit": { vi: "Sửa", en: "Edit" },

  // Event mode
  "event.mode": { vi: "Chế độ sự kiện", en: "Event mode" },
  "event.on": { vi: "Bật chế độ sự kiện", en: "Turn on event mode" },
  "event.off": { vi: "Tắt chế độ sự kiện", en: "Turn off event mode" },
  "event.name": { vi: "Tên sự kiện", en: "Event name" },
  "event.booth": { vi: "Gian hàng", en: "Booth" },
  "event.note": { vi: "Ghi chú nhanh", en: "Quick note" },
  "event.photo": { vi: "Ảnh", en: "Photo" },
  "event.add": { vi: "Lưu ghi chú sự kiện", en: "Save event note" },
  "event.added": { vi: "Đã lưu ghi chú sự kiện", en: "Event note saved" },
  "event.needText": { vi: "Hãy viết ghi chú hoặc chọn ảnh", en: "Write a note or choose a photo" },
  "event.needName": { vi: "Hãy đặt tên sự kiện trước", en: "Set the event name first" },
  "event.photoWhat": { vi: "Ảnh tại {place}", en: "Photo at {place}" },
  "event.photoTooBig": { vi: "Ảnh quá lớn", en: "The photo is too large" },

  // Options page and pairing
  "options.title": { vi: "Cài đặt Sightline", en: "Sightline settings" },
  "options.server": { vi: "Địa chỉ máy chủ", en: "Server URL" },
  "options.code": { vi: "Mã ghép nối", en: "Pairing code" },
  "options.codeHint": {
    vi: "Quản trị viên tạo mã 8 ký tự trong trang quản lý",
    en: "An admin creates the 8-character code in the web app",
  },
  "options.deviceName": { vi: "Tên thiết bị", en: "Device name" },
  "options.pair": { vi: "Ghép nối", en: "Pair" },
  "options.pairing": { vi: "Đang ghép nối…", en: "Pairing…" },
  "options.paired": { vi: "Đã ghép nối với {server}", en: "Paired with {server}" },
  "options.pairError.bad-code": {
    vi: "Mã không đúng hoặc đã hết hạn",
    en: "The code is wrong or has expired",
  },
  "options.pairError.network": {
    vi: "Không kết nối được máy chủ",
    en: "Cannot reach the server",
  },
  "options.pairError.server": {
    vi: "Máy chủ trả lời không hợp lệ",
    en: "The server answered oddly",
  },
  "options.pairError.no-permission": {
    vi: "Cần cho phép truy cập máy chủ để ghép nối",
    en: "Access to the server must be allowed to pair",
  },
  "options.pairError.device-id-taken": {
    vi: "Máy chủ từ chối: mã thiết bị của trình duyệt này đang thuộc về một thiết bị chưa bị ngắt kết nối. Hãy nhờ quản lý xem Quản trị → Thiết bị. Không có dữ liệu nào bị xoá.",
    en: "The server refused: this browser's device id belongs to a device that is still connected. Ask a manager to check Admin → Devices. Nothing was deleted.",
  },
  "options.unpair": { vi: "Huỷ ghép nối", en: "Unpair" },
  "options.unpairWarn": {
    vi: "Còn {count} thay đổi CHƯA lên máy chủ. Huỷ ghép nối sẽ XOÁ VĨNH VIỄN chúng khỏi trình duyệt này.",
    en: "{count} changes are NOT on the server yet. Unpairing DELETES them from this browser for good.",
    plural: {
      en: {
        one: "{count} change is NOT on the server yet. Unpairing DELETES it from this browser for good.",
      },
    },
  },
  "options.unpairExportFirst": {
    vi: "Để không mất gì: trước hết hãy Xuất dữ liệu chưa gửi và đưa tệp cho quản lý.",
    en: "To lose nothing: first Export unsent data and give the file to a manager.",
  },
  "options.unpairSyncHint": {
    vi: "Hoặc bấm Đồng bộ ngay khi có mạng, rồi mới huỷ ghép nối.",
    en: "Or press Sync now when the network is back, then unpair.",
  },
  "options.unpairAck": {
    vi: "Tôi hiểu {count} thay đổi sẽ bị mất",
    en: "I understand {count} changes will be lost",
    plural: { en: { one: "I understand {count} change will be lost" } },
  },
  "options.unpairContinue": { vi: "Tiếp tục", en: "Continue" },
  "options.unpairFinal": {
    vi: "Bước cuối: huỷ ghép nối sẽ xoá vĩnh viễn {count} thay đổi chưa gửi khỏi trình duyệt này. Để xác nhận, hãy nhập số {count}.",
    en: "Last check: unpairing deletes {count} unsent changes from this browser for good. To confirm, type the number {count}.",
    plural: {
      en: {
        one: "Last check: unpairing deletes {count} unsent change from this browser for good. To confirm, type the number {count}.",
      },
    },
  },
  "options.unpairFinalLabel": { vi: "Số thay đổi sẽ bị xoá", en: "Number of changes to delete" },
  "options.unpairConfirm": {
    vi: "Xoá {count} thay đổi và huỷ ghép nối",
    en: "Delete {count} changes and unpair",
    plural: { en: { one: "Delete {count} change and unpair" } },
  },
  "options.back": { vi: "Quay lại", en: "Back" },

  // Revoked by a manager: captures refused, unsent changes kept
  "revoked.title": {
    vi: "Trình duyệt này đã bị ngắt kết nối",
    en: "This browser was disconnected",
  },
  "revoked.what": {
    vi: "Một quản lý đã ngắt kết nối trình duyệt này khỏi Sightline, nên tiện ích không ghi thêm gì mới.",
    en: "A manager disconnected this browser from Sightline, so the extension does not capture anything new.",
  },
  "revoked.kept": {
    vi: "{count} thay đổi chưa gửi vẫn được giữ an toàn trong trình duyệt này.",
    en: "Its {count} unsent changes are kept safe in this browser.",
    plural: { en: { one: "Its {count} unsent change is kept safe in this browser." } },
  },
  "revoked.keptNone": {
    vi: "Trình duyệt không còn thay đổi nào chưa gửi.",
    en: "Nothing unsent is waiting in this browser.",
  },
  "revoked.ask": {
    vi: "Hãy nhờ quản lý cấp mã ghép nối mới, rồi chọn Kết nối lại bằng mã mới trong Cài đặt.",
    en: "Ask a manager for a new pairing code, then choose Reconnect with a new code in Settings.",
  },
  "revoked.screenshots": {
    vi: "{count} ảnh chụp chưa tải lên không nằm trong tệp xuất; chúng vẫn ở đây và được gửi sau khi kết nối lại.",
    en: "{count} screenshots not yet uploaded are not in the export file; they stay here and go up after reconnecting.",
    plural: {
      en: {
        one: "{count} screenshot not yet uploaded is not in the export file; it stays here and goes up after reconnecting.",
      },
    },
  },
  "reconnect.button": { vi: "Kết nối lại bằng mã mới", en: "Reconnect with a new code" },
  "reconnect.intro": {
    vi: "Nhập mã ghép nối mới từ quản lý. Trình duyệt giữ nguyên mã thiết bị và các thay đổi chưa gửi; chúng được gửi ngay khi kết nối lại.",
    en: "Enter the new pairing code from a manager. This browser keeps its device id and unsent changes; they are sent as soon as it is back.",
  },
  "reconnect.submit": { vi: "Kết nối lại", en: "Reconnect" },
  "reconnect.working": { vi: "Đang kết nối lại…", en: "Reconnecting…" },
  "reconnect.kept": {
    vi: "Chưa kết nối lại được; mọi thay đổi chưa gửi vẫn nằm trong trình duyệt này.",
    en: "Not reconnected; every unsent change is still in this browser.",
  },
  "options.cancel": { vi: "Thôi", en: "Cancel" },
  "options.language": { vi: "Ngôn ngữ", en: "Language" },
  "options.access": { vi: "Quyền truy cập trang", en: "Site access" },
  "options.accessHint": {
    vi: "Để đánh dấu lại các ghi nhận cũ và phát hiện thay đổi khi bạn quay lại trang",
    en: "To re-highlight earlier captures and detect changes when you revisit a page",
  },
  "options.allowCompetitors": {
    vi: "Cho phép trên trang đối thủ",
    en: "Allow on competitor sites",
  },
  "options.allowAll": { vi: "Cho phép trên mọi trang", en: "Allow on all sites" },
  "options.allowed": { vi: "Đã cho phép", en: "Allowed" },
  "options.notPaired": { vi: "Chưa ghép nối", en: "Not paired" },
  "options.captures": { vi: "Ghi nhận", en: "Captures" },
  "options.selectionScreenshots": {
    vi: "Kèm ảnh chụp màn hình khi ghi đoạn đã chọn",
    en: "Add a screenshot to selection captures",
  },
  "options.selectionScreenshotsHint": {
    vi: "Chụp phần trang đang hiển thị cùng đoạn văn bản; ảnh được tải lên như ảnh chụp vùng.",
    en: "Saves the visible part of the page with the text; the image is uploaded like a region capture.",
  },

  // Right after pairing: one prompt for the competitors' sites
  "onboarding.title": {
    vi: "Một bước nữa: cho phép Sightline đọc trang của đối thủ",
    en: "One more step: let Sightline read your competitors' sites",
  },
  "onboarding.why": {
    vi: "Để khi bạn quay lại một trang, Sightline đánh dấu lại những gì bạn đã ghi và cho biết giá hay nội dung nào đã đổi, và để tự kiểm tra các trang bạn theo dõi. Không có quyền này, những việc đó không xảy ra.",
    en: "So that when you come back to a page Sightline highlights what you captured and tells you which prices or texts changed, and so it can re-check the pages you watch. Without this access none of that happens.",
  },
  "onboarding.sites": {
    vi: "Chỉ các trang của đối thủ trong nhóm: {sites}",
    en: "Only your workspace's competitor sites: {sites}",
  },
  "onboarding.noCompetitors": {
    vi: "Nhóm chưa có trang đối thủ nào. Quản trị viên thêm đối thủ trong trang quản lý; bạn có thể cho phép sau trong mục Quyền truy cập trang.",
    en: "Your workspace has no competitor sites yet. An admin adds competitors in the web app; you can allow them later under Site access.",
  },
  "onboarding.revoke": {
    vi: "Bạn có thể rút lại quyền này bất cứ lúc nào trong phần quản lý tiện ích của trình duyệt.",
    en: "You can take this back at any time in the browser's extension settings.",
  },
  "onboarding.later": { vi: "Để sau", en: "Not now" },
  "options.open": { vi: "Mở cài đặt", en: "Open settings" },

  "panel.open": { vi: "Mở bảng bên", en: "Open side panel" },
  "panel.notPaired": {
    vi: "Chưa ghép nối với máy chủ. Hãy nhập mã ghép nối trong Cài đặt để bắt đầu ghi.",
    en: "Not paired with a server. Enter a pairing code in Settings to start capturing.",
  },
  "status.pendingBlobs": { vi: "{count} ảnh chờ gửi", en: "{count} images waiting" },
} as const satisfies Catalog;

export type ExtensionKey = keyof typeof extension;
