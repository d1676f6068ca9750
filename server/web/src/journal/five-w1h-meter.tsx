// Six dots — who, what, when, where, why, how — filled for the questions an
// observation answers. A nudge, never a gate: the tooltip names what is missing.
import { answeredFiveW1H, FIVE_W1H } from "@sightline/shared/five-w1h";
import type { Observation } from "../api/types.ts";
import { useI18n } from "../i18n/i18n.tsx";

type Props = { observation: Observation };

export function FiveW1HMeter({ observation }: Props) {
  const { t } = useI18n();
  const answered = answeredFiveW1H(observation);
  const score = FIVE_W1H.filter((k) => answered[k]).length;
  const missing = FIVE_W1H.filter((k) => !answered[k]).map((k) => t(`w.${k}`));
  const text = missing.length
    ? t("fiveW1H.missing", { score, missing: missing.join(", ") })
    : t("fiveW1H.complete");
  return (
    <span class="meter" role="img" aria-label={text} title={text}>
      {FIVE_W1H.map((k) => (
        <span key={k} class={answered[k] ? "dot on" : "dot"} />
      ))}
      <span class="meter-n" aria-hidden="true">
        {score}/6
      </span>
    </span>
  );
}
