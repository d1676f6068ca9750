// One Vitest run for every package: unit tests sit beside the code, browser
// end-to-end tests live in test/. Environment per file via
// `// @vitest-environment happy-dom` where a DOM is needed.
import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

export default defineConfig({
  oxc: { jsx: { runtime: "automatic", importSource: "preact" } },
  test: {
    include: [
      "{shared,browser,server,kiosk,extension,test}/**/*.test.{ts,tsx}",
      "server/test/**/*.test.{ts,tsx}",
      "eval/**/*.test.ts",
    ],
    exclude: ["**/node_modules/**", "**/dist/**"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    // At least two files at once, even on two cores (Vitest's default there
    // is one): most of the slow files wait on browsers, server processes and
    // PostgreSQL rather than on this process, so a second worker halves
    // the suite's wall time (18 -> 10 min on the 2-core CI machine).
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
