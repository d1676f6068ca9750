// What several worker services read: the workspace configuration the server
// sent in its last pull (competitors, tags) and a translator for the user's
// language (observations written by the worker use it for generated text).

import { extension } from "@sightline/shared/i18n/extension";
import { createTranslator, type Translate } from "@sightline/shared/i18n/translate";
import type { ConfigView } from "../messages.ts";
import type { SettingsStorage } from "./settings-storage.ts";
import type { SyncService } from "./sync-service.ts";

export type WorkerContext = {
  config(): Promise<ConfigView>;
  t(): Promise<Translate<typeof extension>>;
};

export function createWorkerContext(sync: SyncService, settings: SettingsStorage): WorkerContext {
  return {
    async config() {
      const session = await sync.session();
      const config = (await session?.storage.meta())?.config;
      return {
        competitors: (config?.competitors ?? []).map((c) => ({
          id: c.id,
          name: c.name,
          domains: c.domains,
        })),
        tags: config?.tags ?? [],
      };
    },
    async t() {
      return createTranslator(extension, (await settings.settings()).locale);
    },
  };
}
