// Opening a journal and asking for its suggestions over 10,000 / 100,000
// synthetic observations, through the real app on SQLite (in memory):
// cold = first request over the data (full scope scan + stats or
// suggestions), warm = the same request again (scope cache hit),
// after change = the first open after one more observation. For
// `npm run bench`: benchJournalOpen() returns the figures, nothing printed.
import { applyMutation, hlcFormat } from "@sightline/shared";
import type { ImportRow } from "../../../src/db/port.ts";
import { createTestApp } from "../test-app.ts";
import { syntheticObservations } from "./synthetic.ts";

export type JournalBench = {
  observations: number;
  loadMs: number;
  openColdMs: number;
  openWarmMs: number;
  suggestionsColdMs: number;
  suggestionsWarmMs: number;
  /** After a change: the cached scope brought forward from the changed rows, stats adjusted. */
  openAfterChangeMs: number;
};

async function timed<T>(f: () => Promise<T>): Promise<[number, T]> {
  const t0 = performance.now();
  const out = await f();
  return [Math.round(performance.now() - t0), out];
}

export async function benchJournalOpen(n: number): Promise<JournalBench> {
  const t = await createTestApp();
  try {
    const now = Date.now();
    const rows: ImportRow[] = syntheticObservations(n).map(({ id, ...fields }, k) => {
      const r = applyMutation(
        null,
        {
          seq: 1,
          op: "obs.create",
          id,
          hlc: hlcFormat({ ms: now, counter: k % 1_679_616, node: "bench" }),
          fields,
        },
        { workspaceId: t.workspaceId, deviceId: "bench" },
      );
      if (!r.ok) throw new Error(r.message);
      return { observationId: id, sourceRowId: id, entity: r.entity };
    });
    const [loadMs] = await timed(() =>
      t.db.importObservations(t.workspaceId, {
        sourceKey: "bench",
        ownerId: t.admin.userId,
        rows,
        now: new Date().toISOString(),
      }),
    );
    const token = t.admin.token;
    const { id } = await (
      await t.request("/v1/journals", { method: "POST", token, json: { title: "Bench" } })
    ).json();
    const get = async (path: string) => {
      const res = await t.request(path, { token });
      if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
      return res.json();
    };
    const [openColdMs] = await timed(() => get(`/v1/journals/${id}`));
    const [openWarmMs] = await timed(() => get(`/v1/journals/${id}`));
    const [suggestionsColdMs] = await timed(() => get(`/v1/journals/${id}/suggestions`));
    const [suggestionsWarmMs] = await timed(() => get(`/v1/journals/${id}/suggestions`));
    await t.request("/v1/journals", { method: "POST", token, json: { title: "bump" } });
    await t.db.importObservations(t.workspaceId, {
      sourceKey: "bench",
      ownerId: t.admin.userId,
      rows: rows.slice(0, 1).map((r) => ({
        ...r,
        observationId: `${r.observationId}x`,
        sourceRowId: "x",
        entity: { ...r.entity, id: `${r.entity.id}x` },
      })),
      now: new Date().toISOString(),
    });
    const [openAfterChangeMs] = await timed(() => get(`/v1/journals/${id}`));
    return {
      observations: n,
      loadMs,
      openColdMs,
      openWarmMs,
      suggestionsColdMs,
      suggestionsWarmMs,
      openAfterChangeMs,
    };
  } finally {
    await t.close();
  }
}
