import { useState } from "preact/hooks";
import type {
  ConfigView,
  ObservationView,
  PageChange,
  PageStateView,
  WatchView,
} from "../../messages.ts";
import { useClient } from "../client-context.ts";
import { useI18n } from "../i18n.ts";
import { ObservationItem } from "./ObservationItem.tsx";
import { WatchButton } from "./WatchControls.tsx";

export type PageViewProps = {
  page: PageStateView | null;
  observations: ObservationView[];
  config: ConfigView;
  /** Watched pages: a capture of this page that is watched says so (and why it cannot be re-checked). */
  watches?: WatchView[];
  onEdit(id: string): void;
};

/** This page: changes since the last capture, captures found on it, and those not found any more. */
export function PageView({ page, observations, config, watches = [], onEdit }: PageViewProps) {
  const { t } = useI18n();
  if (page?.unavailable) return <p class="muted">{t(`page.unavailable.${page.unavailable}`)}</p>;
  const report = page?.report;
  const notFound = new Set(report?.notFound ?? []);
  const found = new Set(report?.found ?? []);
  const anchorOf = (id: string) =>
    notFound.has(id) ? "not-found" : found.has(id) ? "found" : undefined;
  const here = observations.filter((o) => !notFound.has(o.id));
  const missing = observations.filter((o) => notFound.has(o.id));
  return (
    <div class="page-view">
      {report && report.changes.length > 0 && (
        <section class="changes" data-testid="page-changes">
          <h3>{t("page.changes")}</h3>
          <ul>
            {report.changes.map((c) => (
              <ChangeRow key={c.key} change={c} tabId={page?.tabId ?? undefined} />
            ))}
          </ul>
        </section>
      )}
      {observations.length === 0 && <p class="muted">{t("page.none")}</p>}
      {here.length > 0 && (
        <ul class="list" data-testid="page-captures">
          {here.map((o) => (
            <ObservationItem
              key={o.id}
              observation={o}
              config={config}
              anchor={anchorOf(o.id)}
              onEdit={onEdit}
            >
              <WatchButton observation={o} watch={watches.find((w) => w.observationId === o.id)} />
            </ObservationItem>
          ))}
        </ul>
      )}
      {missing.length > 0 && (
        <section class="not-found" data-testid="page-not-found">
          <h3>{t("page.notFound")}</h3>
          <ul class="list">
            {missing.map((o) => (
              <ObservationItem
                key={o.id}
                observation={o}
                config={config}
                anchor="not-found"
                onEdit={onEdit}
              >
                <WatchButton
                  observation={o}
                  watch={watches.find((w) => w.observationId === o.id)}
                />
              </ObservationItem>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

function ChangeRow({ change, tabId }: { change: PageChange; tabId: number | undefined }) {
  const client = useClient();
  const { t } = useI18n();
  const [done, setDone] = useState(false);
  const record = async () => {
    const r = await client.request({
      type: "change.record",
      key: change.key,
      ...(tabId !== undefined ? { tabId } : {}),
    });
    setDone(r.ok);
  };
  return (
    <li class="change" data-kind={change.kind}>
      <span class="label">{t(`page.change.${change.kind}`)}</span>
      <span class="before">{change.before}</span>
      <span aria-hidden="true"> → </span>
      <span class="after">{change.after}</span>
      <button
        type="button"
        disabled={done}
        onClick={() => void record()}
        data-testid="record-change"
      >
        {done ? t("page.change.recorded") : t("page.change.record")}
      </button>
    </li>
  );
}
