// How many kinds of data back an insight. An insight is never based on a
// single kind of data, so a single-source insight shows a clear warning.
import { CHANNELS, type Channel } from "@sightline/shared/vocabulary/channels";
import type { Corroboration } from "../api/types.ts";
import { useI18n } from "../i18n/i18n.tsx";

type Props = { corroboration: Corroboration | undefined };

export function CorroborationBadge({ corroboration }: Props) {
  const { t, label } = useI18n();
  const c: Corroboration = corroboration ?? {
    channels: 0,
    observations: 0,
    singleSource: true,
    dataTypes: [],
    contradicting: 0,
  };
  const names = c.dataTypes;
  const count = c.channels;
  const title = names
    .map((n) =>
      Object.hasOwn(CHANNELS, n) ? label(CHANNELS[n as Channel]) : n.replace(/^import:/, ""),
    )
    .join(", ");
  const against = c.contradicting ? (
    <span class="sub against">{t("corroboration.contradicting", { n: c.contradicting })}</span>
  ) : null;
  if (c.singleSource) {
    return (
      <span class="corroboration single" title={title || undefined}>
        <span aria-hidden="true">⚠</span> {t("corroboration.single")}
        <span class="sub">{t("corroboration.observations", { count: c.observations })}</span>
        {against}
      </span>
    );
  }
  return (
    <span class="corroboration ok" title={title || undefined}>
      <span aria-hidden="true">✓</span> {t("corroboration.channels", { count })}
      <span class="sub">{t("corroboration.observations", { count: c.observations })}</span>
      {against}
    </span>
  );
}
