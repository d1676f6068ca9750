import { useState } from "preact/hooks";
import { useObservations } from "../hooks.ts";
import { useI18n } from "../i18n.ts";
import { ObservationItem } from "./ObservationItem.tsx";

export type RecentListProps = { onEdit(id: string): void; limit?: number };

/** Recent captures of this device's owner, filterable by competitor and tag. */
export function RecentList({ onEdit, limit = 50 }: RecentListProps) {
  const { t } = useI18n();
  const [competitorId, setCompetitorId] = useState("");
  const [tag, setTag] = useState("");
  const { items, config } = useObservations({
    limit,
    mine: true,
    ...(competitorId ? { competitorId } : {}),
    ...(tag ? { tag } : {}),
  });
  const tags = [
    ...new Set([
      ...config.tags,
      ...items.flatMap((o) => (o.fields.tags as string[] | undefined) ?? []),
    ]),
  ];
  return (
    <div class="recent">
      <div class="filters">
        <select
          value={competitorId}
          onChange={(e) => setCompetitorId(e.currentTarget.value)}
          aria-label={t("form.competitor")}
        >
          <option value="">{t("recent.allCompetitors")}</option>
          {config.competitors.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
        <select
          value={tag}
          onChange={(e) => setTag(e.currentTarget.value)}
          aria-label={t("form.tags")}
        >
          <option value="">{t("recent.allTags")}</option>
          {tags.map((x) => (
            <option key={x} value={x}>
              {x}
            </option>
          ))}
        </select>
      </div>
      {items.length === 0 ? (
        <p class="muted">{t("recent.none")}</p>
      ) : (
        <ul class="list" data-testid="recent-list">
          {items.map((o) => (
            <ObservationItem key={o.id} observation={o} config={config} onEdit={onEdit} />
          ))}
        </ul>
      )}
    </div>
  );
}
