// The real app (createTestApp: in-memory SQLite) listening on a loopback port,
// for tests whose clients must go through real HTTP — fetch transports,
// kiosk services, browsers — without the cost of a server process.
import { type ServerType, serve } from "@hono/node-server";
import { createTestApp, type TestApp, type TestAppOptions } from "@sightline/server/testing";

export type LoopbackApp = TestApp & { base: string; stop(): Promise<void> };

export async function startLoopbackApp(o: TestAppOptions = {}): Promise<LoopbackApp> {
  const t = await createTestApp(o);
  const { server, port } = await new Promise<{ server: ServerType; port: number }>((resolve) => {
    const s = serve({ fetch: t.app.fetch, port: 0, hostname: "127.0.0.1" }, (info) =>
      resolve({ server: s, port: info.port }),
    );
  });
  return {
    ...t,
    base: `http://127.0.0.1:${port}`,
    async stop() {
      if ("closeAllConnections" in server) server.closeAllConnections();
      await new Promise((r) => server.close(r));
      await t.close();
    },
  };
}
