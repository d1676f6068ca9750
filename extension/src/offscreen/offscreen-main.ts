// The offscreen document (Chromium only, reason DOM_PARSER): answers the
// service worker's "parse and compare" for watched pages. Accepts messages
// from this extension only; the page it parses is inert (DOMParser runs no
// scripts and loads nothing).
/// <reference types="chrome" />
import { compareWatchedHtml } from "../capture/watch-compare.ts";
import { isOffscreenCompare, type OffscreenAnswer } from "./offscreen-protocol.ts";

const parser = new DOMParser();

chrome.runtime.onMessage.addListener((message, sender, sendResponse) => {
  if (sender.id !== chrome.runtime.id || !isOffscreenCompare(message)) return undefined;
  let answer: OffscreenAnswer;
  try {
    answer = {
      ok: true,
      outcomes: compareWatchedHtml(message.html, message.url, message.targets, parser),
    };
  } catch (e) {
    answer = { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
  sendResponse(answer);
  return undefined;
});
