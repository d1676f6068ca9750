// Prints benchmark results as an aligned table and collects them for
// bench/results.json, so two runs can be compared side by side.
export type Row = {
  name: string;
  value: number;
  unit: string;
  baseline?: { name: string; value: number };
  note?: string;
};

export function ratio(r: Row): string {
  if (!r.baseline || r.baseline.value === 0) return "";
  return `${((r.value / r.baseline.value) * 100).toFixed(1)} %`;
}

const fmt = (n: number) =>
  n >= 1000 ? Math.round(n).toLocaleString("en-US") : n >= 10 ? n.toFixed(1) : n.toFixed(2);

export function printTable(rows: readonly Row[]): string {
  const cells = rows.map((r) => [
    r.name,
    `${fmt(r.value)} ${r.unit}`,
    r.baseline ? `${r.baseline.name}: ${fmt(r.baseline.value)} ${r.unit}` : "",
    ratio(r),
    r.note ?? "",
  ]);
  const head = ["benchmark", "value", "baseline (same run)", "ratio", "note"];
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] ?? "").length)));
  const line = (c: string[]) => c.map((s, i) => s.padEnd(widths[i] ?? 0)).join(" | ");
  return [line(head), widths.map((w) => "-".repeat(w)).join("-|-"), ...cells.map(line)].join("\n");
}
