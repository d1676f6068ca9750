// Mutation builders for tests: valid store/web/feedback observations with
// increasing HLCs per device.
import { hlcFormat, type Mutation, uuidv7 } from "@sightline/shared";
import type { TestDevice } from "./test-app.ts";

let tick = 0;
export const nextHlc = (deviceId: string, at = Date.now()) =>
  hlcFormat({ ms: at + ++tick, counter: 0, node: deviceId });

export function storeObservation(
  seq: number,
  d: TestDevice,
  fields: Record<string, unknown> = {},
): Mutation {
  return {
    seq,
    op: "obs.create",
    id: uuidv7(),
    hlc: nextHlc(d.deviceId),
    fields: {
      channel: "store",
      method: "shopper-observation",
      capturedAt: new Date().toISOString(),
      storeId: d.storeId,
      what: `Khách hỏi giá #${seq}`,
      behaviour: "asked-price",
      zone: "Cửa vào",
      ...fields,
    },
  };
}

export function webObservation(
  seq: number,
  d: TestDevice,
  fields: Record<string, unknown> = {},
): Mutation {
  return {
    seq,
    op: "obs.create",
    id: uuidv7(),
    hlc: nextHlc(d.deviceId),
    fields: {
      channel: "web",
      method: "competitor-audit",
      capturedAt: new Date().toISOString(),
      url: `https://dienmay.example.vn/p/${seq}`,
      what: `Giá giảm còn ${seq}.990.000₫`,
      ...fields,
    },
  };
}

/**
 * A kiosk's feedback answer: `rating` 1 (very unhappy) to 4 (very happy),
 * captured at `at` (default now; a test's fake clock passes its time) with an
 * HLC from the same instant; `fields` override any field.
 */
export function feedbackAnswer(
  seq: number,
  d: TestDevice,
  rating: number,
  o: { at?: number; fields?: Record<string, unknown> } = {},
): Mutation {
  const at = o.at ?? Date.now();
  return {
    seq,
    op: "obs.create",
    id: crypto.randomUUID(),
    hlc: nextHlc(d.deviceId, at),
    fields: {
      channel: "feedback",
      method: "feedback",
      storeId: d.storeId,
      rating,
      capturedAt: new Date(at).toISOString(),
      what: `${rating}`,
      ...o.fields,
    },
  };
}

export const patch = (
  seq: number,
  d: TestDevice,
  id: string,
  fields: Record<string, unknown>,
): Mutation => ({
  seq,
  op: "obs.patch",
  id,
  hlc: nextHlc(d.deviceId),
  fields,
});
