// The i18n catalogue mechanism: every user-visible string is a key with a
// Vietnamese and an English text; `{name}` placeholders are filled at runtime.
// Surfaces own their catalogue file (kiosk.ts, extension.ts, web.ts, server.ts).
//
// Plurals: an entry may carry `plural`, per locale, texts for the CLDR plural
// categories (Intl.PluralRules) other than "other"; the number that picks the
// form is the `count` param, and the entry's main text is the "other" form.
// Vietnamese has no plural forms, so only English entries need it:
//   { vi: "{count} thay đổi", en: "{count} changes", plural: { en: { one: "{count} change" } } }
import type { Locale } from "../vocabulary/label.ts";

export type PluralForms = Partial<Record<Exclude<Intl.LDMLPluralRule, "other">, string>>;
export type CatalogEntry = {
  readonly vi: string;
  readonly en: string;
  readonly plural?: { readonly [L in Locale]?: PluralForms };
};
export type Catalog = Record<string, CatalogEntry>;
export type Params = Record<string, string | number>;
export type Translate<C extends Catalog> = (key: keyof C & string, params?: Params) => string;

const pluralRules = new Map<Locale, Intl.PluralRules>();
function pluralCategory(locale: Locale, n: number): Intl.LDMLPluralRule {
  let rules = pluralRules.get(locale);
  if (!rules) {
    rules = new Intl.PluralRules(locale);
    pluralRules.set(locale, rules);
  }
  return rules.select(n);
}

/** The template of `entry` in `locale`, in the plural form `count` asks for. */
function template(entry: CatalogEntry, locale: Locale, count: unknown): string {
  const forms = entry.plural?.[locale];
  if (!forms || typeof count !== "number") return entry[locale];
  const category = pluralCategory(locale, count);
  return (category !== "other" ? forms[category] : undefined) ?? entry[locale];
}

export type TranslatorOptions = {
  /** Write number params the locale's way ("1,200" / "1.200"); plural forms still pick by the number. */
  formatNumbers?: boolean;
};

/** Build `t(key, params)` for one catalogue and locale. Missing params stay visible as `{name}`. */
export function createTranslator<C extends Catalog>(
  catalog: C,
  locale: Locale,
  options: TranslatorOptions = {},
): Translate<C> {
  const numbers = options.formatNumbers
    ? new Intl.NumberFormat(locale === "vi" ? "vi-VN" : "en-GB", { maximumFractionDigits: 2 })
    : undefined;
  const show = (v: string | number) =>
    typeof v === "number" && numbers && Number.isFinite(v) ? numbers.format(v) : String(v);
  return (key, params) => {
    const entry = catalog[key];
    if (!entry) return key;
    if (!params) return entry[locale];
    return template(entry, locale, params.count).replace(/\{(\w+)\}/g, (m, name: string) =>
      Object.hasOwn(params, name) ? show(params[name] as string | number) : m,
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
