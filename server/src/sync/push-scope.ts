// Device scope rules for pushed mutations (ARCHITECTURE.md "Security model"):
// a kiosk writes only its own store's observations and edits only what it
// created; an extension edits only observations of its owner's devices.
// A denial is final, so the push records it as a `forbidden` rejection.
import type { Mutation } from "@sightline/shared";
import type { DevicePrincipal } from "../store/port.ts";
import type { StoredEntity } from "./push-algorithm.ts";

/** A reason to refuse `m` from `device`, or null when it is in scope. */
export function checkScope(
  device: DevicePrincipal,
  current: StoredEntity | null,
  m: Mutation,
): string | null {
  if (m.op === "obs.create") {
    if (device.role !== "staff") return null;
    const storeId = m.fields?.storeId;
    return storeId === device.storeId
      ? null
      : `a kiosk may only create observations of its own store (${device.storeId})`;
  }
  if (!current) return null; // applyMutation answers not-found
  if (device.role === "staff" && current.entity.createdBy !== device.deviceId)
    return "a kiosk may only change observations it created";
  if (device.role === "marketer" && current.ownerId !== device.ownerId)
    return "this observation belongs to another user's devices";
  return null;
}
