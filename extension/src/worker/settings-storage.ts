// Settings and the device pairing, in extension storage (storage.local).
// The token never leaves the worker: UI pages get SyncStatusView, not Pairing.
import { pickLocale } from "@sightline/shared/i18n/translate";
import type { BrowserApi } from "../browser-api.ts";
import type { Pairing, Settings, SettingsPatch } from "../messages.ts";

const SETTINGS = "settings";
const PAIRING = "pairing";

export type SettingsStorage = {
  settings(): Promise<Settings>;
  update(patch: SettingsPatch): Promise<Settings>;
  pairing(): Promise<Pairing | null>;
  setPairing(p: Pairing | null): Promise<void>;
};

export function defaultSettings(languages: readonly string[] | undefined): Settings {
  return {
    locale: pickLocale(languages),
    eventMode: { active: false, eventName: "", booth: "" },
    accessPrompted: false,
    selectionScreenshots: false,
  };
}

export function createSettingsStorage(
  api: BrowserApi,
  languages?: readonly string[],
): SettingsStorage {
  const settings = async (): Promise<Settings> => ({
    ...defaultSettings(languages),
    ...((await api.storage.get<Partial<Settings>>(SETTINGS)) ?? {}),
  });
  return {
    settings,
    async update(patch) {
      const next: Settings = { ...(await settings()) };
      if (patch.locale) next.locale = patch.locale;
      if (patch.eventMode) next.eventMode = { ...patch.eventMode };
      if (patch.accessPrompted !== undefined) next.accessPrompted = patch.accessPrompted;
      if (patch.selectionScreenshots !== undefined)
        next.selectionScreenshots = patch.selectionScreenshots;
      await api.storage.set(SETTINGS, next);
      return next;
    },
    async pairing() {
      return (await api.storage.get<Pairing>(PAIRING)) ?? null;
    },
    async setPairing(p) {
      if (p) await api.storage.set(PAIRING, p);
      else await api.storage.remove(PAIRING);
    },
  };
}
