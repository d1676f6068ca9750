import { describe, expect, it } from "vitest";
import type { SyncEngine, SyncOutcome } from "./engine.ts";
import { backoffDelay, createSyncScheduler, type Timers } from "./scheduler.ts";

/** Manual timers: tests advance time explicitly. */
function fakeTimers() {
  let now = 0;
  let id = 0;
  const pending = new Map<number, { at: number; fn: () => void }>();
  const timers: Timers = {
    setTimeout: (fn, ms) => {
      pending.set(++id, { at: now + ms, fn });
      return id;
    },
    clearTimeout: (h) => void pending.delete(h as number),
  };
  const advance = async (ms: number) => {
    const until = now + ms;
    for (;;) {
      const next = [...pending.entries()].sort((a, b) => a[1].at - b[1].at)[0];
      if (!next || next[1].at > until) break;
      pending.delete(next[0]);
      now = next[1].at;
      next[1].fn();
      await new Promise<void>((r) => setTimeout(r, 0));
    }
    now = until;
  };
  return { timers, advance, now: () => now, pending };
}

function scriptedEngine(outcomes: SyncOutcome[]) {
  const calls: number[] = [];
  const engine = {
    sync: async () => {
      calls.push(calls.length);
      return outcomes.shift() ?? { ok: true, pushed: 0, pulled: 0 };
    },
  } as unknown as SyncEngine;
  return { engine, calls };
}

describe("backoffDelay", () => {
  it("grows exponentially, stays within [ceiling/2, ceiling] and is capped", () => {
    expect(backoffDelay(1, 1000, 60_000, () => 0)).toBe(500);
    expect(backoffDelay(1, 1000, 60_000, () => 1)).toBe(1000);
    expect(backoffDelay(4, 1000, 60_000, () => 1)).toBe(8000);
    expect(backoffDelay(30, 1000, 60_000, () => 1)).toBe(60_000);
  });
});

describe("sync scheduler", () => {
  it("debounces writes into one round", async () => {
    const t = fakeTimers();
    const { engine, calls } = scriptedEngine([]);
    const s = createSyncScheduler({ engine, timers: t.timers, now: t.now, debounceMs: 300 });
    s.request("write");
    s.request("write");
    s.request("write");
    await t.advance(299);
    expect(calls.length).toBe(0);
    await t.advance(1);
    await s.idle();
    expect(calls.length).toBe(1);
  });

  it("backs off after failures and honours Retry-After", async () => {
    const t = fakeTimers();
    const { engine, calls } = scriptedEngine([
      { ok: false, failure: "network", detail: "x" },
      { ok: false, failure: "rate-limited", retryAfterMs: 30_000, detail: "429" },
    ]);
    const s = createSyncScheduler({
      engine,
      timers: t.timers,
      now: t.now,
      random: () => 1,
      baseDelayMs: 1000,
    });
    s.request("manual");
    await new Promise<void>((r) => setTimeout(r, 0));
    expect(s.status()).toMatchObject({ state: "waiting", failures: 1, nextAttemptAt: 1000 });
    await t.advance(1000);
    expect(calls.length).toBe(2);
    expect(s.status()).toMatchObject({ state: "waiting", nextAttemptAt: 31_000 });
    await t.advance(29_999);
    expect(calls.length).toBe(2);
    await t.advance(1);
    await s.idle();
    expect(calls.length).toBe(3);
    expect(s.status()).toMatchObject({ state: "idle", failures: 0 });
  });

  it("runs again when asked during a round, and stops for good on 401", async () => {
    const t = fakeTimers();
    const { engine, calls } = scriptedEngine([
      { ok: true, pushed: 1, pulled: 0 },
      { ok: false, failure: "unauthorized", detail: "" },
    ]);
    const s = createSyncScheduler({ engine, timers: t.timers, now: t.now });
    s.request("manual");
    s.request("poke"); // arrives while the first round runs
    await s.idle();
    expect(calls.length).toBe(2);
    expect(s.status().state).toBe("unauthorized");
    expect(t.pending.size).toBe(0);
  });

  it("syncNow answers with the outcome of a round that started after the call", async () => {
    const t = fakeTimers();
    let release: () => void = () => {};
    const outcomes: SyncOutcome[] = [
      { ok: true, pushed: 1, pulled: 0 },
      { ok: false, failure: "network", detail: "offline" },
    ];
    const calls: number[] = [];
    const engine = {
      sync: async () => {
        calls.push(calls.length);
        if (calls.length === 1) await new Promise<void>((r) => (release = r));
        return outcomes.shift() ?? { ok: true, pushed: 0, pulled: 0 };
      },
    } as unknown as SyncEngine;
    const s = createSyncScheduler({ engine, timers: t.timers, now: t.now, random: () => 1 });
    s.request("start");
    const answer = s.syncNow(); // a round is running: it does not count
    release();
    expect(await answer).toEqual({ ok: false, failure: "network", detail: "offline" });
    expect(calls.length).toBe(2);
    expect(s.status().state).toBe("waiting");
  });

  it("syncNow pressed during a failing round runs at once, not after the backoff", async () => {
    const t = fakeTimers();
    const { engine, calls } = scriptedEngine([
      { ok: false, failure: "network", detail: "x" },
      { ok: false, failure: "network", detail: "x" },
      { ok: false, failure: "network", detail: "x" },
    ]);
    const s = createSyncScheduler({ engine, timers: t.timers, now: t.now, baseDelayMs: 60_000 });
    s.request("manual");
    const first = s.syncNow();
    const second = s.syncNow();
    expect(await first).toMatchObject({ ok: false, failure: "network" });
    expect(await second).toMatchObject({ ok: false, failure: "network" });
    expect(calls.length).toBe(2);
    expect(t.now()).toBe(0);
  });

  it("syncNow reports a 401 and answers null once stopped", async () => {
    const t = fakeTimers();
    const { engine } = scriptedEngine([{ ok: false, failure: "unauthorized", detail: "revoked" }]);
    const s = createSyncScheduler({ engine, timers: t.timers, now: t.now });
    expect(await s.syncNow()).toMatchObject({ ok: false, failure: "unauthorized" });
    expect(s.status().state).toBe("unauthorized");
    s.stop();
    expect(await s.syncNow()).toBeNull();
  });
});
