// Context-menu entries and keyboard commands. Both grant activeTab for the
// tab they were used on, so captures started here can inject the content
// script and take a screenshot without any host permission.
import type { ExtensionKey } from "@sightline/shared/i18n/extension";
import type { BrowserApi, MenuItem } from "../browser-api.ts";
import type { CaptureKind } from "../messages.ts";

type MenuDef = {
  id: string;
  key: ExtensionKey;
  contexts: MenuItem["contexts"];
  kind: CaptureKind | "context-element";
};

export const MENUS: readonly MenuDef[] = [
  { id: "capture-selection", key: "menu.selection", contexts: ["selection"], kind: "selection" },
  {
    id: "capture-element",
    key: "menu.element",
    contexts: ["page", "image", "link"],
    kind: "context-element",
  },
  { id: "capture-region", key: "menu.region", contexts: ["page", "image"], kind: "region" },
  { id: "capture-visible", key: "menu.visible", contexts: ["page", "image"], kind: "visible" },
];

/** Command names as declared in the manifests (`commands`). */
export const COMMANDS: Readonly<Record<string, CaptureKind>> = {
  "capture-selection": "selection",
  "capture-element": "element",
  "capture-region": "region",
};

export async function createMenus(
  api: BrowserApi,
  t: (key: ExtensionKey) => string,
): Promise<void> {
  await api.menus.removeAll();
  for (const m of MENUS) api.menus.create({ id: m.id, title: t(m.key), contexts: m.contexts });
}

export function menuKind(menuItemId: string): MenuDef["kind"] | null {
  return MENUS.find((m) => m.id === menuItemId)?.kind ?? null;
}
