// The big buttons of the staff pad, one per behaviour of the store's
// catalogue, each with today's count.
import type { Store } from "@sightline/shared/schema/config";
import type { Tally } from "../core/tally.ts";
import { storeLabel, useI18n } from "./i18n.tsx";

export type BehaviourDef = Store["behaviours"][number];

export type BehaviourGridProps = {
  behaviours: readonly BehaviourDef[];
  tally: Tally;
  onTap(b: BehaviourDef, e: Event): void;
};

export function BehaviourGrid({ behaviours, tally, onTap }: BehaviourGridProps) {
  const { t, locale } = useI18n();
  return (
    <div class="behaviour-grid">
      {behaviours.map((b) => {
        const count = tally[b.code] ?? 0;
        return (
          <button
            key={b.code}
            type="button"
            class="behaviour"
            data-code={b.code}
            onClick={(e) => onTap(b, e)}
          >
            <span class="behaviour__label">{storeLabel(b, locale)}</span>
            <span
              class={`behaviour__count${count ? "" : " behaviour__count--zero"}`}
              title={t("pad.countOf", { count })}
            >
              {count}
            </span>
          </button>
        );
      })}
    </div>
  );
}
