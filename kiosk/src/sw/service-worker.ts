// The kiosk's service worker: precaches the app shell (every built file, the
// list injected at build time by vite.config.ts) so the kiosk reloads and
// works with the server unreachable. A new build changes this file's bytes
// (its precache list and version), so the browser installs the new shell
// atomically and the next load uses it. API calls (/v1/…) pass straight
// through: only the kiosk's own files under the scope are answered here.

/** The worker's scope, with the precache list and version the build writes into sw.js. */
const sw = self as unknown as ServiceWorkerGlobalScope & {
  __PRECACHE?: string[];
  __VERSION?: string;
};
const PRECACHE = sw.__PRECACHE ?? [];
const CACHE = `sightline-kiosk-${sw.__VERSION ?? "dev"}`;
const scope = new URL(sw.registration.scope);
const SHELL = new URL("index.html", scope).href;

sw.addEventListener("install", (e) => {
  e.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      await cache.addAll(
        PRECACHE.map((p) => new Request(new URL(p, scope).href, { cache: "reload" })),
      );
      await sw.skipWaiting();
    })(),
  );
});

sw.addEventListener("activate", (e) => {
  e.waitUntil(
    (async () => {
      for (const key of await caches.keys()) {
        if (key.startsWith("sightline-kiosk-") && key !== CACHE) await caches.delete(key);
      }
      await sw.clients.claim();
    })(),
  );
});

async function fromCache(request: Request, key: string | Request): Promise<Response> {
  const cache = await caches.open(CACHE);
  const hit = await cache.match(key, { ignoreSearch: true });
  if (hit) return hit;
  const res = await fetch(request);
  if (res.ok && res.type === "basic") await cache.put(key, res.clone());
  return res;
}

sw.addEventListener("fetch", (e) => {
  const req = e.request;
  if (req.method !== "GET") return;
  const url = new URL(req.url);
  if (url.origin !== scope.origin || !url.pathname.startsWith(scope.pathname)) return;
  // Every navigation inside the kiosk gets the one shell (hash routes, ?query).
  e.respondWith(fromCache(req, req.mode === "navigate" ? SHELL : req));
});
