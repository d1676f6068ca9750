// Where data comes from. Corroboration counts distinct channels (and distinct
// import sources), so these codes are load-bearing.
import type { Labelled } from "./label.ts";

/**
 * The codes alone, in label order (vocabulary/codes.test.ts checks it): what
 * schemas import, so a bundle that validates but shows no label (the kiosk's
 * sync worker) carries no label text.
 */
const CHANNEL_CODES_LIST = ["web", "event", "store", "feedback", "import"] as const;
export type Channel = (typeof CHANNEL_CODES_LIST)[number];
export const CHANNEL_CODES = CHANNEL_CODES_LIST as unknown as [Channel, ...Channel[]];

export const CHANNELS = {
  web: {
    vi: "Website",
    en: "Web",
    description: {
      vi: "Khảo sát website đối thủ bằng tiện ích trình duyệt",
      en: "Competitor website audit with the browser extension",
    },
  },
  event: {
    vi: "Sự kiện",
    en: "Event",
    description: { vi: "Ghi chép tại hội chợ, sự kiện", en: "Notes from trade shows and events" },
  },
  store: {
    vi: "Cửa hàng",
    en: "Store",
    description: {
      vi: "Nhân viên quan sát hành vi khách tại cửa hàng",
      en: "Staff watching shopper behaviour in store",
    },
  },
  feedback: {
    vi: "Phản hồi",
    en: "Feedback",
    description: { vi: "Khách tự chấm điểm tại kiosk", en: "Customers' one-tap kiosk rating" },
  },
  import: {
    vi: "Nhập dữ liệu",
    en: "Import",
    description: {
      vi: "Khảo sát, CRM, tổng đài, POS… nhập từ tệp",
      en: "Surveys, CRM, call centre, POS… imported from files",
    },
  },
} as const satisfies Record<Channel, Labelled>;
