// The columns an import file may have: the observation fields an import
// fills and the header names recognised for each (English and Vietnamese,
// compared as `columnKey` writes them). The server's import reads them; the
// web app's import screen shows the server's preview, so it guesses the same.
import { foldText } from "../text/fold.ts";

export const IMPORT_FIELDS = [
  "what",
  "who",
  "where",
  "why",
  "how",
  "note",
  "capturedAt",
  "needs",
  "tags",
  "basis",
  "method",
  "storeId",
  "competitorId",
  "zone",
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** Header names recognised per field, as `columnKey` writes them. */
export const COLUMN_ALIASES: Record<ImportField, readonly string[]> = {
  what: [
    "what",
    "text",
    "content",
    "noidung",
    "comment",
    "comments",
    "binhluan",
    "feedback",
    "phanhoi",
    "message",
    "description",
    "mota",
    "review",
    "danhgia",
  ],
  who: ["who", "customer", "khachhang", "segment", "phankhuc"],
  where: ["where", "location", "diadiem", "noi"],
  why: ["why", "reason", "lydo", "nguyennhan"],
  how: ["how", "cachthuc"],
  note: ["note", "notes", "ghichu"],
  capturedAt: [
    "capturedat",
    "date",
    "time",
    "datetime",
    "timestamp",
    "createdat",
    "ngay",
    "thoigian",
    "ngaygio",
  ],
  needs: ["needs", "need", "nhucau"],
  tags: ["tags", "tag", "nhan", "the"],
  basis: ["basis", "coso"],
  method: ["method", "phuongphap"],
  storeId: ["storeid", "store", "cuahang", "storename", "tencuahang", "chinhanh"],
  competitorId: ["competitorid", "competitor", "doithu", "competitorname", "tendoithu"],
  zone: ["zone", "khuvuc"],
};
export const ROW_ID_ALIASES: readonly string[] = [
  "id",
  "rowid",
  "sourcerowid",
  "ma",
  "stt",
  "recordid",
  "ticketid",
];

/** A header name as the aliases are written: folded, without spaces. */
export const columnKey = (s: string): string => foldText(s).replace(/ /g, "");
