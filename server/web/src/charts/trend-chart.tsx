// A line over days (the happy index trend). Days without data leave a gap
// rather than a misleading straight line; every day shows its number of
// answers (n) under the axis, and a day with fewer than `minCount` answers is
// drawn grey and left out of the line (1–3 answers swing between 0 and 100).
import { useState } from "preact/hooks";
import { ChartFrame } from "./chart-frame.tsx";
import { linear, niceMax, ticks } from "./scale.ts";

export type TrendPoint = { key: string; label: string; value: number | null; count: number };

type Props = {
  title: string;
  note?: string;
  points: readonly TrendPoint[];
  valueText: (p: TrendPoint) => string;
  head: [string, string, string];
  /** Days with fewer answers than this are grey and not joined into the line. */
  minCount?: number;
};

/** The default minimum answers for a day's index to count as a reading. */
export const MIN_DAY_COUNT = 5;

const W = 640;
const H = 240;
const PAD = { l: 40, r: 12, t: 12, b: 44 };

export function TrendChart({
  title,
  note,
  points,
  valueText,
  head,
  minCount = MIN_DAY_COUNT,
}: Props) {
  const [focus, setFocus] = useState<number | null>(null);
  const vals = points.map((p) => p.value).filter((v): v is number => v !== null);
  const lo = Math.min(0, ...vals);
  const hi = niceMax(Math.max(1, ...vals));
  const x = linear(0, Math.max(1, points.length - 1), PAD.l, W - PAD.r);
  const y = linear(lo, hi, H - PAD.b, PAD.t);
  const segments: string[] = [];
  let current = "";
  points.forEach((p, i) => {
    if (p.value === null || p.count < minCount) {
      if (current) segments.push(current);
      current = "";
      return;
    }
    current += `${current ? "L" : "M"}${x(i).toFixed(1)},${y(p.value).toFixed(1)}`;
  });
  if (current) segments.push(current);
  const every = Math.max(1, Math.ceil(points.length / 8));
  // Counts fit under every point up to about 40 days; beyond, under the labelled ones.
  const nEvery = points.length <= 40 ? 1 : every;
  const f = focus === null ? undefined : points[focus];
  return (
    <ChartFrame
      title={title}
      note={note}
      readout={f ? valueText(f) : undefined}
      table={{
        head,
        rows: points.map((p) => [
          p.label,
          p.value === null ? "—" : Math.round(p.value * 10) / 10,
          p.count,
        ]),
      }}
    >
      <svg
        class="trend"
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-label={title}
        onMouseLeave={() => setFocus(null)}
      >
        <title>{title}</title>
        {(lo < 0 ? [lo, 0, hi / 2, hi] : ticks(hi, 4)).map((v) => (
          <g key={v}>
            <line
              x1={PAD.l}
              x2={W - PAD.r}
              y1={y(v)}
              y2={y(v)}
              class={v === 0 ? "grid zero" : "grid"}
            />
            <text x={PAD.l - 6} y={y(v) + 4} text-anchor="end" class="axis">
              {Math.round(v)}
            </text>
          </g>
        ))}
        {segments.map((d) => (
          <path key={d} d={d} class="trend-line" />
        ))}
        {points.map((p, i) => (
          <g key={p.key}>
            {i % every === 0 && (
              <text x={x(i)} y={H - 6} text-anchor="middle" class="axis">
                {p.label}
              </text>
            )}
            {i % nEvery === 0 && (
              <text
                x={x(i)}
                y={H - PAD.b + 14}
                text-anchor="middle"
                class={p.count < minCount ? "axis n few" : "axis n"}
                data-n={p.count}
              >
                {p.count}
              </text>
            )}
            {p.value !== null && (
              // biome-ignore lint/a11y/noStaticElementInteractions: hover read-out; the table is the accessible equivalent
              <g
                class={p.count < minCount ? "pt few" : "pt"}
                data-day={p.key}
                onMouseEnter={() => setFocus(i)}
              >
                <title>{valueText(p)}</title>
                <circle cx={x(i)} cy={y(p.value)} r={focus === i ? 6 : 4} />
                <rect x={x(i) - 8} y={PAD.t} width={16} height={H - PAD.t - PAD.b} class="hit" />
              </g>
            )}
          </g>
        ))}
      </svg>
    </ChartFrame>
  );
}
