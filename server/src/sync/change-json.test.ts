import { ChangeSchema } from "@sightline/shared";
import { describe, expect, it } from "vitest";
import { type ChangeColumns, changeJson } from "./change-json.ts";

const H = (ms: number) => `${String(ms).padStart(15, "0")}-0000-dev-1`;
const fields = {
  what: 'say "hi"\n\u2028 — Điện thoại',
  needs: ["price"],
  segment: { party: "alone" },
};
const fieldHlc = { what: H(1), needs: H(1), segment: H(2) };
const columns = (over: Partial<ChangeColumns> = {}): ChangeColumns => ({
  id: "obs-1",
  workspaceId: "ws-1",
  createdBy: "dev-1",
  fieldsJson: JSON.stringify(fields),
  fieldHlcJson: JSON.stringify(fieldHlc),
  deletedHlc: null,
  restoredHlc: null,
  version: 7,
  ...over,
});

describe("changeJson", () => {
  it("a live row is a put of the whole entity, valid against ChangeSchema", () => {
    const c = JSON.parse(changeJson(columns({ deletedHlc: H(3), restoredHlc: H(4) })));
    expect(ChangeSchema.parse(c)).toEqual(c);
    expect(c).toEqual({
      op: "put",
      entity: {
        id: "obs-1",
        workspaceId: "ws-1",
        createdBy: "dev-1",
        fields,
        fieldHlc,
        deletedHlc: H(3),
        restoredHlc: H(4),
        version: 7,
      },
    });
  });

  it("a tombstone is a del with its deleting version", () => {
    const c = JSON.parse(changeJson(columns({ deletedHlc: H(5), restoredHlc: H(4) })));
    expect(ChangeSchema.parse(c)).toEqual(c);
    expect(c).toEqual({ op: "del", id: "obs-1", deletedHlc: H(5), version: 7 });
  });
});
