import type { ComponentChildren } from "preact";
import type { ConfigView, ObservationView } from "../../messages.ts";
import { useI18n } from "../i18n.ts";

export type ObservationItemProps = {
  observation: ObservationView;
  config: ConfigView;
  /** "found" / "not-found" on this page, when known. */
  anchor?: "found" | "not-found" | undefined;
  onEdit(id: string): void;
  /** Under the capture: its Watch control, on the page view. */
  children?: ComponentChildren;
};

/** One capture in a list: what, competitor, when, tags, and whether it is still unsent. */
export function ObservationItem({
  observation,
  config,
  anchor,
  onEdit,
  children,
}: ObservationItemProps) {
  const { t, locale } = useI18n();
  const f = observation.fields as {
    what?: string;
    competitorId?: string;
    capturedAt?: string;
    tags?: string[];
    channel?: string;
    evidence?: { screenshot?: string };
  };
  const competitor = config.competitors.find((c) => c.id === f.competitorId)?.name;
  return (
    <li class="item" data-id={observation.id} data-anchor={anchor}>
      <button
        type="button"
        class="item-main"
        onClick={() => onEdit(observation.id)}
        title={t("item.edit")}
      >
        <span class="what">{f.what}</span>
        <span class="meta">
          {[
            competitor,
            f.capturedAt ? new Date(f.capturedAt).toLocaleString(locale) : null,
            f.channel === "event" ? t("tab.event") : null,
            f.evidence?.screenshot ? t("item.screenshot") : null,
            observation.pending ? t("item.pending") : null,
          ]
            .filter(Boolean)
            .join(" · ")}
        </span>
        {(f.tags?.length ?? 0) > 0 && (
          <span class="tags">{f.tags?.map((tag) => `#${tag}`).join(" ")}</span>
        )}
      </button>
      {children}
    </li>
  );
}
