// The content script: one classic IIFE bundle injected on demand into the
// top frame of a tab (scripting.executeScript). It reads the page and draws
// the picker/region overlay; it never stores anything — every result is a
// message to the worker, which owns IndexedDB. Injecting twice is harmless.
import type { ContentRequest } from "../messages.ts";
import {
  bringIntoView,
  elementPayload,
  pagePayload,
  regionPayload,
  selectionPayload,
} from "./capture-payload.ts";
import { pickElement } from "./element-picker.ts";
import { afterRepaint } from "./overlay.ts";
import { createPageReviewer } from "./page-review.ts";
import { dragRegion } from "./region-drag.ts";
import { onWorkerRequest, sendToWorker } from "./runtime.ts";

const FLAG = "__sightlineContent";

function main(doc: Document, win: Window) {
  let contextTarget: Element | null = null;
  let gesture = false;
  doc.addEventListener(
    "contextmenu",
    (e) => {
      contextTarget = e.target instanceof Element ? e.target : null;
    },
    true,
  );

  const reviewer = createPageReviewer({
    doc,
    win,
    hello: async (url, canonicalUrl) =>
      (await sendToWorker({ type: "page.hello", url, ...(canonicalUrl ? { canonicalUrl } : {}) }))
        .captures,
    report: (report) => sendToWorker({ type: "page.report", report }),
  });

  async function pick(mode: "element" | "region", hint: string) {
    if (gesture) return;
    gesture = true;
    try {
      if (mode === "element") {
        const el = await pickElement(doc, hint);
        if (!el) return;
        if (bringIntoView(el, win)) await afterRepaint(win, 0);
        await afterRepaint(win);
        const capture = elementPayload(el, doc, win);
        if (capture) await sendToWorker({ type: "capture.submit", capture });
      } else {
        const rect = await dragRegion(doc, hint);
        if (!rect) return;
        await afterRepaint(win);
        await sendToWorker({ type: "capture.submit", capture: regionPayload(rect, doc, win) });
      }
    } finally {
      gesture = false;
    }
  }

  onWorkerRequest(async (request: ContentRequest) => {
    switch (request.type) {
      case "content.ping":
        return "pong";
      case "content.selection":
        return selectionPayload(doc, win);
      case "content.context-element": {
        if (!contextTarget?.isConnected) {
          // Injected after the right-click: we never saw the target, so let the user pick it.
          void pick("element", request.hint);
          return null;
        }
        return elementPayload(contextTarget, doc, win);
      }
      case "content.page":
        return pagePayload("visible", doc, win);
      case "content.pick":
        void pick(request.mode, request.hint);
        return { started: true };
      case "content.review":
        await reviewer.review();
        return { ok: true };
      default: {
        const never: never = request;
        return never;
      }
    }
  });

  // Same-document navigations (SPAs) change the page without a reload.
  const nav = (win as unknown as { navigation?: EventTarget }).navigation;
  nav?.addEventListener("navigatesuccess", () => void reviewer.review().catch(() => undefined));
  void reviewer.review().catch(() => undefined);
}

const w = window as unknown as Record<string, unknown>;
if (!w[FLAG]) {
  w[FLAG] = true;
  main(document, window);
}
