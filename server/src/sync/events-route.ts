// GET /v1/sync/events: Server-Sent Events pokes (`event: poke`, data
// {version}) for the caller's workspace, so clients pull right after someone
// pushes. A comment line every 25 s keeps proxies from closing the stream.
// Streams are capped per token (one more than `ssePerToken` → 429 problem,
// so a tab storm or a leaking client cannot hold every socket), and on
// shutdown each stream gets `event: bye` with a short `retry:` hint so the
// browser reconnects (to another instance) soon, not after the usual 5 s.
import { createHash } from "node:crypto";
import { z } from "@hono/zod-openapi";
import { streamSSE } from "hono/streaming";
import { openAlertCounter } from "../alerts/stream-count.ts";
import type { AppDeps } from "../app-deps.ts";
import { ALL_DEVICES, ALL_USERS } from "../auth/roles.ts";
import { HttpProblem } from "../http/problem.ts";
import { defineRoute } from "../http/route.ts";
import { newRouter } from "../http/router.ts";
import { principalOf, requestToken } from "../middleware/auth/index.ts";

// Read keys may listen for pokes (a BI tool refreshes when data arrives); they never push or pull.
const route = defineRoute([...ALL_USERS, ...ALL_DEVICES, "key:read"], {
  method: "get",
  path: "/events",
  summary: "Live pokes after pushes (text/event-stream)",
  responses: {
    200: {
      description: "An event stream",
      content: { "text/event-stream": { schema: z.string() } },
    },
    429: { description: "Too many open streams for this token" },
  },
});

/** Reconnect hint sent with the goodbye on shutdown (ms). */
export const SHUTDOWN_RETRY_MS = 1000;

export function syncEventsRoutes(deps: AppDeps) {
  const heartbeatMs = deps.sseHeartbeatMs ?? 25_000;
  const perToken = deps.ssePerToken ?? 8;
  const open = new Map<string, number>();
  return newRouter().openapi(route, (c) => {
    const p = principalOf(c);
    const key = createHash("sha256")
      .update(requestToken(c)?.token ?? "")
      .digest("hex");
    const count = open.get(key) ?? 0;
    if (count >= perToken)
      throw new HttpProblem(
        429,
        "Too many streams",
        `at most ${perToken} open event streams per token; close one first`,
        { headers: { "retry-after": "30" } },
      );
    open.set(key, count + 1);
    const release = () => {
      const n = (open.get(key) ?? 1) - 1;
      if (n <= 0) open.delete(key);
      else open.set(key, n);
    };
    return streamSSE(c, async (stream) => {
      let stopping = false;
      const closed = new Promise<void>((resolve) => {
        stream.onAbort(resolve);
        if (deps.shutdown?.aborted) resolve();
        deps.shutdown?.addEventListener(
          "abort",
          () => {
            stopping = true;
            resolve();
          },
          { once: true },
        );
      });
      // Additively, the open-alert count (docs/alerts.md): at connect, then
      // after a poke when it changed. Clients that do not know it ignore it.
      const countAlerts = openAlertCounter(deps.db, p);
      let alertsSent: number | null = null;
      const sendAlerts = async () => {
        if (!countAlerts) return;
        const open = await countAlerts().catch(() => alertsSent);
        if (open === null || open === alertsSent) return;
        alertsSent = open;
        await stream.writeSSE({ event: "alerts", data: JSON.stringify({ open }) });
      };
      const unsubscribe = deps.notifier.subscribe(p.workspaceId, (version) => {
        void stream.writeSSE({ event: "poke", data: JSON.stringify({ version }) });
        void sendAlerts();
      });
      const heartbeat = setInterval(() => void stream.write(": heartbeat\n\n"), heartbeatMs);
      try {
        await stream.write("retry: 5000\n: connected\n\n");
        await sendAlerts();
        await closed;
        if (stopping)
          await stream.write(
            `event: bye\ndata: {"reason":"shutdown"}\nretry: ${SHUTDOWN_RETRY_MS}\n\n`,
          );
      } finally {
        clearInterval(heartbeat);
        unsubscribe();
        release();
      }
    }) as never;
  });
}
