// The i18n catalogue mechanism: every user-visible string is a key with a
// Vietnamese and an English text; `{name}` placeholders are filled at runtime.
// Surfaces own their catalogue file (kiosk.ts, extension.ts, web.ts, server.ts).
import type { Locale } from "../vocabulary/label.ts";

export type Catalog = Record<string, { readonly vi: string; readonly en: string }>;
export type Params = Record<string, string | number>;
export type Translate<C extends Catalog> = (key: keyof C & string, params?: Params) => string;

/** Build `t(key, params)` for one catalogue and locale. Missing params stay visible as `{name}`. */
export function createTranslator<C extends Catalog>(catalog: C, locale: Locale): Translate<C> {
  return (key, params) => {
    const entry = catalog[key];
    if (!entry) return key;
    const template = entry[locale];
    if (!params) return template;
    return template.replace(/\{(\w+)\}/g, (m, name: string) =>
      Object.hasOwn(params, name) ? String(params[name]) : m,
    );
  };
}

/** Pick a locale from a list of preferences (e.g. navigator.languages); vi is the default. */
export function pickLocale(preferences: readonly string[] | undefined): Locale {
  for (const p of preferences ?? []) {
    const base = p.toLowerCase().split("-")[0];
    if (base === "vi" || base === "en") return base;
  }
  return "vi";
}
