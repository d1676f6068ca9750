import { useState } from "preact/hooks";
import type { ObservationView, WatchView } from "../../messages.ts";
import { useClient } from "../client-context.ts";
import { ago, useI18n } from "../i18n.ts";

type WatchableFields = {
  channel?: string;
  url?: string;
  evidence?: { facts?: { element?: { selector?: string }; prices?: unknown[] } };
};

/** What Watch would follow on this capture: its element, the page's price, or nothing. */
export function watchableKind(o: ObservationView): "element" | "price" | null {
  const f = o.fields as WatchableFields;
  if (f.channel !== "web" || !f.url || !/^https?:\/\//i.test(f.url)) return null;
  if (f.evidence?.facts?.element?.selector) return "element";
  return (f.evidence?.facts?.prices?.length ?? 0) > 0 ? "price" : null;
}

/** Why a watched page could not be re-checked, in the user's words (or nothing). */
export function WatchProblem({ watch }: { watch: WatchView }) {
  const { t } = useI18n();
  if (!watch.problem) return null;
  const d = watch.problemDetail ?? "";
  const detail = /^HTTP \d{3}$/.test(d)
    ? d
    : DETAILS.has(d)
      ? t(`watch.detail.${d as WatchDetail}`)
      : t("watch.detail.network");
  return (
    <p class="watch-problem" data-testid="watch-problem" data-problem={watch.problem}>
      {t(`watch.problem.${watch.problem}`, { detail })}
    </p>
  );
}

type WatchDetail = "timeout" | "network" | "not-html" | "too-large" | "unreadable";
const DETAILS = new Set<string>(["timeout", "network", "not-html", "too-large", "unreadable"]);

/** On a capture in the page view: Watch (its element or price), or Watching + why not re-checked. */
export function WatchButton({
  observation,
  watch,
}: {
  observation: ObservationView;
  watch: WatchView | undefined;
}) {
  const client = useClient();
  const { t } = useI18n();
  const [error, setError] = useState<string | null>(null);
  const kind = watchableKind(observation);
  if (watch) {
    return (
      <div class="watch" data-testid="watching">
        <span class="muted">{t("watch.watching")}</span>
        <WatchProblem watch={watch} />
      </div>
    );
  }
  if (!kind) return null;
  const add = async () => {
    const r = await client.request({ type: "watch.add", observationId: observation.id });
    setError(r.ok ? null : t(`watch.error.${r.error}`));
  };
  return (
    <div class="watch">
      <button type="button" class="link" onClick={() => void add()} data-testid="watch">
        {kind === "price" ? t("watch.add.price") : t("watch.add")}
      </button>
      {error && <p class="error">{error}</p>}
    </div>
  );
}

/** The Watched tab: every watched page, what it knows, when it was checked, and why not. */
export function WatchedList({ items, now = Date.now() }: { items: WatchView[]; now?: number }) {
  const client = useClient();
  const { t, locale } = useI18n();
  const [busy, setBusy] = useState<string | null>(null);
  const check = async (id: string) => {
    setBusy(id);
    try {
      await client.request({ type: "watch.check", id });
    } finally {
      setBusy(null);
    }
  };
  return (
    <div class="watched" data-testid="watched-list">
      <p class="muted">{t("watch.hint")}</p>
      {items.length === 0 && <p class="muted">{t("watch.none")}</p>}
      <ul class="list">
        {items.map((w) => (
          <li class="item watch-item" key={w.id} data-id={w.id} data-problem={w.problem ?? ""}>
            <div class="item-main">
              <span class="what" data-testid="watch-value">
                {w.value}
              </span>
              <span class="meta">{w.title}</span>
              <span class="meta">
                {[
                  w.lastCheckedAt === null
                    ? t("watch.neverChecked")
                    : t("watch.lastChecked", { ago: ago(t, Math.max(0, now - w.lastCheckedAt)) }),
                  t("watch.next", { time: new Date(w.nextCheckAt).toLocaleTimeString(locale) }),
                  w.changes > 0 ? t("watch.changes", { count: w.changes }) : null,
                ]
                  .filter(Boolean)
                  .join(" · ")}
              </span>
              <WatchProblem watch={w} />
            </div>
            <div class="row">
              <button
                type="button"
                disabled={busy === w.id}
                onClick={() => void check(w.id)}
                data-testid="watch-check"
              >
                {t("watch.checkNow")}
              </button>
              <button
                type="button"
                class="link"
                onClick={() => void client.request({ type: "watch.remove", id: w.id })}
                data-testid="watch-remove"
              >
                {t("watch.remove")}
              </button>
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}
