/// <reference types="vite/client" />
// Every catalogue entry has both languages, non-empty, with the same {params}.
import { describe, expect, it } from "vitest";
import * as vocabulary from "../vocabulary/index.ts";
import { common } from "./common.ts";
import { type Catalog, createTranslator, pickLocale } from "./translate.ts";

const catalogs = import.meta.glob<Record<string, unknown>>("./*.ts", { eager: true });
const params = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("i18n catalogues", () => {
  const all = Object.entries(catalogs).flatMap(([file, mod]) =>
    Object.entries(mod)
      .filter(([, v]) => v && typeof v === "object" && !Array.isArray(v))
      .map(([name, v]) => [`${file}:${name}`, v as Catalog] as const),
  );

  it("finds the catalogues", () => {
    expect(all.map(([n]) => n)).toContain("./common.ts:common");
  });

  for (const [name, catalog] of all) {
    it(`${name}: vi and en present with matching placeholders`, () => {
      for (const [key, entry] of Object.entries(catalog)) {
        expect(entry.vi?.trim(), `${key} vi`).toBeTruthy();
        expect(entry.en?.trim(), `${key} en`).toBeTruthy();
        expect(params(entry.vi), key).toEqual(params(entry.en));
        // Plural forms are picked by {count}, and say the same things as the main text.
        for (const [locale, forms] of Object.entries(entry.plural ?? {})) {
          expect(params(entry.en), `${key} plural needs {count}`).toContain("count");
          for (const [category, text] of Object.entries(forms ?? {})) {
            expect(text?.trim(), `${key} ${locale}.${category}`).toBeTruthy();
            expect(params(text ?? ""), `${key} ${locale}.${category}`).toEqual(params(entry.en));
          }
        }
      }
    });
  }

  it("vocabulary has both labels and descriptions", () => {
    for (const set of [
      vocabulary.NEEDS,
      vocabulary.CHANNELS,
      vocabulary.METHODS,
      vocabulary.DEFAULT_BEHAVIOURS,
    ]) {
      for (const v of Object.values(set)) {
        expect(v.vi && v.en && v.description.vi && v.description.en).toBeTruthy();
      }
    }
    expect(vocabulary.NEED_CODES).toHaveLength(16);
  });

  it("translates with params in both languages", () => {
    expect(createTranslator(common, "vi")("sync.unsynced", { count: 3 })).toBe("3 chưa đồng bộ");
    expect(createTranslator(common, "en")("sync.unsynced", { count: 3 })).toBe("3 not synced");
    expect(pickLocale(["en-GB", "vi"])).toBe("en");
    expect(pickLocale(["fr"])).toBe("vi");
  });

  it("picks the plural form by {count}; Vietnamese keeps one form", () => {
    const c = {
      k: {
        vi: "{count} thay đổi",
        en: "{count} changes",
        plural: { en: { one: "{count} change" } },
      },
    };
    const en = createTranslator(c, "en");
    expect([0, 1, 2].map((count) => en("k", { count }))).toEqual([
      "0 changes",
      "1 change",
      "2 changes",
    ]);
    expect(createTranslator(c, "vi")("k", { count: 1 })).toBe("1 thay đổi");
    expect(en("k")).toBe("{count} changes");
  });

  it("can write numbers the locale's way and still pick the plural by the number", () => {
    const c = {
      k: {
        vi: "{count} quan sát",
        en: "{count} observations",
        plural: { en: { one: "{count} observation" } },
      },
    };
    const en = createTranslator(c, "en", { formatNumbers: true });
    expect(en("k", { count: 1200 })).toBe("1,200 observations");
    expect(en("k", { count: 1 })).toBe("1 observation");
    expect(createTranslator(c, "vi", { formatNumbers: true })("k", { count: 1200 })).toBe(
      "1.200 quan sát",
    );
    expect(createTranslator(c, "en")("k", { count: 1200 })).toBe("1200 observations");
  });
});
