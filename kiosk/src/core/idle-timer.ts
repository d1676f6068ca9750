// The idle reset of the feedback kiosk: after `ms` without a touch the flow
// goes back to its start (a customer who walked away mid-answer). `poke` on
// every interaction restarts the count; `disarm` when nothing is pending.

export const FEEDBACK_IDLE_MS = 20_000;

export type Timers = {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
};

export type IdleTimer = {
  /** Start (or restart) counting. */
  arm(): void;
  /** An interaction: restart the count if armed, otherwise do nothing. */
  poke(): void;
  /** Stop counting; `onIdle` will not fire. */
  disarm(): void;
  armed(): boolean;
};

const globalTimers: Timers = {
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (h) => globalThis.clearTimeout(h as ReturnType<typeof setTimeout>),
};

export function createIdleTimer(o: { ms: number; onIdle: () => void; timers?: Timers }): IdleTimer {
  const timers = o.timers ?? globalTimers;
  let handle: unknown = null;
  const clear = () => {
    if (handle !== null) timers.clearTimeout(handle);
    handle = null;
  };
  const arm = () => {
    clear();
    handle = timers.setTimeout(() => {
      handle = null;
      o.onIdle();
    }, o.ms);
  };
  return {
    arm,
    poke: () => {
      if (handle !== null) arm();
    },
    disarm: clear,
    armed: () => handle !== null,
  };
}
