// Emails the server sends (alerts and the weekly digest, issue 19), in the
// recipient's language. The server renders them (server/src/email).
import type { Catalog } from "./translate.ts";

export const notifications = {
  "email.alert.subject": { vi: "[Sightline] {text}", en: "[Sightline] {text}" },
  "email.alert.intro": {
    vi: "Sightline vừa mở một cảnh báo:",
    en: "Sightline has opened an alert:",
  },
  "email.alert.opened": { vi: "Mở lúc {time}", en: "Opened at {time}" },
  "email.alert.where": { vi: "Cửa hàng: {store}", en: "Store: {store}" },
  "email.alert.act": {
    vi: "Mở Sightline để xem các quan sát liên quan và xác nhận đã xử lý.",
    en: "Open Sightline to see the observations behind it and acknowledge it.",
  },
  "email.footer": {
    vi: "Bạn nhận thư này vì là quản lý trong Sightline. Ngôn ngữ và bản tin tuần đổi được trong phần Thông báo.",
    en: "You receive this as a manager in Sightline. Change the language or the weekly digest under Notifications.",
  },
  "digest.subject": {
    vi: "[Sightline] Tóm tắt tuần {from} – {to}",
    en: "[Sightline] Your week, {from} – {to}",
  },
  "digest.intro": {
    vi: "Những gì đã thay đổi trong các nhật ký của bạn từ {from} đến {to}.",
    en: "What changed in your journals from {from} to {to}.",
  },
  "digest.journal": { vi: "Nhật ký: {title}", en: "Journal: {title}" },
  "digest.observations": {
    vi: "{count} quan sát mới",
    en: "{count} new observations",
    plural: { en: { one: "{count} new observation" } },
  },
  "digest.byChannel": { vi: "{channel}: {count}", en: "{channel}: {count}" },
  "digest.insightsNew": {
    vi: "{count} nhận định mới",
    en: "{count} new insights",
    plural: { en: { one: "{count} new insight" } },
  },
  "digest.insightsChanged": {
    vi: "{count} nhận định đã thay đổi",
    en: "{count} insights changed",
    plural: { en: { one: "{count} insight changed" } },
  },
  "digest.overdue": {
    vi: "{count} việc cần làm đã quá hạn",
    en: "{count} overdue actions",
    plural: { en: { one: "{count} overdue action" } },
  },
  "digest.overdueItem": { vi: "{title} — hạn {due}", en: "{title} — due {due}" },
  "digest.openAlerts": {
    vi: "{count} cảnh báo đang mở",
    en: "{count} open alerts",
    plural: { en: { one: "{count} open alert" } },
  },
  "digest.noJournals": {
    vi: "Bạn chưa sở hữu nhật ký nào.",
    en: "You do not own any journal yet.",
  },
} satisfies Catalog;

export type NotificationsKey = keyof typeof notifications;
