#!/usr/bin/env node
// The `sightline` command: the built CLI (dist/cli.js, after `npm run build`),
// or in a checkout that was never built, the TypeScript source through tsx.
import { existsSync } from "node:fs";

const built = new URL("../dist/cli.js", import.meta.url);
if (existsSync(built)) {
  await import(built.href);
} else {
  let register;
  try {
    ({ register } = await import("tsx/esm/api"));
  } catch {
    process.stderr.write("sightline: the server is not built; run `npm run build` first\n");
    process.exit(1);
  }
  register();
  await import(new URL("../src/cli/bin.ts", import.meta.url).href);
}
