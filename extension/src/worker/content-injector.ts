// The content script is injected on demand (activeTab + scripting), not
// declared for every site: a capture gesture (context menu, shortcut, popup)
// grants access to the tab, and sites the user allowed (competitor domains or
// all sites, from the options page) get it on every load so earlier captures
// are highlighted again and changes detected.
import type { BrowserApi } from "../browser-api.ts";
import type { ContentRequest, ContentResponses } from "../messages.ts";

export const CONTENT_SCRIPT = "content.js";
export const CONTENT_CSS = "content.css";

export type Reach = "ok" | "no-permission" | "restricted";

export type ContentChannel = {
  /** Make sure our content script runs in the tab's top frame. */
  ensure(tabId: number): Promise<Reach>;
  send<R extends ContentRequest>(tabId: number, request: R): Promise<ContentResponses[R["type"]]>;
};

/** Pages no extension may script, whatever its permissions. */
export function isRestrictedUrl(url: string | undefined): boolean {
  if (!url) return false;
  if (!/^(https?|file):/i.test(url)) return true;
  return /^https:\/\/(chrome\.google\.com\/webstore|chromewebstore\.google\.com|addons\.mozilla\.org)/i.test(
    url,
  );
}

export function createContentChannel(api: BrowserApi): ContentChannel {
  const send = <R extends ContentRequest>(tabId: number, request: R) =>
    api.tabs.sendMessage(tabId, request) as Promise<ContentResponses[R["type"]]>;
  return {
    send,
    async ensure(tabId) {
      try {
        if ((await send(tabId, { type: "content.ping" })) === "pong") return "ok";
      } catch {
        // Not injected yet (or the page navigated): inject below.
      }
      let tab: Awaited<ReturnType<BrowserApi["tabs"]["get"]>>;
      try {
        tab = await api.tabs.get(tabId);
      } catch {
        return "restricted";
      }
      if (isRestrictedUrl(tab.url)) return "restricted";
      try {
        await api.scripting.insertCss(tabId, CONTENT_CSS);
        await api.scripting.executeFile(tabId, CONTENT_SCRIPT);
        return "ok";
      } catch {
        // Known restricted URLs were answered above; the rest is missing host access.
        return "no-permission";
      }
    },
  };
}
