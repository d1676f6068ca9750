// Realistic observation payloads for benchmarks: the same rows feed the HTTP
// ingest path and the raw better-sqlite3 baseline, so the ratio is fair.
import { hlcFormat, type Mutation, uuidv7 } from "@sightline/shared";

const BEHAVIOURS = [
  "asked-price",
  "browsed",
  "picked-up",
  "compared-products",
  "left-without-buying",
  "purchased",
];
const ZONES = ["Cửa vào", "Điện thoại", "Laptop", "Phụ kiện", "Quầy thu ngân"];

/** Observation fields #i for a store device. */
export function storeFields(i: number, storeId: string): Record<string, unknown> {
  return {
    channel: "store",
    method: "shopper-observation",
    capturedAt: new Date(Date.UTC(2026, 10, 1) + i * 60_000).toISOString().replace("Z", "+00:00"),
    storeId,
    what: `Khách ${BEHAVIOURS[i % BEHAVIOURS.length]} ở khu ${ZONES[i % ZONES.length]} — quan sát số ${i}`,
    behaviour: BEHAVIOURS[i % BEHAVIOURS.length],
    zone: ZONES[i % ZONES.length],
    segment: { ageBand: "25-34", party: i % 2 ? "alone" : "couple" },
    needs: ["price"],
  };
}

/** `n` create mutations for one device, seqs from `firstSeq`. */
export function createMutations(
  deviceId: string,
  storeId: string,
  firstSeq: number,
  n: number,
): Mutation[] {
  return Array.from({ length: n }, (_, k) => {
    const i = firstSeq + k;
    return {
      seq: i,
      op: "obs.create" as const,
      id: uuidv7(Date.UTC(2026, 10, 1) + i),
      hlc: hlcFormat({ ms: Date.UTC(2026, 10, 1) + i, counter: 0, node: deviceId }),
      fields: storeFields(i, storeId),
    };
  });
}
