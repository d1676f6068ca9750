// The kiosk's translator: its own catalogue plus the shared `common` strings
// (sync status, time ago, language names). Feedback mode nests a second
// provider so a customer's language choice never changes the staff's.
import { common } from "@sightline/shared/i18n/common";
import { kiosk } from "@sightline/shared/i18n/kiosk";
import { createTranslator, type Translate } from "@sightline/shared/i18n/translate";
import type { Locale } from "@sightline/shared/vocabulary/label";
import { type ComponentChildren, createContext } from "preact";
import { useContext, useMemo } from "preact/hooks";

export const catalog = { ...common, ...kiosk };
export type Key = keyof typeof catalog;
export type T = Translate<typeof catalog>;

export type I18n = { locale: Locale; t: T; setLocale(l: Locale): void };

const I18nContext = createContext<I18n>({
  locale: "vi",
  t: createTranslator(catalog, "vi"),
  setLocale: () => {},
});

export type I18nProviderProps = {
  locale: Locale;
  setLocale(l: Locale): void;
  children: ComponentChildren;
};

export function I18nProvider({ locale, setLocale, children }: I18nProviderProps) {
  const value = useMemo(
    () => ({ locale, setLocale, t: createTranslator(catalog, locale) }),
    [locale, setLocale],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export const useI18n = () => useContext(I18nContext);

/** The label of a store-defined item ({label_vi, label_en}) in `locale`. */
export const storeLabel = (item: { label_vi: string; label_en: string }, locale: Locale) =>
  locale === "en" ? item.label_en : item.label_vi;

export const otherLocale = (l: Locale): Locale => (l === "vi" ? "en" : "vi");
