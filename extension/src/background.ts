// The extension's only composition root: the service worker (Chrome) or
// event page (Firefox). It owns IndexedDB — the shared sync engine's database
// and blob storage — and is the only context that talks to the server;
// content scripts and UI pages only message it. Listeners are registered
// synchronously here so events that wake the worker are not missed.
import { openIdbStorage } from "@sightline/browser/idb-storage";
import { loadSchemaMessages } from "@sightline/shared";
import { deleteDB } from "idb";
import browser from "webextension-polyfill";
import * as z from "zod/mini";
import { createBrowserApi } from "./browser-api.ts";
import { createPageComparer } from "./offscreen/page-comparer.ts";
import { openBlobStorage } from "./worker/blob-storage.ts";
import { lazyBlobStorage } from "./worker/lazy-blob-storage.ts";
import { createScreenshotter } from "./worker/screenshot.ts";
import { createIntervalQueue, realClock } from "./worker/throttle.ts";
import { openWatchStorage } from "./worker/watch-storage.ts";
import { createWorkerApp } from "./worker/worker-app.ts";

/** captureVisibleTab: at most 2 calls per second → one every 510 ms, with a margin. */
const SCREENSHOT_INTERVAL_MS = 510;

// Extension pages and workers forbid eval (CSP); zod must not even probe for it.
z.config({ jitless: true });
loadSchemaMessages();

const api = createBrowserApi(browser);
const app = createWorkerApp({
  api,
  blobs: lazyBlobStorage(() => openBlobStorage()),
  openStorage: (name) => openIdbStorage(name),
  deleteStorage: (name) => deleteDB(name),
  screenshots: createScreenshotter({
    captureVisibleTab: (windowId) => api.tabs.captureVisibleTab(windowId),
    queue: createIntervalQueue(SCREENSHOT_INTERVAL_MS, realClock),
    sleep: realClock.sleep,
  }),
  openWatchStorage: memo(() => openWatchStorage()),
  comparePages: createPageComparer(),
  languages: navigator.languages,
});
app.install();

/** Open once; a failed open is tried again next time. */
function memo<T>(open: () => Promise<T>): () => Promise<T> {
  let p: Promise<T> | null = null;
  return () => {
    p ??= open().catch((e: unknown) => {
      p = null;
      throw e;
    });
    return p;
  };
}
// Waking up paired (browser start, alarm, message): push anything left over.
void app.sync.request("start");
