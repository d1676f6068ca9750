// A chart's figure: heading, optional note, the SVG, a live read-out of the
// hovered or focused value, and the same numbers as a table for screen readers
// and for copying.
import type { ComponentChildren } from "preact";
import { useI18n } from "../i18n/i18n.tsx";

type Props = {
  title: string;
  note?: string | undefined;
  readout?: string | undefined;
  table: { head: string[]; rows: (string | number)[][] };
  controls?: ComponentChildren;
  children: ComponentChildren;
};

export function ChartFrame({ title, note, readout, table, controls, children }: Props) {
  const { t } = useI18n();
  return (
    <figure class="chart card">
      <figcaption>
        <h3>{title}</h3>
        {note && <p class="small muted">{note}</p>}
        {controls}
      </figcaption>
      {children}
      <p class="readout small" aria-live="polite">
        {readout ?? "\u00a0"}
      </p>
      <details class="chart-table">
        <summary class="small">{t("chart.showTable")}</summary>
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                {table.head.map((h) => (
                  <th key={h} scope="col">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.rows.map((r) => (
                <tr key={String(r[0])}>
                  {r.map((c, i) =>
                    i === 0 ? (
                      <th scope="row" key={`${i}`}>
                        {c}
                      </th>
                    ) : (
                      <td key={`${i}`}>{c}</td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
