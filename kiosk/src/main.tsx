// Composition root of the kiosk page: the sync worker behind a small RPC, the
// browser platform, the service worker, and the Preact app.
import { pickLocale } from "@sightline/shared/i18n/translate";
import { render } from "preact";
import { browserPlatform } from "./browser-platform.ts";
import { App } from "./ui/app.tsx";
import { KioskContext } from "./ui/kiosk-context.ts";
import type { KioskApi } from "./worker/api.ts";
import { wrapService } from "./worker/rpc.ts";
import "./ui/styles.css";

const worker = new Worker(new URL("./worker/sync.worker.ts", import.meta.url), {
  type: "module",
  name: "sightline-sync",
});
const remote = wrapService<KioskApi>(worker);
// Listeners cross the worker boundary as callbacks (worker/rpc.ts).
const api: KioskApi = {
  status: () => remote.status(),
  subscribe: (listener) => remote.subscribe(listener),
  pair: (input) => remote.pair(input),
  write: (w) => remote.write(w),
  requestSync: (reason) => remote.requestSync(reason),
  tally: (day, timeZone) => remote.tally(day, timeZone),
  checkPin: (pin) => remote.checkPin(pin),
  syncNow: () => remote.syncNow(),
  exportUnsent: () => remote.exportUnsent(),
  reconnect: (code) => remote.reconnect(code),
  unpair: (confirm) => remote.unpair(confirm),
  alerts: () => remote.alerts(),
};

if ("serviceWorker" in navigator && import.meta.env.PROD) {
  navigator.serviceWorker
    .register(`${import.meta.env.BASE_URL}sw.js`, { scope: import.meta.env.BASE_URL })
    .catch((e) => console.warn("service worker not registered", e));
}

const root = document.getElementById("app");
if (root) {
  render(
    <KioskContext.Provider value={{ api, platform: browserPlatform() }}>
      <App initialLocale={pickLocale(navigator.languages)} />
    </KioskContext.Provider>,
    root,
  );
}
