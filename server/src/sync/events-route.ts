// GET /v1/sync/events: Server-Sent Events pokes (`event: poke`, data
// {version}) for the caller's workspace, so clients pull right after someone
// pushes. A comment line every 25 s keeps proxies from closing the stream.
import { z } from "@hono/zod-openapi";
import { streamSSE } from "hono/streaming";
import type { AppDeps } from "../app-deps.ts";
import { ALL_DEVICES, ALL_USERS } from "../auth/roles.ts";
import { defineRoute } from "../http/route.ts";
import { newRouter } from "../http/router.ts";
import { principalOf } from "../middleware/auth/index.ts";

const route = defineRoute([...ALL_USERS, ...ALL_DEVICES], {
  method: "get",
  path: "/events",
  summary: "Live pokes after pushes (text/event-stream)",
  responses: {
    200: {
      description: "An event stream",
      content: { "text/event-stream": { schema: z.string() } },
    },
  },
});

export function syncEventsRoutes(deps: AppDeps) {
  const heartbeatMs = deps.sseHeartbeatMs ?? 25_000;
  return newRouter().openapi(route, (c) => {
    const p = principalOf(c);
    return streamSSE(c, async (stream) => {
      const closed = new Promise<void>((resolve) => {
        stream.onAbort(resolve);
        deps.shutdown?.addEventListener("abort", () => resolve(), { once: true });
      });
      const unsubscribe = deps.notifier.subscribe(p.workspaceId, (version) => {
        void stream.writeSSE({ event: "poke", data: JSON.stringify({ version }) });
      });
      const heartbeat = setInterval(() => void stream.write(": heartbeat\n\n"), heartbeatMs);
      try {
        await stream.write("retry: 5000\n: connected\n\n");
        await closed;
      } finally {
        clearInterval(heartbeat);
        unsubscribe();
      }
    }) as never;
  });
}
