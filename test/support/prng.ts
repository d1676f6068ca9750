// Seeded PRNG (mulberry32): fault-injection runs are reproducible from a seed.
export type Rng = {
  next(): number;
  int(max: number): number;
  chance(p: number): boolean;
  pick<T>(a: readonly T[]): T;
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
  return {
    next,
    int: (max) => Math.floor(next() * max),
    chance: (p) => next() < p,
    pick: (arr) => arr[Math.floor(next() * arr.length)] as (typeof arr)[number],
  };
}
