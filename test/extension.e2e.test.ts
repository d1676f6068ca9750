// The extension end to end in real Chromium (Debian's, through playwright-core)
// with the unpacked build loaded: the scenario in test/extension-scenarios.ts,
// which Firefox ESR runs too (test/firefox-extension.e2e.test.ts).
import { chromiumDriver } from "./extension-drivers.ts";
import { extensionScenario } from "./extension-scenarios.ts";

extensionScenario("Chromium", chromiumDriver);
