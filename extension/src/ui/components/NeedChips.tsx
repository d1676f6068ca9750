import { NEED_CODES, NEEDS, type NeedCode } from "@sightline/shared/vocabulary/needs";
import { useI18n } from "../i18n.ts";

export type NeedChipsProps = { value: readonly NeedCode[]; onChange(next: NeedCode[]): void };

/** The 16 customer needs as toggle chips, product needs first, with their descriptions as tooltips. */
export function NeedChips({ value, onChange }: NeedChipsProps) {
  const { locale } = useI18n();
  const toggle = (code: NeedCode) =>
    onChange(value.includes(code) ? value.filter((c) => c !== code) : [...value, code]);
  return (
    <div class="chips">
      {NEED_CODES.map((code) => (
        <button
          type="button"
          key={code}
          class={value.includes(code) ? "chip on" : "chip"}
          aria-pressed={value.includes(code)}
          title={NEEDS[code].description[locale]}
          data-group={NEEDS[code].group}
          onClick={() => toggle(code)}
        >
          {NEEDS[code][locale]}
        </button>
      ))}
    </div>
  );
}
