// Browser actions the UI pages need inside user gestures (permission prompts,
// opening the side panel), built over the BrowserApi seam.
import type { BrowserApi } from "../browser-api.ts";
import { openBlobStorage } from "../worker/blob-storage.ts";
import type { PanelActions } from "./components/PanelApp.tsx";
import { savePhoto } from "./photo.ts";
import { saveFile } from "./save-file.ts";

export function panelActions(api: BrowserApi, opts: { popup: boolean }): PanelActions {
  // Opening the side panel must happen inside the click's user gesture, so the
  // window is looked up now rather than awaited in the click handler.
  let windowId: number | undefined;
  if (opts.popup) {
    void api.tabs.query({ active: true, currentWindow: true }).then(([tab]) => {
      windowId = tab?.windowId;
    });
  }
  return {
    async requestSiteAccess(url) {
      let pattern = "<all_urls>";
      try {
        if (url && /^https?:/.test(url)) pattern = `${new URL(url).origin}/*`;
      } catch {
        // keep <all_urls>
      }
      return api.permissions.request([pattern]).catch(() => false);
    },
    openOptions: () => void api.runtime.openOptionsPage(),
    download: (name, text) => saveFile(name, text),
    ...(opts.popup
      ? {
          openPanel: () => {
            void api.panel
              .open(windowId ?? -2 /* windows.WINDOW_ID_CURRENT */)
              .then(() => window.close())
              .catch(() => undefined);
          },
          gestureStarted: () => window.close(),
        }
      : {}),
    async savePhoto(file) {
      const blobs = await openBlobStorage();
      try {
        return await savePhoto(file, blobs, Date.now());
      } finally {
        blobs.close();
      }
    },
  };
}
