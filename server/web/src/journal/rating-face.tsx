// A feedback rating (1 very unhappy … 4 very happy) as a small drawn face:
// no emoji font needed, the colour and the mouth carry the meaning.
import { useI18n } from "../i18n/i18n.tsx";

const MOUTH = [
  "M9 17 q5 -5 10 0",
  "M9.5 17 q4.5 -2.5 9 0",
  "M9.5 16 q4.5 2.5 9 0",
  "M8.5 15 q5.5 6 11 0",
];
const FILL = ["#d9534f", "#f0a04b", "#8cc26b", "#3fa66a"];

type Props = { rating: number; size?: number };

export function RatingFace({ rating, size = 28 }: Props) {
  const { t } = useI18n();
  const i = Math.min(4, Math.max(1, Math.round(rating))) - 1;
  const text = t(`face.${(i + 1) as 1 | 2 | 3 | 4}`);
  return (
    <svg class="face" width={size} height={size} viewBox="0 0 28 28" role="img" aria-label={text}>
      <title>{text}</title>
      <circle cx="14" cy="14" r="13" fill={FILL[i]} />
      <circle cx="10" cy="11" r="1.6" fill="#fff" />
      <circle cx="18" cy="11" r="1.6" fill="#fff" />
      <path d={MOUTH[i]} stroke="#fff" stroke-width="2" fill="none" stroke-linecap="round" />
    </svg>
  );
}
