// Counts per face (1 very unhappy … 4 very happy), drawn as four bars under
// their faces.
import { RatingFace } from "../journal/rating-face.tsx";

type Props = { counts: readonly number[]; labels: readonly string[] };

const COLOURS = ["#d9534f", "#f0a04b", "#8cc26b", "#3fa66a"];

export function FaceBars({ counts, labels }: Props) {
  const total = counts.reduce((a, b) => a + b, 0);
  return (
    <ol class="face-bars">
      {counts.map((n, i) => {
        const pct = total ? Math.round((n / total) * 100) : 0;
        return (
          <li key={labels[i]} title={`${labels[i]}: ${n} (${pct}%)`}>
            <RatingFace rating={i + 1} size={32} />
            <div class="bar-track">
              <svg viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true">
                <rect width={Math.max(pct, 0.5)} height="10" rx="2" fill={COLOURS[i]} />
              </svg>
            </div>
            <span class="bar-n">
              {n} <span class="muted small">({pct}%)</span>
            </span>
          </li>
        );
      })}
    </ol>
  );
}
