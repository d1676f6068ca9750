// A seeded PRNG (mulberry32) and deterministic ids, so the demo seed writes
// the same observations (same ids, same seqs) every time it runs — which is
// what makes re-running it a no-op through the push algorithm.
export type Rng = {
  next(): number;
  int(n: number): number;
  pick<T>(xs: readonly T[]): T;
  chance(p: number): boolean;
};

export function createRng(seed: number): Rng {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  return {
    next,
    int,
    pick: (xs) => xs[int(xs.length)] as (typeof xs)[number],
    chance: (p) => next() < p,
  };
}

/** A UUIDv7-shaped id from a name: time-ordered by `ms`, stable for the same name. */
export function demoId(ms: number, name: string): string {
  let h = 2166136261;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 16777619) >>> 0;
  const rng = createRng(h);
  const hex = (n: number, width: number) => n.toString(16).padStart(width, "0");
  const rand = (digits: number) =>
    Array.from({ length: digits }, () => hex(rng.int(16), 1)).join("");
  const t = hex(ms, 12);
  return `${t.slice(0, 8)}-${t.slice(8)}-7${rand(3)}-${hex(8 + rng.int(4), 1)}${rand(3)}-${rand(12)}`;
}

/** ISO-8601 in Vietnam time (UTC+07:00), as a phone in Hồ Chí Minh City would stamp it. */
export function vnTime(ms: number): string {
  return `${new Date(ms + 7 * 3_600_000).toISOString().slice(0, 19)}+07:00`;
}
