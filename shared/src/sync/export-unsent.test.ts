// Export unsent data: exactly the unacknowledged outbox, as files the
// server-side schema accepts, split at the per-file cap; the queue stays.
import { describe, expect, it } from "vitest";
import { exportUnsent } from "./export-unsent.ts";
import { createMemoryStorage } from "./memory-storage.ts";
import type { Mutation } from "./messages/mutation.ts";
import { UnsentExportSchema } from "./messages/unsent-export.ts";
import { wireMutation } from "./storage.ts";

const T = Date.UTC(2026, 10, 24, 3);
const DEV = "0193a1b2-0000-7000-8000-000000000001";
const create = (i: number) => ({
  op: "obs.create" as const,
  id: `0193a1b2-0000-7000-8000-${String(i).padStart(12, "0")}`,
  fields: {
    channel: "web",
    method: "competitor-audit",
    capturedAt: "2026-11-24T10:00:00+07:00",
    what: `Khách hỏi giá ${i}`,
  },
});

async function storageWith(writes: number, acked: number) {
  const s = createMemoryStorage();
  await s.init(DEV, "ws1");
  for (let i = 1; i <= writes; i++) await s.commitLocal(create(i), T + i);
  if (acked > 0) await s.ack(acked, [], T + 100);
  return s;
}

const options = { kind: "extension" as const, appVersion: "1.2.3", now: T + 1000 };

describe("exportUnsent", () => {
  it("holds exactly the unacknowledged writes, as they would be pushed, and keeps the queue", async () => {
    const s = await storageWith(5, 2);
    const unsent = (await s.outboxFrom(3, 10)).map(wireMutation);
    const files = await exportUnsent(s, options);
    expect(files).toHaveLength(1);
    const file = UnsentExportSchema.parse(JSON.parse(files[0]?.text ?? ""));
    expect(file).toMatchObject({
      format: "sightline-unsent",
      version: 1,
      deviceId: DEV,
      workspaceId: "ws1",
      kind: "extension",
      clientSchema: 1,
      appVersion: "1.2.3",
      exportedAt: new Date(T + 1000).toISOString(),
    });
    expect(file.mutations).toEqual(unsent);
    expect(file.mutations.map((m) => m.seq)).toEqual([3, 4, 5]);
    expect(files[0]?.name).toBe(`sightline-unsent-${DEV.slice(0, 8)}-2026-11-24.json`);
    expect(files[0]?.mutations).toBe(3);
    expect((await s.stats()).unsynced).toBe(3);
  });

  it("splits a long queue into numbered files, each under the cap, in seq order", async () => {
    const s = await storageWith(7, 0);
    const files = await exportUnsent(s, { ...options, perFile: 3 });
    expect(files.map((f) => f.name)).toEqual(
      [1, 2, 3].map((i) => expect.stringContaining(`-${i}-of-3.json`)),
    );
    const seqs = files.map((f) =>
      UnsentExportSchema.parse(JSON.parse(f.text)).mutations.map((m) => m.seq),
    );
    expect(seqs).toEqual([[1, 2, 3], [4, 5, 6], [7]]);
  });

  it("has no file when nothing is unsent or the storage was never paired", async () => {
    expect(await exportUnsent(await storageWith(2, 2), options)).toEqual([]);
    expect(await exportUnsent(createMemoryStorage(), options)).toEqual([]);
  });

  it("brings writes queued by an older build to this build's schema", async () => {
    const s = createMemoryStorage();
    await s.init(DEV, "ws1");
    await s.commitLocal({ ...create(1), schema: 1 }, T);
    const upcast = (m: Mutation, from: number) => ({
      ...m,
      fields: { ...m.fields, upcastFrom: from },
    });
    const [file] = await exportUnsent(s, { ...options, clientSchema: 2, upcast });
    const parsed = UnsentExportSchema.parse(JSON.parse(file?.text ?? ""));
    expect(parsed.clientSchema).toBe(2);
    expect(parsed.mutations[0]?.fields).toMatchObject({ upcastFrom: 1 });
  });
});
