// Locale state for the whole app: vi (default) or en, persisted in
// localStorage, applied to <html lang>. Components read `useI18n()`.
import { common } from "@sightline/shared/i18n/common";
import { createTranslator, pickLocale, type Translate } from "@sightline/shared/i18n/translate";
import { web } from "@sightline/shared/i18n/web";
import type { Locale } from "@sightline/shared/vocabulary/label";
import { type ComponentChildren, createContext } from "preact";
import { useContext, useEffect, useMemo, useState } from "preact/hooks";

export const catalog = { ...common, ...web };
export type WebCatalog = typeof catalog;
export type WebKey = keyof WebCatalog & string;
export type T = Translate<WebCatalog>;

const STORAGE_KEY = "sightline.locale";

export type I18n = {
  locale: Locale;
  t: T;
  /** The label of a vocabulary entry or any `{vi, en}` pair. */
  label: (l: { readonly vi: string; readonly en: string }) => string;
  setLocale: (l: Locale) => void;
};

export function readLocale(storage: Pick<Storage, "getItem"> | undefined): Locale {
  const saved = storage?.getItem(STORAGE_KEY);
  if (saved === "vi" || saved === "en") return saved;
  return pickLocale(typeof navigator === "undefined" ? undefined : navigator.languages);
}

export function makeI18n(locale: Locale, setLocale: (l: Locale) => void = () => {}): I18n {
  return {
    locale,
    t: createTranslator(catalog, locale, { formatNumbers: true }),
    label: (l) => l[locale],
    setLocale,
  };
}

const I18nContext = createContext<I18n>(makeI18n("vi"));

type Props = { initial?: Locale; children: ComponentChildren };

export function I18nProvider({ initial, children }: Props) {
  const [locale, setLocaleState] = useState<Locale>(() => initial ?? readLocale(safeStorage()));
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  const value = useMemo(
    () =>
      makeI18n(locale, (l) => {
        safeStorage()?.setItem(STORAGE_KEY, l);
        setLocaleState(l);
      }),
    [locale],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  return useContext(I18nContext);
}

function safeStorage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}
