// Side panel (Chrome) / sidebar (Firefox) entry. `?tab=<id>` pins it to one
// tab (used when the panel is opened as a page of its own).
import { render } from "preact";
import browser from "webextension-polyfill";
import { createBrowserApi } from "../browser-api.ts";
import { Client } from "./client-context.ts";
import { PanelApp } from "./components/PanelApp.tsx";
import { panelActions } from "./page-actions.ts";
import { createWorkerClient } from "./worker-client.ts";
import "./ui.css";

const api = createBrowserApi(browser);
const tabParam = new URLSearchParams(location.search).get("tab");
const tabId = tabParam && /^\d+$/.test(tabParam) ? Number(tabParam) : undefined;
const root = document.getElementById("app");
if (root) {
  render(
    <Client.Provider value={createWorkerClient(api)}>
      <PanelApp tabId={tabId} actions={panelActions(api, { popup: false })} />
    </Client.Provider>,
    root,
  );
}
