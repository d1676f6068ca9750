// The real Platform over browser APIs (the one seam tests replace).
import type { Platform } from "./ui/kiosk-context.ts";

type WakeLockSentinelLike = { release(): Promise<void>; released?: boolean };
type WakeLockLike = { request(type: "screen"): Promise<WakeLockSentinelLike> };

export function browserPlatform(): Platform {
  let sentinel: WakeLockSentinelLike | null = null;
  const wakeLock = (navigator as Navigator & { wakeLock?: WakeLockLike }).wakeLock;
  const PREFIX = "sightline.kiosk.";
  return {
    now: () => Date.now(),
    persistStorage: async () => (await navigator.storage?.persist?.()) ?? false,
    persisted: async () => (await navigator.storage?.persisted?.()) ?? false,
    wakeLock: {
      async acquire() {
        if (!wakeLock || (sentinel && !sentinel.released)) return;
        try {
          sentinel = await wakeLock.request("screen");
        } catch {
          // Not allowed now (hidden page, battery saver): retried on visibility.
        }
      },
      async release() {
        const s = sentinel;
        sentinel = null;
        await s?.release().catch(() => undefined);
      },
    },
    settings: {
      get: (key) => {
        try {
          return localStorage.getItem(PREFIX + key);
        } catch {
          return null;
        }
      },
      set: (key, value) => {
        try {
          if (value === null) localStorage.removeItem(PREFIX + key);
          else localStorage.setItem(PREFIX + key, value);
        } catch {
          // storage full or blocked: the setting just won't survive a reload
        }
      },
    },
    origin: location.origin,
    pairingCodeFromUrl: () => new URLSearchParams(location.hash.slice(1)).get("pair"),
    clearPairingCodeFromUrl: () => {
      if (location.hash) history.replaceState(null, "", location.pathname + location.search);
    },
    download: (name, text, type) => {
      const url = URL.createObjectURL(new Blob([text], { type }));
      const a = document.createElement("a");
      a.href = url;
      a.download = name;
      document.body.append(a);
      a.click();
      a.remove();
      // The download has started; the URL may go once the browser has read it.
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    },
  };
}
