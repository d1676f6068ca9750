// Composition root of the server process: `node server/dist/main.js` (built)
// or `tsx server/src/main.ts`. Reads the environment, then `sightline serve`
// (cli/serve.ts) does the rest: database, first-start admin, app, draining
// on SIGTERM.

import { startServer, stopOnSignals } from "./cli/serve.ts";
import { ConfigError, readConfig } from "./config.ts";
import { ServerRunningError } from "./runtime/data-dir-lock.ts";
import { findPackage } from "./runtime/package-home.ts";

try {
  const { home, version } = findPackage(import.meta.url);
  const server = await startServer(readConfig(process.env, home), { version });
  stopOnSignals(server);
} catch (e) {
  console.error(e instanceof ConfigError || e instanceof ServerRunningError ? e.message : e);
  process.exit(1);
}
