// Types of build-if-stale.mjs for the tests that import it.
export type BuildTarget = { name: string; output: string; inputs: string[]; run: string[] };
export const TARGETS: BuildTarget[];
export function lockHash(root: string): string;
export function stampFile(root: string, target: BuildTarget): string;
export function staleReason(root: string, target: BuildTarget, hash: string): string | null;
export function recordBuilt(root: string, target: BuildTarget, hash: string): void;
