// "3 min ago", from the shared sync-status wording.
import { ageKey } from "@sightline/shared/i18n/common";
import { useI18n } from "../i18n/i18n.tsx";
import { formatDateTime } from "./format.ts";

type Props = { iso: string | null | undefined; now?: number };

export function Age({ iso, now = Date.now() }: Props) {
  const { t, locale } = useI18n();
  if (!iso) return <span class="muted">{t("time.never")}</span>;
  const ms = now - new Date(iso).getTime();
  if (Number.isNaN(ms)) return <span>{iso}</span>;
  const { key, n } = ageKey(ms);
  return (
    <time dateTime={iso} title={formatDateTime(iso, locale)}>
      {t(key, { n })}
    </time>
  );
}
