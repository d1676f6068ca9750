// The demo's journal: one question over the last four weeks of every channel,
// so a manager opening the demo lands on a merged timeline with suggestions
// (the price cut on a competitor's site next to price complaints in store).
import { uuidv7 } from "@sightline/shared";
import type { Db } from "../../db/port.ts";
import { vnTime } from "./random.ts";
import { timeline } from "./timeline.ts";

export const DEMO_JOURNAL = {
  title: "Vì sao khách hỏi giá rồi rời đi? · Why do shoppers ask the price, then leave?",
  question:
    "Khách hỏi giá ở quầy điện thoại rồi rời đi không mua — điều gì khiến họ do dự? · Shoppers ask the price at the phone counter and leave without buying — what holds them back?",
  goal: "Giảm tỉ lệ rời đi không mua ở quầy điện thoại 20 % trong quý tới · Cut walk-outs at the phone counter by 20 % next quarter",
};

/** Create the demo journal once (matched by title). Returns whether it was created. */
export async function seedDemoJournal(
  db: Db,
  ws: string,
  ownerId: string,
  now: Date,
): Promise<boolean> {
  const existing = await db.listJournals(ws);
  if (existing.some((j) => j.title === DEMO_JOURNAL.title)) return false;
  // The month's first local day (timeline.ts), not "28 days before the
  // minute it was seeded", so the journal holds the same month at any hour.
  const from = vnTime(timeline(now).dayStart(0)).slice(0, 10);
  await db.createJournal(ws, {
    id: uuidv7(now.getTime()),
    ...DEMO_JOURNAL,
    scope: { from },
    createdBy: ownerId,
    createdAt: now.toISOString(),
  });
  return true;
}
