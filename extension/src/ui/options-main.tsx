// Options page entry: pairing, language, site access.
import { render } from "preact";
import browser from "webextension-polyfill";
import { createBrowserApi } from "../browser-api.ts";
import { Client } from "./client-context.ts";
import { OptionsApp } from "./components/OptionsApp.tsx";
import { saveFile } from "./save-file.ts";
import { createWorkerClient } from "./worker-client.ts";
import "./ui.css";

const api = createBrowserApi(browser);
const isFirefox = api.runtime.getURL("").startsWith("moz-extension:");
const root = document.getElementById("app");
if (root) {
  render(
    <Client.Provider value={createWorkerClient(api)}>
      <OptionsApp
        actions={{
          requestOrigins: (origins) => api.permissions.request(origins),
          hasOrigins: (origins) => api.permissions.contains(origins),
          download: (name, text) => saveFile(name, text),
          defaultDeviceName: `${isFirefox ? "Firefox" : "Chrome"} · ${navigator.platform}`.slice(
            0,
            100,
          ),
        }}
      />
    </Client.Provider>,
    root,
  );
}
