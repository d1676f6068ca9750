// Entry of the `sightline` command (server/bin/sightline.js loads the built
// dist/cli.js, or this file through tsx in a checkout without a build).
import { spawnSync } from "node:child_process";
import { findPackage } from "../runtime/package-home.ts";
import { runCli } from "./main.ts";

const { home, version } = findPackage(import.meta.url);
const code = await runCli(process.argv.slice(2), {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
  env: process.env,
  home,
  version,
  run: (command, args) => spawnSync(command, args, { encoding: "utf8" }),
});
// `serve` keeps running; every other command ends here.
if (process.argv[2] !== "serve" || code !== 0) process.exitCode = code;
