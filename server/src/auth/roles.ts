// Who may do what: the closed sets of people roles, device roles and device
// kinds, and the access names routes declare in `x-sightline-access`.
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

/** Names used in a route's `x-sightline-access` list. */
export type Access = "anonymous" | UserRole | `device:${DeviceRole}`;

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
