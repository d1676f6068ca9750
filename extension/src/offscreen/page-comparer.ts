// Where the worker parses a fetched watched page. The worker itself carries
// no DOM code (Chromium's service worker has no DOM):
//   Firefox   the event page is a document; page-parser.js, loaded before
//             background.js (manifest background.scripts), puts the compare
//             step on `globalThis` (offscreen/firefox-page-parser.ts);
//   Chromium  an offscreen document (reason DOM_PARSER), created on demand,
//             answers one message (offscreen/offscreen-main.ts).
/// <reference types="chrome" />
import type { WatchTarget } from "../capture/watch-target.ts";
import type { PageComparer } from "../worker/watch-wiring.ts";
import {
  LOCAL_COMPARER,
  type LocalComparer,
  OFFSCREEN_COMPARE,
  type OffscreenAnswer,
} from "./offscreen-protocol.ts";

const OFFSCREEN_URL = "offscreen.html";

export function createPageComparer(): PageComparer {
  const local = (globalThis as { [LOCAL_COMPARER]?: LocalComparer })[LOCAL_COMPARER];
  if (local) return async (html, url, targets) => local(html, url, targets);
  let creating: Promise<void> | null = null;
  const closing: Promise<void> | null = null;
  const ensure = async () => {
    if (closing) await closing;
    const contexts = await chrome.runtime.getContexts({
      contextTypes: ["OFFSCREEN_DOCUMENT" as chrome.runtime.ContextType],
    });
    if (contexts.length > 0) return;
    creating ??= chrome.offscreen
      .createDocument({
        url: OFFSCREEN_URL,
        reasons: ["DOM_PARSER" as chrome.offscreen.Reason],
        justification: "Read watched competitor pages to see whether a price or text changed",
      })
      .finally(() => {
        creating = null;
      });
    await creating;
  };
  let inFlight = 0;
  return async (html: string, url: string, targets: WatchTarget[]) => {
    inFlight++;
    try {
      await ensure();
      const answer = (await chrome.runtime.sendMessage({
        type: OFFSCREEN_COMPARE,
        html,
        url,
        targets,
      })) as OffscreenAnswer | undefined;
      if (!answer?.ok) throw new Error(answer?.error ?? "offscreen document did not answer");
      return answer.outcomes;
    } finally {
      // Checks come a minute apart at most: no parsed page stays in memory in between.
      if (--inFlight === 0 && !creating)
        void chrome.offscreen.closeDocument().catch(() => undefined);
    }
  };
}
