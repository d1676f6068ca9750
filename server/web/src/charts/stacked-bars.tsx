// Horizontal stacked bars: one row per category (need), one coloured segment
// per series (channel). Shows at a glance which needs rest on several kinds
// of data and which on one.
import { useState } from "preact/hooks";
import { ChartFrame } from "./chart-frame.tsx";
import { linear, niceMax } from "./scale.ts";

type Series = { key: string; label: string; colour: string };
type Props = {
  title: string;
  note?: string;
  rows: readonly { key: string; label: string }[];
  series: readonly Series[];
  value: (row: string, series: string) => number;
  segmentText: (row: string, series: string, v: number) => string;
  corner: string;
};

const W = 860;
const RH = 26;
const LEFT = 150;
const TOP = 6;

export function StackedBars({ title, note, rows, series, value, segmentText, corner }: Props) {
  const [focus, setFocus] = useState<string | undefined>(undefined);
  const totals = rows.map((r) => series.reduce((s, c) => s + value(r.key, c.key), 0));
  const max = niceMax(Math.max(1, ...totals));
  const x = linear(0, max, LEFT, W - 40);
  const height = TOP + rows.length * RH + 6;
  return (
    <ChartFrame
      title={title}
      note={note}
      readout={focus}
      table={{
        head: [corner, ...series.map((s) => s.label)],
        rows: rows.map((r) => [r.label, ...series.map((s) => value(r.key, s.key))]),
      }}
    >
      <ul class="legend">
        {series.map((s) => (
          <li key={s.key}>
            <svg width="12" height="12" aria-hidden="true">
              <rect width="12" height="12" rx="3" fill={s.colour} />
            </svg>
            {s.label}
          </li>
        ))}
      </ul>
      <svg
        class="stacked"
        width={W}
        viewBox={`0 0 ${W} ${height}`}
        role="img"
        aria-label={title}
        onMouseLeave={() => setFocus(undefined)}
      >
        <title>{title}</title>
        {rows.map((r, i) => {
          let acc = 0;
          const y = TOP + i * RH;
          return (
            <g key={r.key}>
              <text x={LEFT - 8} y={y + RH / 2 + 2} text-anchor="end" class="axis">
                {r.label}
              </text>
              {series.map((s) => {
                const v = value(r.key, s.key);
                if (v <= 0) return null;
                const x0 = x(acc);
                acc += v;
                const text = segmentText(r.label, s.label, v);
                return (
                  // biome-ignore lint/a11y/noStaticElementInteractions: hover read-out; the table is the accessible equivalent
                  <g key={s.key} class="seg" onMouseEnter={() => setFocus(text)}>
                    <title>{text}</title>
                    <rect
                      x={x0}
                      y={y + 3}
                      width={Math.max(1, x(acc) - x0)}
                      height={RH - 8}
                      rx={2}
                      fill={s.colour}
                    />
                  </g>
                );
              })}
              <text x={x(acc) + 6} y={y + RH / 2 + 2} class="axis total">
                {totals[i] ? totals[i] : ""}
              </text>
            </g>
          );
        })}
      </svg>
    </ChartFrame>
  );
}
