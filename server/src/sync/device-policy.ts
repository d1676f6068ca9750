// What a device may do through sync, by kind, in one table: the push scope
// check, both pull adapters and the authorization-matrix test all read it
// (docs: sync protocol, "Scope by kind and channel").
//
// - A kiosk belongs to one store: it creates `store` and `feedback`
//   observations of that store only, edits only what it created itself, and
//   pulls its store's `store`/`feedback` observations of the last N days.
// - An extension belongs to one person: it creates `web` and `event`
//   observations, edits only observations of those channels made by that
//   person's devices, and pulls exactly those (plus the workspace config).
// Nobody creates, through sync, an observation of a channel their kind does
// not own; `import` rows are made by the server alone.
import type { Channel, Entity, Mutation } from "@sightline/shared";
import type { DeviceKind } from "../auth/roles.ts";

export type DevicePolicy = {
  /** Channels this kind creates, edits and pulls. */
  readonly channels: readonly Channel[];
  /** Whose observations it may change: its own device's, or its person's devices'. */
  readonly edits: "own-device" | "own-person";
  /** Whose observations it pulls: its store's, or its person's. */
  readonly pulls: "own-store" | "own-person";
  /** Whether a create must name the device's own store. */
  readonly ownStoreOnly: boolean;
};

export const DEVICE_POLICY = {
  kiosk: {
    channels: ["store", "feedback"],
    edits: "own-device",
    pulls: "own-store",
    ownStoreOnly: true,
  },
  extension: {
    channels: ["web", "event"],
    edits: "own-person",
    pulls: "own-person",
    ownStoreOnly: false,
  },
} as const satisfies Record<DeviceKind, DevicePolicy>;

/** The device as the policy sees it. */
export type PolicyDevice = {
  kind: DeviceKind;
  deviceId: string;
  storeId: string | null;
  ownerId: string;
};

/** A stored entity and who owns it (the person behind the device that created it). */
export type StoredEntity = { entity: Entity; ownerId: string };

/**
 * Server-made observation ids (imports) carry UUID version nibble 8; devices
 * make UUIDv7. A device may never create an id in the server's space, so a
 * later import can never find its row squatted.
 */
export const isServerMadeId = (id: string): boolean =>
  /^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-/i.test(id);

const channelOf = (fields: Record<string, unknown> | undefined): unknown => fields?.channel;

/** A reason to refuse `m` from `device`, or null when the policy allows it. */
export function checkScope(
  device: PolicyDevice,
  current: StoredEntity | null,
  m: Mutation,
): string | null {
  const policy: DevicePolicy = DEVICE_POLICY[device.kind];
  const owns = (channel: unknown) => (policy.channels as readonly unknown[]).includes(channel);
  if (m.op === "obs.create") {
    if (isServerMadeId(m.id)) return "observation ids of this form are made by the server only";
    const channel = channelOf(m.fields);
    if (!owns(channel))
      return `a ${device.kind} creates only ${policy.channels.join("/")} observations, not ${String(channel)}`;
    if (policy.ownStoreOnly && m.fields?.storeId !== device.storeId)
      return `a kiosk may only create observations of its own store (${device.storeId})`;
    // A create that repeats an existing id is checked against its owner below.
    if (!current) return null;
  }
  if (!current) return null; // applyMutation answers not-found
  if (!owns(current.entity.fields.channel))
    return `a ${device.kind} may not change ${String(current.entity.fields.channel)} observations`;
  if (policy.edits === "own-device" && current.entity.createdBy !== device.deviceId)
    return "a kiosk may only change observations it created";
  if (policy.edits === "own-person" && current.ownerId !== device.ownerId)
    return "this observation belongs to another person's devices";
  return null;
}
