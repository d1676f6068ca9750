// One Vitest run for every package: unit tests sit beside the code, browser
// end-to-end tests live in test/. Environment per file via
// `// @vitest-environment happy-dom` where a DOM is needed.
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
  },
});
