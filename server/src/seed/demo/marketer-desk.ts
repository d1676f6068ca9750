// Extension observations of the demo marketer: competitor site audits (each
// finding once), and two
// trade-show visits, in Vietnamese and English. On PRICE_CUT_DAY PhoneHub cuts
// the Galaxy A55 on its site; the audits around it record the cut, the
// banner and a rival matching it.
import type { DemoCompetitorKey } from "./catalog.ts";
import type { Rng } from "./random.ts";
import { DAYS, PRICE_CUT_DAY, type Timeline } from "./timeline.ts";

type Fields = Record<string, unknown>;
type Audit = {
  competitor: DemoCompetitorKey;
  path: string;
  title: string;
  what: string;
  why?: string;
  how?: string;
  who?: string;
  needs: string[];
  tags?: string[];
  quote?: string;
};

const ROUTINE: Audit[] = [
  {
    competitor: "saoviet",
    path: "/tra-gop",
    title: "Trả góp 0% — Sao Việt",
    what: "Sao Việt quảng cáo trả góp 0% cho đơn từ 3 triệu, duyệt trong 15 phút",
    who: "Sinh viên, người đi làm trẻ",
    why: "Giảm rào cản chi tiền một lần",
    needs: ["price", "convenience"],
    quote: "Trả góp 0% — duyệt hồ sơ 15 phút",
  },
  {
    competitor: "nhaso",
    path: "/giao-hang",
    title: "Giao hàng 2 giờ | Nhà Số",
    what: "Nhà Số promises 2-hour delivery inside the city centre",
    why: "Speed as a differentiator for impatient buyers",
    needs: ["efficiency", "convenience"],
    quote: "Giao nhanh 2 giờ nội thành",
  },
  {
    competitor: "phonehub",
    path: "/doi-tra",
    title: "Chính sách đổi trả — PhoneHub",
    what: "PhoneHub cho đổi trả 30 ngày, không cần lý do",
    who: "Khách lần đầu mua online",
    why: "Giảm rủi ro khi mua mà không cầm thử",
    needs: ["reliability", "transparency"],
    quote: "Đổi trả 30 ngày — không cần lý do",
  },
  {
    competitor: "saoviet",
    path: "/so-sanh",
    title: "So sánh điện thoại | Sao Việt",
    what: "Sao Việt has a side-by-side comparison tool for phones with plain-language specs",
    why: "Shoppers struggle to compare specs",
    needs: ["clarity", "information"],
  },
  {
    competitor: "nhaso",
    path: "/thu-cu-doi-moi",
    title: "Thu cũ đổi mới — Nhà Số",
    what: "Nhà Số trợ giá thu cũ đổi mới thêm 1 triệu",
    who: "Khách đã có điện thoại cũ",
    needs: ["price", "options"],
    quote: "Trợ giá thêm đến 1.000.000₫",
  },
  {
    competitor: "phonehub",
    path: "/danh-gia",
    title: "Đánh giá khách hàng — PhoneHub",
    what: "PhoneHub shows verified buyer reviews with photos on every product page",
    why: "Social proof builds trust online",
    needs: ["information", "reliability"],
  },
  {
    competitor: "nhaso",
    path: "/bao-hanh-vang",
    title: "Bảo hành vàng 24 tháng — Nhà Số",
    what: "Nhà Số bán gói bảo hành vàng 24 tháng, rơi vỡ vẫn đổi máy mới",
    who: "Phụ huynh mua máy cho con",
    why: "Sợ máy hỏng sớm",
    needs: ["reliability"],
    quote: "Rơi vỡ, vào nước — đổi máy mới trong 24 tháng",
  },
  {
    competitor: "saoviet",
    path: "/click-and-collect",
    title: "Đặt online, nhận tại cửa hàng | Sao Việt",
    what: "Sao Việt lets shoppers reserve online and pick up in store within an hour",
    why: "Shoppers want to see the phone before paying",
    needs: ["convenience", "access"],
  },
  {
    competitor: "phonehub",
    path: "/sinh-vien",
    title: "Ưu đãi sinh viên — PhoneHub",
    what: "PhoneHub giảm thêm 5% cho sinh viên có thẻ, áp dụng cả hàng giảm giá",
    who: "Sinh viên",
    needs: ["price"],
    quote: "Sinh viên giảm thêm 5%",
  },
  {
    competitor: "nhaso",
    path: "/tu-van-video",
    title: "Tư vấn qua video — Nhà Số",
    what: "Nhà Số offers live video consultations with a product expert, 8:00–22:00",
    why: "Remote shoppers want a person to ask",
    needs: ["empathy", "information"],
  },
  {
    competitor: "saoviet",
    path: "/cai-dat-mien-phi",
    title: "Cài đặt miễn phí trọn đời | Sao Việt",
    what: "Sao Việt cài đặt phần mềm và chuyển dữ liệu miễn phí trọn đời",
    who: "Người lớn tuổi",
    why: "Ngại tự chuyển danh bạ, ảnh sang máy mới",
    needs: ["convenience", "empathy"],
    quote: "Chuyển dữ liệu miễn phí trọn đời",
  },
  {
    competitor: "phonehub",
    path: "/flash-sale",
    title: "Flash sale 12h — PhoneHub",
    what: "PhoneHub runs a daily noon flash sale on accessories, 30 items each",
    how: "Countdown timer on the homepage",
    needs: ["price"],
  },
  {
    competitor: "nhaso",
    path: "/so-sanh-gia",
    title: "Cam kết giá tốt — Nhà Số",
    what: "Nhà Số cam kết hoàn tiền chênh lệch nếu khách thấy nơi khác rẻ hơn trong 7 ngày",
    why: "Giữ khách không phải đi so giá",
    needs: ["price", "transparency"],
    quote: "Thấy rẻ hơn? Hoàn tiền chênh lệch",
  },
  {
    competitor: "saoviet",
    path: "/danh-gia-may-cu",
    title: "Định giá máy cũ online | Sao Việt",
    what: "Sao Việt has an online trade-in valuation that quotes a price in 2 minutes",
    who: "Shoppers upgrading an old phone",
    needs: ["transparency", "options"],
  },
];

const PRICE_WAR: Audit[] = [
  {
    competitor: "phonehub",
    path: "/galaxy-a55",
    title: "Samsung Galaxy A55 5G — PhoneHub",
    what: "PhoneHub giảm Galaxy A55 từ 9.990.000₫ còn 8.490.000₫",
    who: "Khách phổ thông săn giá",
    why: "Giành khách mùa tựu trường bằng giá",
    how: "Giá gạch ngang trên trang sản phẩm, đếm ngược 7 ngày",
    needs: ["price"],
    tags: ["price-cut", "galaxy-a55"],
    quote: "Giá sốc 8.490.000₫ (giá cũ 9.990.000₫)",
  },
  {
    competitor: "phonehub",
    path: "/",
    title: "PhoneHub — Trang chủ",
    what: "Homepage banner: 'Giảm sốc 1,5 triệu Galaxy A55 — chỉ 7 ngày'",
    why: "Pushing traffic to the price cut",
    needs: ["price"],
    tags: ["price-cut"],
    quote: "Giảm sốc 1,5 triệu — chỉ 7 ngày",
  },
  {
    competitor: "saoviet",
    path: "/galaxy-a55",
    title: "Galaxy A55 — Sao Việt",
    what: "Sao Việt theo giá: Galaxy A55 còn 8.590.000₫ kèm ốp lưng",
    why: "Không muốn mất khách vào PhoneHub",
    needs: ["price"],
    tags: ["price-cut", "galaxy-a55"],
    quote: "8.590.000₫ — tặng ốp lưng",
  },
  {
    competitor: "phonehub",
    path: "/galaxy-a55",
    title: "Samsung Galaxy A55 5G — PhoneHub",
    what: "Price cut still live; 'only 12 left' stock counter added",
    how: "Scarcity counter under the price",
    needs: ["price"],
    tags: ["price-cut"],
    quote: "Chỉ còn 12 máy",
  },
];

const EVENTS = [
  {
    day: 5,
    name: "Hội chợ Công nghệ Sài Gòn 2026",
    booth: "PhoneHub — B12",
    notes: [
      "Gian PhoneHub đông nhất hội chợ, tặng voucher 500k",
      "Many visitors asked about trade-in values at the PhoneHub booth",
      "Nhà Số demo sạc nhanh 15 phút, khách xếp hàng thử",
    ],
  },
  {
    day: PRICE_CUT_DAY + 3,
    name: "Tech Week Hà Nội",
    booth: "Sao Việt — A03",
    notes: [
      "Sao Việt staff say they will match PhoneHub's A55 price",
      "Khách hỏi nhau bên nào rẻ nhất, ai cũng nhắc PhoneHub",
      "Visitors photographed price tags to compare online",
    ],
  },
];

const domainOf: Record<DemoCompetitorKey, string> = {
  phonehub: "phonehub.example.com",
  saoviet: "saoviet.example.vn",
  nhaso: "nhaso.example.vn",
};

function audit(t: Timeline, day: number, hour: number, a: Audit, competitorId: string): Fields {
  return {
    channel: "web",
    method: "competitor-audit",
    capturedAt: t.at(day, hour, 15),
    url: `https://${domainOf[a.competitor]}${a.path}`,
    pageTitle: a.title,
    competitorId,
    what: a.what,
    ...(a.who ? { who: a.who } : {}),
    ...(a.why ? { why: a.why } : {}),
    ...(a.how ? { how: a.how } : {}),
    needs: a.needs,
    ...(a.tags ? { tags: a.tags } : {}),
    ...(a.quote ? { evidence: { quote: a.quote } } : {}),
  };
}

/** Every create of the demo extension, oldest first. */
export function marketerDesk(
  rng: Rng,
  t: Timeline,
  competitorIds: Record<DemoCompetitorKey, string>,
): Fields[] {
  const out: Fields[] = [];
  // Every routine audit once, in a seeded order: a marketer does not write the
  // same finding twice in a month.
  const routine = [...ROUTINE];
  for (let i = routine.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [routine[i], routine[j]] = [routine[j] as Audit, routine[i] as Audit];
  }
  for (let day = 0; day < DAYS; day++) {
    const a = day % 2 === 0 ? routine[day / 2] : undefined;
    if (a) out.push(audit(t, day, 10 + rng.int(6), a, competitorIds[a.competitor]));
    const w = day - PRICE_CUT_DAY;
    const cut =
      w === 0
        ? [PRICE_WAR[0], PRICE_WAR[1]]
        : w === 1
          ? [PRICE_WAR[2]]
          : w === 4
            ? [PRICE_WAR[3]]
            : [];
    for (const a of cut)
      if (a) out.push(audit(t, day, 9 + rng.int(3), a, competitorIds[a.competitor]));
  }
  for (const e of EVENTS) {
    for (const [i, note] of e.notes.entries()) {
      out.push({
        channel: "event",
        method: "event-visit",
        capturedAt: t.at(e.day, 10 + i * 2, 30),
        eventName: e.name,
        booth: e.booth,
        what: note,
        ...(note.toLowerCase().includes("giá") || note.includes("price")
          ? { needs: ["price"] }
          : {}),
      });
    }
  }
  return out.sort((a, b) => String(a.capturedAt).localeCompare(String(b.capturedAt)));
}
