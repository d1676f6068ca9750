// The UI's translator: the extension catalogue plus the shared `common` one
// (sync status, time ago), for the locale chosen in settings.
import { ageKey, common } from "@sightline/shared/i18n/common";
import { extension } from "@sightline/shared/i18n/extension";
import { createTranslator, type Translate } from "@sightline/shared/i18n/translate";
import { createContext } from "preact";
import { useContext } from "preact/hooks";

const catalog = { ...common, ...extension };
export type Locale = "vi" | "en";
export type T = Translate<typeof catalog>;

export function translator(locale: Locale): T {
  return createTranslator(catalog, locale);
}

/** "3 min ago" in the locale. */
export function ago(t: T, ms: number): string {
  const { key, n } = ageKey(ms);
  return t(key, { n });
}

export const I18n = createContext<{ t: T; locale: Locale }>({ t: translator("vi"), locale: "vi" });
export const useI18n = () => useContext(I18n);
