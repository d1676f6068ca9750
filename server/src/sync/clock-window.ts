// Writes applied by the server on a device's behalf (an imported unsent-data
// file) have no client left to re-stamp what the clock bound refuses, so the
// server brings them into the window itself: a stamp ahead of now + drift
// becomes now (its order among the file's writes kept by the counter), and a
// capturedAt outside 2000 … now + 1 day becomes now in the same UTC offset.
// Nothing the device recorded is lost to its wrong clock.
import { correctCapturedAt, hlcFormat, hlcTryParse, type Mutation } from "@sightline/shared";

export function intoClockWindow(
  mutations: readonly Mutation[],
  now: Date,
  maxDriftMs: number,
): Mutation[] {
  const ms = now.getTime();
  let counter = 0;
  return [...mutations]
    .sort((a, b) => a.seq - b.seq)
    .map((m) => {
      const stamp = hlcTryParse(m.hlc);
      const hlc =
        stamp && stamp.ms > ms + maxDriftMs
          ? hlcFormat({ ms, counter: counter++, node: stamp.node })
          : m.hlc;
      const capturedAt = m.op === "obs.create" ? m.fields?.capturedAt : undefined;
      const fields =
        typeof capturedAt === "string"
          ? { ...m.fields, capturedAt: correctCapturedAt(capturedAt, 0, ms) }
          : m.fields;
      return { ...m, hlc, ...(fields ? { fields } : {}) };
    });
}
