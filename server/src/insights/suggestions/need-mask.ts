// The 16 needs as bits of one integer: an observation's need set costs no
// allocation, and set operations are single instructions.
import { NEED_CODES, type NeedCode } from "@sightline/shared";

const BIT = new Map<string, number>(NEED_CODES.map((n, i) => [n, 1 << i]));

/** The bit of a need code, 0 for anything else. */
export const needBit = (code: string): number => BIT.get(code) ?? 0;

export function maskOf(codes: Iterable<string>): number {
  let m = 0;
  for (const c of codes) m |= needBit(c);
  return m;
}

/** Need codes of a mask, in vocabulary order. */
export function needsOf(mask: number): NeedCode[] {
  return NEED_CODES.filter((_, i) => mask & (1 << i));
}

export const hasNeed = (mask: number, code: NeedCode): boolean => (mask & needBit(code)) !== 0;
