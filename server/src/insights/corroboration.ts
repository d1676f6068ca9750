// Corroboration: "an insight is never based on a single kind of data"
// (docs/domain.md "Analyse"). Counted from supporting evidence only; every `import` source
// (CRM, survey, call centre…) counts as its own data type.
import type { Channel } from "@sightline/shared";
import { foldText } from "@sightline/shared/text/fold";
import type { Stance } from "./vocabulary.ts";

export type EvidenceFacts = {
  observationId: string;
  stance: Stance;
  channel: Channel;
  /** The import source name, for `import` observations. */
  source?: string | undefined;
};

export type Corroboration = {
  /** Distinct data types among supporting evidence (the name in docs/http-api.md). */
  channels: number;
  /** Distinct supporting observations. */
  observations: number;
  /** True when fewer than two data types support the insight. */
  singleSource: boolean;
  /** The data types themselves: channel codes, or `import:<source>`. */
  dataTypes: string[];
  /** Distinct observations that contradict it ("what could make this wrong"). */
  contradicting: number;
};

/** The data type an observation counts as: its channel, or `import:<folded source>`. */
export function dataTypeOf(o: { channel: Channel; source?: string | undefined }): string {
  if (o.channel !== "import") return o.channel;
  const name = foldText(o.source ?? "").replace(/ /g, "-");
  return `import:${name || "unknown"}`;
}

export function corroborate(evidence: readonly EvidenceFacts[]): Corroboration {
  const types = new Set<string>();
  const supporting = new Set<string>();
  const contradicting = new Set<string>();
  for (const e of evidence) {
    if (e.stance === "contradicts") contradicting.add(e.observationId);
    if (e.stance !== "supports") continue;
    supporting.add(e.observationId);
    types.add(dataTypeOf(e));
  }
  const dataTypes = [...types].sort();
  return {
    channels: dataTypes.length,
    observations: supporting.size,
    singleSource: dataTypes.length < 2,
    dataTypes,
    contradicting: contradicting.size,
  };
}
