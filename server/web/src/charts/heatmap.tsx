// Hour × weekday heatmap (7 rows × 24 columns), HappyOrNot style: when do
// customers answer, and how many. Every cell carries its number in a <title>
// and in the read-out line on hover or keyboard focus of the chart.
import type { ComponentChildren } from "preact";
import { useState } from "preact/hooks";
import { ChartFrame } from "./chart-frame.tsx";
import { diverge, heat, onDiverge, onHeat } from "./scale.ts";

type Props = {
  title: string;
  note?: string;
  /** 7 rows (weekdays, in `rowLabels` order) × 24 hours; null = no data. */
  values: readonly (readonly (number | null)[])[];
  /** Top of the colour scale; defaults to the largest value. */
  scaleMax?: number;
  /** A diverging scale around the middle of 0…scaleMax (the happy index), instead of pale → deep. */
  diverging?: boolean;
  /** Legend labels: the low and high ends, and the no-data swatch. */
  legend?: { low: string; high: string; empty: string; title: string };
  controls?: ComponentChildren;
  rowLabels: readonly string[];
  cellText: (row: string, hour: number, value: number | null) => string;
  hourLabel: string;
};

const CELL = 26;
const GAP = 2;
const LEFT = 44;
const TOP = 18;

export function Heatmap({
  title,
  note,
  values,
  rowLabels,
  cellText,
  hourLabel,
  scaleMax,
  diverging,
  legend,
  controls,
}: Props) {
  const fill = (tone: number) => (diverging ? diverge(tone) : heat(0.08 + tone * 0.92));
  const ink = (tone: number) => (diverging ? onDiverge(tone) : onHeat(0.08 + tone * 0.92));
  const [focus, setFocus] = useState<{ r: number; h: number } | null>(null);
  const max = scaleMax ?? Math.max(0, ...values.flat().map((v) => v ?? 0));
  const width = LEFT + 24 * (CELL + GAP);
  const height = TOP + 7 * (CELL + GAP);
  const readout = focus
    ? cellText(rowLabels[focus.r] ?? "", focus.h, values[focus.r]?.[focus.h] ?? null)
    : undefined;
  return (
    <ChartFrame
      controls={controls}
      title={title}
      note={note}
      readout={readout}
      table={{
        head: [hourLabel, ...Array.from({ length: 24 }, (_, h) => String(h))],
        rows: rowLabels.map((r, i) => [
          r,
          ...Array.from({ length: 24 }, (_, h) => values[i]?.[h] ?? "—"),
        ]),
      }}
    >
      <svg
        class="heatmap"
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-label={title}
        onMouseLeave={() => setFocus(null)}
      >
        <title>{title}</title>
        {Array.from({ length: 24 }, (_, h) =>
          h % 3 === 0 ? (
            <text
              key={`h${h}`}
              x={LEFT + h * (CELL + GAP) + CELL / 2}
              y={12}
              class="axis"
              text-anchor="middle"
            >
              {h}
            </text>
          ) : null,
        )}
        {rowLabels.map((label, r) => (
          <g key={label}>
            <text
              x={LEFT - 6}
              y={TOP + r * (CELL + GAP) + CELL / 2 + 4}
              class="axis"
              text-anchor="end"
            >
              {label}
            </text>
            {Array.from({ length: 24 }, (_, h) => {
              const v = values[r]?.[h] ?? null;
              // Counts: 0 is "nothing here"; a fixed scale (an index) shows its 0.
              const has = v !== null && (v > 0 || scaleMax !== undefined);
              const tone = has && max > 0 ? Math.min(1, (v ?? 0) / max) : 0;
              const x = LEFT + h * (CELL + GAP);
              const y = TOP + r * (CELL + GAP);
              return (
                // biome-ignore lint/a11y/noStaticElementInteractions: hover read-out; the table below is the accessible equivalent
                <g
                  key={h}
                  class="cell"
                  data-value={v ?? ""}
                  onMouseEnter={() => setFocus({ r, h })}
                >
                  <title>{cellText(label, h, v)}</title>
                  <rect
                    x={x}
                    y={y}
                    width={CELL}
                    height={CELL}
                    rx={3}
                    fill={has ? fill(tone) : "#f6f8f8"}
                  />
                  {has && (
                    <text
                      x={x + CELL / 2}
                      y={y + CELL / 2 + 4}
                      text-anchor="middle"
                      class="cell-n"
                      fill={ink(tone)}
                    >
                      {Math.round(v ?? 0)}
                    </text>
                  )}
                </g>
              );
            })}
          </g>
        ))}
      </svg>
      {legend && (
        <div class="legend heat-legend" data-testid="heat-legend">
          <span class="small muted">{legend.title}</span>
          <span class="small">{legend.low}</span>
          <svg viewBox="0 0 100 10" width="120" height="12" aria-hidden="true">
            {Array.from({ length: 10 }, (_, k) => (
              <rect key={k} x={k * 10} y={0} width={10} height={10} fill={fill((k + 0.5) / 10)} />
            ))}
          </svg>
          <span class="small">{legend.high}</span>
          <svg viewBox="0 0 10 10" width="12" height="12" aria-hidden="true">
            <rect x={0} y={0} width={10} height={10} rx={2} fill="#f6f8f8" stroke="#cfd6d3" />
          </svg>
          <span class="small muted">{legend.empty}</span>
        </div>
      )}
    </ChartFrame>
  );
}
