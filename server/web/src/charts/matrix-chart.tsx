// Rows × columns of counts drawn as circles sized by count (behaviour by
// zone). Reads like a table, spots the hot zone at a glance.
import { useState } from "preact/hooks";
import { ChartFrame } from "./chart-frame.tsx";
import { heat } from "./scale.ts";

type Props = {
  title: string;
  note?: string;
  rows: readonly { key: string; label: string }[];
  cols: readonly { key: string; label: string }[];
  value: (row: string, col: string) => number;
  cellText: (row: string, col: string, v: number) => string;
  corner: string;
};

const CW = 112;
const RH = 34;
const LEFT = 170;
const TOP = 40;

export function MatrixChart({ title, note, rows, cols, value, cellText, corner }: Props) {
  const [focus, setFocus] = useState<string | undefined>(undefined);
  let max = 0;
  for (const r of rows) for (const c of cols) max = Math.max(max, value(r.key, c.key));
  const width = LEFT + cols.length * CW + 8;
  const height = TOP + rows.length * RH + 4;
  return (
    <ChartFrame
      title={title}
      note={note}
      readout={focus}
      table={{
        head: [corner, ...cols.map((c) => c.label)],
        rows: rows.map((r) => [r.label, ...cols.map((c) => value(r.key, c.key))]),
      }}
    >
      <div class="scroll-x">
        <svg
          class="matrix"
          width={width}
          viewBox={`0 0 ${width} ${height}`}
          role="img"
          aria-label={title}
          onMouseLeave={() => setFocus(undefined)}
        >
          <title>{title}</title>
          {cols.map((c, j) => (
            <text
              key={c.key}
              x={LEFT + j * CW + CW / 2}
              y={TOP - 14}
              text-anchor="middle"
              class="axis col-label"
            >
              {c.label.length > 16 ? `${c.label.slice(0, 15)}…` : c.label}
            </text>
          ))}
          {rows.map((r, i) => (
            <g key={r.key}>
              <line
                x1={8}
                x2={width - 8}
                y1={TOP + i * RH + RH}
                y2={TOP + i * RH + RH}
                class="grid"
              />
              <text x={LEFT - 10} y={TOP + i * RH + RH / 2 + 4} text-anchor="end" class="axis">
                {r.label}
              </text>
              {cols.map((c, j) => {
                const v = value(r.key, c.key);
                const rad = v > 0 ? 3 + 12 * Math.sqrt(v / Math.max(1, max)) : 0;
                const text = cellText(r.label, c.label, v);
                return (
                  // biome-ignore lint/a11y/noStaticElementInteractions: hover read-out; the table is the accessible equivalent
                  <g key={c.key} class="cell" data-value={v} onMouseEnter={() => setFocus(text)}>
                    <title>{text}</title>
                    <rect x={LEFT + j * CW} y={TOP + i * RH} width={CW} height={RH} class="hit" />
                    {v > 0 && (
                      <>
                        <circle
                          cx={LEFT + j * CW + CW / 2 - 12}
                          cy={TOP + i * RH + RH / 2}
                          r={rad}
                          fill={heat(0.25 + 0.75 * (v / Math.max(1, max)))}
                        />
                        <text
                          fill="#1d2b30"
                          x={LEFT + j * CW + CW / 2 + 8}
                          y={TOP + i * RH + RH / 2 + 4}
                          class="cell-n"
                        >
                          {v}
                        </text>
                      </>
                    )}
                  </g>
                );
              })}
            </g>
          ))}
        </svg>
      </div>
    </ChartFrame>
  );
}
