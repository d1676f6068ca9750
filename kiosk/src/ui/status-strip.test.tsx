// @vitest-environment happy-dom
import { describe, expect, it } from "vitest";
import { fakePlatform, kioskService, renderUi } from "../../test/support/render.tsx";
import type { KioskStatus } from "../worker/api.ts";
import { StatusStrip } from "./status-strip.tsx";

const NOW = Date.UTC(2026, 2, 1, 3, 0, 0);
const base: KioskStatus = {
  deviceId: "d1",
  paired: true,
  serverUrl: "http://kiosk.test",
  device: null,
  name: null,
  config: null,
  unsynced: 0,
  oldestUnsyncedAt: null,
  lastSyncAt: null,
  sync: "idle",
  failure: null,
  rejected: 0,
};

async function strip(status: Partial<KioskStatus>) {
  const { service } = await kioskService({ paired: false });
  const platform = { ...fakePlatform(), now: () => NOW };
  const { el } = renderUi(<StatusStrip status={{ ...base, ...status }} />, {
    api: service,
    platform,
  });
  return el.querySelector('[data-testid="status-strip"]') as HTMLElement;
}

describe("status strip", () => {
  it("shows unsynced count, age of the oldest, and the last sync", async () => {
    const el = await strip({
      unsynced: 12,
      oldestUnsyncedAt: NOW - 20_000,
      lastSyncAt: NOW - 3 * 60_000,
    });
    expect(el.textContent).toContain("12 not synced");
    expect(el.textContent).toContain("oldest 20s ago");
    expect(el.textContent).toContain("Last synced 3 min ago");
    expect(el.querySelector("button")?.textContent).toBe("Sync now");
  });

  it("says all synced, or never synced", async () => {
    expect((await strip({})).textContent).toContain("All synced");
    expect((await strip({})).textContent).toContain("Never synced");
  });

  it("explains offline and unpaired states", async () => {
    expect((await strip({ sync: "waiting", failure: "network" })).textContent).toContain(
      "Offline — data is kept on this device",
    );
    const revoked = await strip({ sync: "unauthorized", unsynced: 3 });
    expect(revoked.textContent).toContain(
      "A manager disconnected this device — unsent data is kept",
    );
    // Sync now cannot help a revoked tablet: no button that does nothing.
    expect(revoked.querySelector("button")).toBeNull();
    expect((await strip({ rejected: 2 })).textContent).toContain("2 changes rejected");
  });
});
