// One insight: statement, status, corroboration, evidence (drop an observation
// here or pick from the timeline), the four-principle scorecard and actions.
import { NEEDS, type NeedCode } from "@sightline/shared/vocabulary/needs";
import { useState } from "preact/hooks";
import type { InsightPatch } from "../api/client.ts";
import type {
  Action,
  ActionStatus,
  Insight,
  InsightStatus,
  Observation,
  Stance,
} from "../api/types.ts";
import { useI18n } from "../i18n/i18n.tsx";
import { ProblemBanner } from "../ui/problem-banner.tsx";
import { useDraft } from "../ui/use-draft.ts";
import { ActionsEditor } from "./actions-editor.tsx";
import { CorroborationBadge } from "./corroboration-badge.tsx";
import { droppedObservation, isObservationDrag } from "./evidence-drag.ts";
import { EvidenceList } from "./evidence-list.tsx";
import { MAX_TOTAL, principleTotal, weakestPrinciple } from "./principles.ts";
import { ScorecardEditor } from "./scorecard-editor.tsx";
import { StatusControl } from "./status-control.tsx";

export type InsightOps = {
  patch: (insightId: string, patch: InsightPatch) => Promise<void>;
  addEvidence: (insightId: string, observationId: string, stance: Stance) => Promise<void>;
  removeEvidence: (insightId: string, observationId: string) => Promise<void>;
  addAction: (
    insightId: string,
    input: { title: string; owner?: string; due?: string },
  ) => Promise<void>;
  actionStatus: (actionId: string, status: ActionStatus) => Promise<void>;
};

type Props = {
  insight: Insight;
  number: number;
  byId: ReadonlyMap<string, Observation>;
  ops: InsightOps;
  picking: boolean;
  onTogglePick: () => void;
  canEdit: boolean;
  /** Delete with undo (sent at once; the page restores it on Undo). */
  onDelete?: () => void;
  onDeleteAction?: (action: Action) => void;
};

export function InsightCard({
  insight,
  number,
  byId,
  ops,
  picking,
  onTogglePick,
  canEdit,
  onDelete,
  onDeleteAction,
}: Props) {
  const { t, label } = useI18n();
  const [error, setError] = useState<unknown>(undefined);
  const [over, setOver] = useState(false);
  // The statement being rewritten is a draft (kept across reloads until saved).
  const [statement, setStatement, clearStatement, restoredStatement] = useDraft(
    `statement.${insight.id}`,
    "",
  );
  const [editing, setEditingState] = useState(restoredStatement);
  const setEditing = (on: boolean) => {
    if (!on) clearStatement();
    setEditingState(on);
  };
  const idPrefix = `ins-${insight.id}`;
  const principles = insight.principles ?? {};
  const weakest = weakestPrinciple(principles);
  const [scoreOpen, setScoreOpen] = useState(weakest === null);

  const run = async (f: () => Promise<void>) => {
    setError(undefined);
    try {
      await f();
    } catch (e) {
      setError(e);
    }
  };

  return (
    <article
      class={[
        "insight card",
        over && "drop-over",
        picking && "picking",
        insight.corroboration?.singleSource && "single",
      ]
        .filter(Boolean)
        .join(" ")}
      aria-labelledby={`${idPrefix}-title`}
      data-insight-id={insight.id}
      onDragOver={(e) => {
        if (!canEdit || !isObservationDrag(e)) return;
        e.preventDefault();
        if (e.dataTransfer) e.dataTransfer.dropEffect = "link";
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        setOver(false);
        const id = droppedObservation(e);
        if (!id) return;
        e.preventDefault();
        void run(() => ops.addEvidence(insight.id, id, "supports"));
      }}
    >
      <header class="insight-head">
        <span class="insight-no">#{number}</span>
        {editing ? (
          <form
            class="statement-form"
            onSubmit={async (e) => {
              e.preventDefault();
              if (!statement.trim() || statement.trim() === insight.statement) {
                setEditing(false);
                return;
              }
              // Stay in the editor until the server has the new text (kept on failure).
              setError(undefined);
              try {
                await ops.patch(insight.id, { statement: statement.trim() });
                setEditing(false);
              } catch (err) {
                setError(err);
              }
            }}
          >
            <textarea
              id={`${idPrefix}-title`}
              rows={3}
              maxLength={2000}
              value={statement}
              onInput={(e) => setStatement(e.currentTarget.value)}
            />
            <div class="form-actions">
              <button type="button" class="btn ghost small" onClick={() => setEditing(false)}>
                {t("action.cancel")}
              </button>
              <button type="submit" class="btn small primary">
                {t("action.save")}
              </button>
            </div>
          </form>
        ) : (
          <h3 id={`${idPrefix}-title`} class="statement">
            {insight.statement}
            {canEdit && (
              <button
                type="button"
                class="icon-btn edit"
                aria-label={t("insight.editStatement")}
                title={t("insight.editStatement")}
                onClick={() => {
                  setStatement(insight.statement);
                  setEditing(true);
                }}
              >
                ✎
              </button>
            )}
          </h3>
        )}
        {canEdit && onDelete && !editing && (
          <button
            type="button"
            class="icon-btn delete"
            aria-label={t("insight.delete")}
            title={t("insight.delete")}
            onClick={onDelete}
          >
            ✕
          </button>
        )}
      </header>
      <div class="insight-meta">
        <CorroborationBadge corroboration={insight.corroboration} />
        <StatusControl
          status={insight.status}
          singleSource={insight.corroboration?.singleSource ?? true}
          overrideReason={insight.overrideReason}
          disabled={!canEdit}
          idPrefix={idPrefix}
          onChange={(status: InsightStatus, overrideReason?: string) =>
            ops.patch(insight.id, { status, ...(overrideReason ? { overrideReason } : {}) })
          }
        />
      </div>
      {insight.overrideReason && (
        <p class="small override-note">
          {t("override.recorded", { reason: insight.overrideReason })}
        </p>
      )}
      {insight.needs?.length > 0 && (
        <p class="tags">
          {insight.needs.map((n) => (
            <span key={n} class="need">
              {Object.hasOwn(NEEDS, n) ? label(NEEDS[n as NeedCode]) : n}
            </span>
          ))}
        </p>
      )}
      <ProblemBanner error={error} />

      <section class="insight-section">
        <div class="section-head">
          <h4>{t("insight.evidence", { n: insight.evidence?.length ?? 0 })}</h4>
          {canEdit && (
            <button
              type="button"
              class="btn small ghost"
              aria-pressed={picking}
              onClick={onTogglePick}
            >
              {picking ? t("pick.done") : t("pick.start")}
            </button>
          )}
        </div>
        <EvidenceList
          evidence={insight.evidence ?? []}
          byId={byId}
          {...(canEdit
            ? { onRemove: (obsId: string) => void run(() => ops.removeEvidence(insight.id, obsId)) }
            : {})}
        />
        {canEdit && <p class="drop-hint small muted">{t("insight.dropHint")}</p>}
      </section>

      <details
        class="insight-section"
        open={scoreOpen}
        onToggle={(e) => setScoreOpen((e.currentTarget as HTMLDetailsElement).open)}
      >
        <summary>
          <h4>{t("insight.principles")}</h4>
          <span class="small muted">
            {weakest
              ? `${t("principles.total", { total: principleTotal(principles), max: MAX_TOTAL })} · ${t("principles.weakest", { name: t(`principle.${weakest}`) })}`
              : t("principles.unscored")}
          </span>
        </summary>
        <ScorecardEditor
          value={principles}
          idPrefix={idPrefix}
          disabled={!canEdit}
          onSave={(next) => ops.patch(insight.id, { principles: next })}
        />
      </details>

      <section class="insight-section">
        <h4>{t("insight.actions", { n: insight.actions?.length ?? 0 })}</h4>
        <ActionsEditor
          actions={insight.actions ?? []}
          idPrefix={idPrefix}
          disabled={!canEdit}
          onAdd={(input) => ops.addAction(insight.id, input)}
          {...(onDeleteAction ? { onDelete: onDeleteAction } : {})}
          onStatus={(id, status) => void run(() => ops.actionStatus(id, status))}
        />
      </section>
    </article>
  );
}
