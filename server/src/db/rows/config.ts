// Rows of the workspace configuration (stores, i.e. shops, and competitors)
// and their mapping to the shared types, for both adapters (JSON through the
// adapter's Decode).
import type { Competitor, Store } from "@sightline/shared";
import type { Decode } from "./decode.ts";

/** `config` is the store without its id and name, as JSON. */
export type StoreRow = { id: string; name: string; config: unknown };
export type CompetitorRow = { id: string; name: string; domains: unknown };

/** The config mappers over one adapter's Decode. */
export function configRows(d: Decode) {
  return {
    toStore: (r: StoreRow): Store => ({
      id: r.id,
      name: r.name,
      ...(d.json(r.config) as Omit<Store, "id" | "name">),
    }),
    toCompetitor: (r: CompetitorRow): Competitor => ({
      id: r.id,
      name: r.name,
      domains: d.json(r.domains) as string[],
    }),
  };
}

/** What a store row keeps as `config`: everything but its id and name. */
export const storeConfig = ({ id: _id, name: _name, ...rest }: Store) => rest;
