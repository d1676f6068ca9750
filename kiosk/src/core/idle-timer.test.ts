import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createIdleTimer, FEEDBACK_IDLE_MS } from "./idle-timer.ts";

describe("idle timer", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("fires once after the idle time", () => {
    const onIdle = vi.fn();
    const idle = createIdleTimer({ ms: FEEDBACK_IDLE_MS, onIdle });
    idle.arm();
    vi.advanceTimersByTime(FEEDBACK_IDLE_MS - 1);
    expect(onIdle).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(onIdle).toHaveBeenCalledTimes(1);
    expect(idle.armed()).toBe(false);
    vi.advanceTimersByTime(FEEDBACK_IDLE_MS * 3);
    expect(onIdle).toHaveBeenCalledTimes(1);
  });

  it("restarts the count on every poke", () => {
    const onIdle = vi.fn();
    const idle = createIdleTimer({ ms: 20_000, onIdle });
    idle.arm();
    for (let i = 0; i < 5; i++) {
      vi.advanceTimersByTime(15_000);
      idle.poke();
    }
    expect(onIdle).not.toHaveBeenCalled();
    vi.advanceTimersByTime(20_000);
    expect(onIdle).toHaveBeenCalledTimes(1);
  });

  it("ignores pokes while disarmed and never fires after disarm", () => {
    const onIdle = vi.fn();
    const idle = createIdleTimer({ ms: 1000, onIdle });
    idle.poke();
    vi.advanceTimersByTime(5000);
    idle.arm();
    idle.disarm();
    vi.advanceTimersByTime(5000);
    expect(onIdle).not.toHaveBeenCalled();
  });
});
