// Says that a form opened on an unsaved draft from an earlier visit (use-draft.ts),
// with a way to drop it — so text that differs from the server's is never a surprise.
import { useI18n } from "../i18n/i18n.tsx";

type Props = {
  /** Drops the draft and shows what the server has. */
  onDiscard: () => void;
};

export function DraftNote({ onDiscard }: Props) {
  const { t } = useI18n();
  return (
    <p class="draft-note small">
      {t("draft.restored")}{" "}
      <button type="button" class="link" onClick={onDiscard}>
        {t("draft.discard")}
      </button>
    </p>
  );
}
