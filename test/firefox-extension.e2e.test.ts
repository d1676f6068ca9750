// The extension end to end in real Firefox ESR (Debian's firefox-esr, driven
// by puppeteer-core over WebDriver BiDi) with the Firefox build installed as a
// temporary add-on: the same scenario as Chromium (test/extension-scenarios.ts).
// Skipped only where Firefox ESR is not installed outside CI; .ci/run installs it.
import { existsSync } from "node:fs";
import { describe } from "vitest";
import { FIREFOX, firefoxDriver } from "./extension-drivers.ts";
import { extensionScenario } from "./extension-scenarios.ts";

if (existsSync(FIREFOX) || process.env.CI) extensionScenario("Firefox ESR", firefoxDriver);
else describe.skip("extension end to end (Firefox ESR not installed)", () => undefined);
