// One pass over a journal's observations: tokens (what, why, evidence quote),
// TF-IDF vectors, effective needs (tagged + reason + behaviour + word hints),
// grouping keys and data types. Observations with the same text share one
// document (kiosk taps mostly read "Hỏi giá"), so text work is per distinct
// text; per observation only a few integer operations remain.
import { type Channel, NEED_CODES, type NeedCode } from "@sightline/shared";
import { foldText } from "@sightline/shared/text/fold";
import { dataTypeOf } from "../corroboration.ts";
import { buildTfIdf, type SparseVector, TermDictionary, type TfIdf } from "../text/tf-idf.ts";
import { terms } from "../text/tokenise.ts";
import { BEHAVIOUR_MASK, needsFromTerms } from "./need-hints.ts";
import { maskOf, needBit } from "./need-mask.ts";
import type { SuggestObservation } from "./observation.ts";

export type Featured = {
  obs: SuggestObservation;
  /** Index of the observation's distinct text (FeatureSet.docs). */
  doc: number;
  /** Data type id (FeatureSet.dataTypes): the channel, or `import:<source>`. */
  dataType: number;
  channel: Channel;
  /** capturedAt in ms since epoch (NaN when unreadable). */
  time: number;
  vector: SparseVector;
  /** Needs tagged on the observation (need-mask.ts). */
  tagged: number;
  /** Tagged plus inferred needs (need-mask.ts); need bit b is grouping key b. */
  needs: number;
  /** Grouping key of the behaviour, −1 when none. */
  behaviourKey: number;
  /** Grouping keys of the tags, when any. */
  tagKeys: number[] | undefined;
};

export type FeatureSet = {
  items: Featured[];
  tfidf: TfIdf;
  dictionary: TermDictionary;
  /** Each distinct text (what, why, quote), as written. */
  texts: string[];
  dataTypes: string[];
  /**
   * Names of the grouping keys ≥ 0: keys 0–15 are the needs in NEED_CODES
   * order (`need:price`), then `behaviour:…` and `tag:…`. Key −1 − t is
   * the shared term t (termKey).
   */
  keys: string[];
  /** Term keys of each distinct text: its strongest terms that at least two observations share. */
  docKeys: number[][];
  /** How many observations share each distinct text. */
  multiplicity: number[];
};

/** Key −1 − t is term t; keys ≥ 0 are named in FeatureSet.keys. */
export const termKey = (termId: number): number => -1 - termId;

/** A grouping key's name: `need:price`, `behaviour:…`, `tag:…` or `term:<term id>`. */
export function keyName(fs: FeatureSet, key: number): string {
  return key < 0 ? `term:${-1 - key}` : (fs.keys[key] ?? "");
}

export type FeaturiseOptions = {
  /** Store reason code → need (from each store's feedback reasons). */
  reasonNeeds?: ReadonlyMap<string, NeedCode> | undefined;
  /** Strongest shared terms per text that become grouping keys (default 6). */
  termKeys?: number;
};

/** Interns strings to small integers. */
class Interner {
  readonly names: string[] = [];
  readonly #ids = new Map<string, number>();
  id(name: string): number {
    let id = this.#ids.get(name);
    if (id === undefined) {
      id = this.names.length;
      this.#ids.set(name, id);
      this.names.push(name);
    }
    return id;
  }
}

export function featurise(
  observations: readonly SuggestObservation[],
  options: FeaturiseOptions = {},
): FeatureSet {
  const dictionary = new TermDictionary();
  const docIds = new Map<string, number>();
  const docTerms: number[][] = [];
  const docTexts: string[] = [];
  const multiplicity: number[] = [];
  const newDoc = (text: string, ids: number[]) => {
    docTerms.push(ids);
    docTexts.push(text);
    multiplicity.push(0);
    return docTerms.length - 1;
  };
  const docOf = observations.map((o) => {
    const why = o.why;
    const quote = o.evidence?.quote === o.what ? undefined : o.evidence?.quote;
    let d: number | undefined;
    if (!why && !quote) {
      // Only a `what`: kiosk taps and ratings repeat these, so share them.
      d = docIds.get(o.what);
      if (d === undefined) {
        d = newDoc(o.what, dictionary.idsOf(o.what, docTerms.length));
        docIds.set(o.what, d);
      }
    } else {
      // Quotes and reasons are rarely repeated: no lookup, one document each.
      const at = docTerms.length;
      const ids = dictionary.idsOf(o.what, at);
      if (why) ids.push(...dictionary.idsOf(why, at));
      if (quote) ids.push(...dictionary.idsOf(quote, at));
      d = newDoc([o.what, why, quote].filter(Boolean).join("\n"), ids);
    }
    multiplicity[d] = (multiplicity[d] as number) + 1;
    return d;
  });
  const tfidf = buildTfIdf(docTerms, 12, multiplicity);
  const keys = new Interner();
  for (const need of NEED_CODES) keys.id(`need:${need}`);
  // A term shared by at least two observations can start a group; one in
  // over half of a sizeable journal says nothing specific.
  const n = observations.length;
  const maxDf = n >= 20 ? n / 2 : n;
  const templated = templatedTerms(observations, docOf, docTerms, dictionary.terms.length);
  const termKeys = options.termKeys ?? 6;
  const docKeys = tfidf.vectors.map((v) =>
    strongest(v, termKeys, (id) => {
      const df = tfidf.df[id] ?? 0;
      return df >= 2 && df <= maxDf && !templated.has(id);
    }),
  );
  const termNeeds = dictionary.terms.map((t) => needsFromTerms([t]));
  const docNeeds = docTerms.map((ids) => {
    let m = 0;
    for (const id of ids) m |= termNeeds[id] as number;
    return m;
  });

  const dataTypes = new Interner();
  const dataTypeKey = new Map<string, number>();
  const dataTypeOfObs = (o: SuggestObservation) => {
    const raw = o.channel === "import" ? `import\u0000${o.source ?? ""}` : o.channel;
    let t = dataTypeKey.get(raw);
    if (t === undefined) {
      t = dataTypes.id(dataTypeOf(o));
      dataTypeKey.set(raw, t);
    }
    return t;
  };
  const behaviourKey = new Map<string, number>();
  const keyOfBehaviour = (b: string) => {
    let k = behaviourKey.get(b);
    if (k === undefined) {
      k = keys.id(`behaviour:${b}`);
      behaviourKey.set(b, k);
    }
    return k;
  };
  const reasonMask = new Map<string, number>();
  const maskOfReason = (r: string) => {
    let m = reasonMask.get(r);
    if (m === undefined) {
      const need = options.reasonNeeds?.get(r);
      m = need ? needBit(need) : needBit(r) || needsFromTerms(terms(r.replace(/[-_]/g, " ")));
      reasonMask.set(r, m);
    }
    return m;
  };
  const tagKey = new Map<string, number>();
  const keyOfTag = (tag: string) => {
    let k = tagKey.get(tag);
    if (k === undefined) {
      k = keys.id(`tag:${foldText(tag)}`);
      tagKey.set(tag, k);
    }
    return k;
  };

  const items = observations.map((obs, i): Featured => {
    const doc = docOf[i] as number;
    const tagged = obs.needs?.length ? maskOf(obs.needs) : 0;
    let needs = tagged | (docNeeds[doc] as number);
    if (obs.reasons) for (const r of obs.reasons) needs |= maskOfReason(r);
    if (obs.behaviour) needs |= BEHAVIOUR_MASK.get(obs.behaviour) ?? 0;
    if (obs.evidence?.facts?.prices?.length) needs |= needBit("price");
    return {
      obs,
      doc,
      dataType: dataTypeOfObs(obs),
      channel: obs.channel,
      time: Date.parse(obs.capturedAt),
      vector: tfidf.vectors[doc] as SparseVector,
      tagged,
      needs,
      behaviourKey: obs.behaviour ? keyOfBehaviour(obs.behaviour) : -1,
      tagKeys: obs.tags?.length ? [...new Set(obs.tags.map(keyOfTag))] : undefined,
    };
  });
  return {
    items,
    tfidf,
    dictionary,
    texts: docTexts,
    dataTypes: dataTypes.names,
    keys: keys.names,
    docKeys,
    multiplicity,
  };
}

/**
 * Term keys of the `k` heaviest terms of a vector that pass `keep`, heaviest
 * first (ties: lower id). A selection pass, no sorting: k is tiny.
 */
export function strongest(v: SparseVector, k: number, keep: (id: number) => boolean): number[] {
  const out: number[] = [];
  const ws: number[] = [];
  for (let j = 0; j < v.ids.length; j++) {
    const id = v.ids[j] as number;
    const w = v.weights[j] as number;
    if (!keep(id)) continue;
    let at = out.length;
    while (at > 0 && (ws[at - 1] as number) < w) at--;
    if (at >= k) continue;
    out.splice(at, 0, termKey(id));
    ws.splice(at, 0, w);
    if (out.length > k) {
      out.pop();
      ws.pop();
    }
  }
  return out;
}

/**
 * Terms of a device's own wording rather than the customer's: in most of one
 * channel's observations (≥ 60 % of at least 20) — e.g. the kiosk's "Rated n/4"
 * or "Khách chấm n/4" on every rating. They would otherwise make a theme of
 * their own ("khách chấm") out of unrelated ratings.
 */
export function templatedTerms(
  observations: readonly SuggestObservation[],
  docOf: readonly number[],
  docTerms: readonly number[][],
  termCount: number,
): Set<number> {
  const perChannel = new Map<string, { n: number; df: Uint32Array }>();
  observations.forEach((o, i) => {
    let c = perChannel.get(o.channel);
    if (!c) {
      c = { n: 0, df: new Uint32Array(termCount) };
      perChannel.set(o.channel, c);
    }
    c.n++;
    const seen = new Set(docTerms[docOf[i] as number]);
    for (const id of seen) c.df[id] = (c.df[id] as number) + 1;
  });
  const out = new Set<number>();
  for (const { n, df } of perChannel.values()) {
    if (n < 20) continue;
    df.forEach((count, id) => {
      if (count >= 0.6 * n) out.add(id);
    });
  }
  return out;
}
