// The two MV3 manifests, from one description. Chromium gets a module service
// worker and a side panel; Firefox gets background scripts (an event page)
// and a sidebar. No host permission is required at install: the content
// script is injected on demand (activeTab + scripting), and the server's
// origin — or competitor sites, or all sites — are optional host permissions
// the user grants from the options page.
import { extension } from "@sightline/shared/i18n/extension";

export type Target = "chrome" | "firefox";

export const GECKO_ID = "sightline@sightline.invalid";

/** _locales/<lang>/messages.json entries, from the shared vi/en catalogue. */
const MESSAGES = {
  appName: extension["app.name"],
  appDescription: extension["app.tagline"],
  cmdSelection: extension["command.selection"],
  cmdElement: extension["command.element"],
  cmdRegion: extension["command.region"],
  panelTitle: extension["app.name"],
} as const;

export function localeMessages(lang: "vi" | "en"): Record<string, { message: string }> {
  return Object.fromEntries(Object.entries(MESSAGES).map(([k, v]) => [k, { message: v[lang] }]));
}

const icons = {
  16: "icons/icon-16.png",
  32: "icons/icon-32.png",
  48: "icons/icon-48.png",
  128: "icons/icon-128.png",
};

const commands = {
  "capture-selection": {
    suggested_key: { default: "Alt+Shift+S" },
    description: "__MSG_cmdSelection__",
  },
  "capture-element": {
    suggested_key: { default: "Alt+Shift+E" },
    description: "__MSG_cmdElement__",
  },
  "capture-region": {
    // Not Alt+Shift+R: Chromium keeps that one for itself and silently leaves the command unbound.
    suggested_key: { default: "Alt+Shift+D" },
    description: "__MSG_cmdRegion__",
  },
};

const basePermissions = [
  "storage",
  "unlimitedStorage",
  "alarms",
  "activeTab",
  "scripting",
  "contextMenus",
];

export function manifest(target: Target, version: string): Record<string, unknown> {
  const common = {
    manifest_version: 3,
    name: "__MSG_appName__",
    description: "__MSG_appDescription__",
    version,
    default_locale: "vi",
    icons,
    action: { default_popup: "popup.html", default_title: "__MSG_appName__", default_icon: icons },
    options_ui: { page: "options.html", open_in_tab: true },
    commands,
    optional_host_permissions: ["<all_urls>"],
    content_security_policy: {
      extension_pages: "script-src 'self'; object-src 'self'; base-uri 'none'; form-action 'none'",
    },
  };
  if (target === "chrome") {
    return {
      ...common,
      minimum_chrome_version: "116",
      background: { service_worker: "background.js", type: "module" },
      side_panel: { default_path: "panel.html" },
      // offscreen: a DOMParser for watched pages (the service worker has none).
      permissions: [...basePermissions, "sidePanel", "offscreen"],
    };
  }
  return {
    ...common,
    // page-parser.js first: it gives the worker code the DOM compare step for watched pages.
    background: { scripts: ["page-parser.js", "background.js"] },
    sidebar_action: {
      default_panel: "panel.html",
      default_title: "__MSG_panelTitle__",
      default_icon: icons,
      open_at_install: false,
    },
    permissions: basePermissions,
    browser_specific_settings: {
      gecko: {
        id: GECKO_ID,
        strict_min_version: "140.0",
        data_collection_permissions: { required: ["websiteContent"], optional: [] },
      },
      gecko_android: { strict_min_version: "142.0" },
    },
  };
}
