// Is the server there? Every API call reports whether it got an answer; after
// a network failure the app probes `/health` every few seconds until the
// server answers again. The offline banner and the live badge read this, so
// "Offline" shows as soon as a save fails, not only when the event stream
// notices.
export type Connection = {
  online(): boolean;
  subscribe(listener: (online: boolean) => void): () => void;
  report(reachable: boolean): void;
  /** Ask the server now (the event stream dropped): offline only if it does not answer. */
  check(): Promise<void>;
};

export type ConnectionOptions = {
  /** Resolves true when the server answers (default: GET /health). */
  probe?: () => Promise<boolean>;
  probeEveryMs?: number;
};

export function createConnection({
  probe = defaultProbe,
  probeEveryMs = 3000,
}: ConnectionOptions = {}): Connection {
  let online = true;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const listeners = new Set<(online: boolean) => void>();

  const set = (next: boolean) => {
    if (next === online) return;
    online = next;
    for (const l of [...listeners]) l(online);
    if (!online) schedule();
  };
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const ok = await probe().catch(() => false);
      if (ok) set(true);
      else if (!online) schedule();
    }, probeEveryMs);
  };

  return {
    online: () => online,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    report: set,
    async check() {
      set(await probe().catch(() => false));
    },
  };
}

async function defaultProbe(): Promise<boolean> {
  try {
    const r = await fetch("/health", { cache: "no-store" });
    return r.status !== 502 && r.status !== 504;
  } catch {
    return false;
  }
}

/** A connection that is always online (tests, and pages rendered without one). */
export const ALWAYS_ONLINE: Connection = {
  online: () => true,
  subscribe: () => () => {},
  report: () => {},
  check: async () => {},
};
