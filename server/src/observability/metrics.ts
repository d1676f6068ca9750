// A minimal Prometheus text-format registry: labelled counters and gauges
// read at scrape time. Enough for /metrics without another dependency.
type Labels = Record<string, string | number>;

type Counter = { inc(labels?: Labels, by?: number): void };
type Family = {
  name: string;
  help: string;
  type: "counter" | "gauge";
  values: Map<string, number>;
};

const key = (labels: Labels = {}) =>
  Object.entries(labels)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => `${k}="${String(v).replace(/["\\\n]/g, "_")}"`)
    .join(",");

export type Metrics = {
  requests: Counter;
  syncPushes: Counter;
  mutationsApplied: Counter;
  mutationsRejected: Counter;
  pullPages: Counter;
  /** Gauges computed when scraped (e.g. SSE clients). */
  gauge(name: string, help: string, read: () => number): void;
  render(): string;
};

export function createMetrics(): Metrics {
  const families: Family[] = [];
  const gauges: { name: string; help: string; read: () => number }[] = [];
  const counter = (name: string, help: string): Counter => {
    const f: Family = { name, help, type: "counter", values: new Map() };
    families.push(f);
    return {
      inc: (labels, by = 1) => f.values.set(key(labels), (f.values.get(key(labels)) ?? 0) + by),
    };
  };
  return {
    requests: counter("sightline_http_requests_total", "HTTP requests by method, route and status"),
    syncPushes: counter("sightline_sync_pushes_total", "Sync pushes by outcome"),
    mutationsApplied: counter("sightline_sync_mutations_applied_total", "Mutations applied"),
    mutationsRejected: counter(
      "sightline_sync_mutations_rejected_total",
      "Mutations rejected by code",
    ),
    pullPages: counter("sightline_sync_pull_pages_total", "Pull pages served"),
    gauge: (name, help, read) => {
      gauges.push({ name, help, read });
    },
    render() {
      const lines: string[] = [];
      for (const f of families) {
        lines.push(`# HELP ${f.name} ${f.help}`, `# TYPE ${f.name} ${f.type}`);
        for (const [labels, v] of f.values)
          lines.push(`${f.name}${labels ? `{${labels}}` : ""} ${v}`);
      }
      for (const g of gauges)
        lines.push(`# HELP ${g.name} ${g.help}`, `# TYPE ${g.name} gauge`, `${g.name} ${g.read()}`);
      return `${lines.join("\n")}\n`;
    },
  };
}
