// Toolbar popup entry: the panel in compact form. Opening it grants
// activeTab, so captures started here can screenshot the page.
import { render } from "preact";
import browser from "webextension-polyfill";
import { createBrowserApi } from "../browser-api.ts";
import { Client } from "./client-context.ts";
import { PanelApp } from "./components/PanelApp.tsx";
import { panelActions } from "./page-actions.ts";
import { createWorkerClient } from "./worker-client.ts";
import "./ui.css";

const api = createBrowserApi(browser);
const root = document.getElementById("app");
if (root) {
  render(
    <Client.Provider value={createWorkerClient(api)}>
      <PanelApp compact actions={panelActions(api, { popup: true })} />
    </Client.Provider>,
    root,
  );
}
