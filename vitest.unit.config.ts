// `npm run test:unit`: the whole suite except the tests that start a browser
// or a child process (kept to minutes, not seconds, on a laptop). `npm test`
// runs everything. test/import-rules.test.ts checks that every test reaching
// `node:child_process` or playwright-core is left out here.
import { defineConfig, mergeConfig } from "vitest/config";
import base from "./vitest.config.ts";

/** Tests that start Chromium or another process, by glob (repository-relative). */
export const NOT_UNIT = [
  // Browser end to end: Chromium through playwright-core.
  "**/*.e2e.test.ts",
  // Real server processes (spawned, SIGKILLed, restarted).
  "**/*.process.test.ts",
  "test/multi-instance.test.ts",
  "test/soak.test.ts",
  "test/brute-force.test.ts",
  // The export zip checked by the system's own unzip; a TLS receiver's
  // certificate made by openssl.
  "server/src/journals/export/worth-sending.test.ts",
  "server/src/webhooks/send.test.ts",
  // The extension build as a child process, then web-ext lint.
  "extension/build.test.ts",
];

// Threads start faster than the full suite's forks; nothing left here needs a
// process of its own.
export default mergeConfig(base, defineConfig({ test: { exclude: NOT_UNIT, pool: "threads" } }));
