// Who may do what: the closed sets of people roles, device roles and device
// kinds, and the access names routes declare in `x-sightline-access`.
import type { ApiKeyScope } from "@sightline/shared/schema/api-key";

export const USER_ROLES = ["admin", "manager", "marketer", "staff", "viewer"] as const;
export type UserRole = (typeof USER_ROLES)[number];

export const DEVICE_ROLES = ["staff", "marketer"] as const;
export type DeviceRole = (typeof DEVICE_ROLES)[number];

export const DEVICE_KINDS = ["kiosk", "extension"] as const;
export type DeviceKind = (typeof DEVICE_KINDS)[number];

/** A staff code pairs a kiosk tablet; a marketer code pairs a browser extension. */
export const KIND_OF_ROLE = { staff: "kiosk", marketer: "extension" } as const satisfies Record<
  DeviceRole,
  DeviceKind
>;

/** What an API key may do (server/src/api-keys): read like a viewer, or import observations only. */
export type { ApiKeyScope };

/** Names used in a route's `x-sightline-access` list. */
export type Access = "anonymous" | UserRole | `device:${DeviceRole}` | `key:${ApiKeyScope}`;

export const ANYONE: readonly Access[] = ["anonymous"];
export const ALL_USERS: readonly Access[] = USER_ROLES;
export const ADMINS: readonly Access[] = ["admin", "manager"];
/** Who issues pairing codes: admins and managers any code; a marketer only a code for their own extension. */
export const CODE_ISSUERS: readonly Access[] = ["admin", "manager", "marketer"];
/** People an extension can belong to: the roles that capture observations in a browser. */
export const CAPTURING_ROLES: readonly UserRole[] = ["admin", "manager", "marketer"];
export const ALL_DEVICES: readonly Access[] = ["device:staff", "device:marketer"];
/** People who read observations (staff never do, on a device or not). */
export const READERS: readonly Access[] = ["admin", "manager", "marketer", "viewer"];
/** READERS and read-scoped API keys: the data reads a BI tool may make (docs/http-api.md "API keys"). */
export const DATA_READERS: readonly Access[] = [...READERS, "key:read"];
