// Response schemas of the routes outside journals, insights, suggestions and
// analytics (whose schemas live in shared/src/schema and are what the server
// answers with). These are read leniently (loose objects, optional extras) so
// the client still parses what it has always read; moving them to shared/,
// where the server's route tests can check them, is the next step.
import { CompetitorSchema, StoreSchema } from "@sightline/shared/schema/config";
import * as z from "zod/mini";

export const ROLES = ["admin", "manager", "marketer", "staff", "viewer"] as const;
export const RoleSchema = z.enum(ROLES);

export const UserSchema = z.looseObject({
  id: z.string(),
  email: z.string(),
  role: RoleSchema,
  workspaceId: z.string(),
  name: z.optional(z.nullable(z.string())),
});
export const LoginResponseSchema = z.looseObject({ token: z.string(), user: UserSchema });
/** GET /v1/auth/me: the user, bare or wrapped. */
export const MeSchema = z.union([z.looseObject({ user: UserSchema }), UserSchema]);

export const UserListItemSchema = z.looseObject({
  id: z.string(),
  email: z.string(),
  role: RoleSchema,
  name: z.optional(z.nullable(z.string())),
  createdAt: z.string(),
  /** Disabled by an admin (issue 18); absent from older servers. */
  disabled: z.optional(z.boolean()),
  /** Deleted: kept so their work stays attributed to the name. */
  deleted: z.optional(z.boolean()),
});
export const UserListSchema = z.looseObject({
  items: z.array(UserListItemSchema),
  total: z.optional(z.number()),
  truncated: z.optional(z.boolean()),
});

export const CreatedSchema = z.looseObject({ id: z.string() });
/** A one-time password reset code, shown once. */
export const ResetCodeSchema = z.looseObject({ code: z.string(), expiresAt: z.string() });

/**
 * Lists come back wrapped: `{items}`; the small ones (stores, competitors,
 * people) are capped by the server and say their `total` and whether any
 * were left out (`truncated`).
 */
const listOf = <T extends z.ZodMiniType>(item: T) =>
  z.looseObject({
    items: z.array(item),
    total: z.optional(z.number()),
    truncated: z.optional(z.boolean()),
  });

/** A store or competitor as read back: the shared shape, extra fields kept. */
export const StoreViewSchema = z.looseObject(StoreSchema.shape);
export const CompetitorViewSchema = z.looseObject(CompetitorSchema.shape);
export const StoreListSchema = listOf(StoreViewSchema);
export const CompetitorListSchema = listOf(CompetitorViewSchema);

export const DeviceSchema = z.looseObject({
  id: z.string(),
  name: z.optional(z.nullable(z.string())),
  kind: z.enum(["kiosk", "extension"]),
  role: RoleSchema,
  storeId: z.optional(z.nullable(z.string())),
  lastPushAt: z.optional(z.nullable(z.string())),
  lastPullAt: z.optional(z.nullable(z.string())),
  lastSeenAt: z.optional(z.nullable(z.string())),
  lastSeq: z.optional(z.number()),
  appVersion: z.optional(z.nullable(z.string())),
  revokedAt: z.optional(z.nullable(z.string())),
  revoked: z.optional(z.boolean()),
  createdAt: z.optional(z.string()),
  /** The person the device belongs to (whose extension it is). */
  ownerId: z.optional(z.string()),
  /** Its queue as it last reported it (push/pull status); null before any report. */
  unsynced: z.optional(
    z.nullable(z.object({ count: z.number(), oldestAt: z.nullable(z.string()) })),
  ),
  storagePersisted: z.optional(z.nullable(z.boolean())),
  statusAt: z.optional(z.nullable(z.string())),
});
/** GET /v1/devices: a page in pairing order; `nextCursor` (null on the last) asks for the next. */
export const DeviceListSchema = z.looseObject({
  items: z.array(DeviceSchema),
  nextCursor: z.optional(z.nullable(z.string())),
});

/** POST /v1/devices/{id}/unsent: what importing a device's unsent-data file did. */
export const UnsentImportResultSchema = z.looseObject({
  applied: z.number(),
  duplicates: z.number(),
  rejected: z.array(z.looseObject({ seq: z.number(), code: z.string(), message: z.string() })),
  lastSeq: z.number(),
});

/** POST /v1/observations/import: what was (or, on a dry run, would be) imported, per row. */
export const ImportReportSchema = z.looseObject({
  source: z.string(),
  received: z.number(),
  created: z.number(),
  duplicates: z.number(),
  dryRun: z.optional(z.boolean()),
  errors: z.array(
    z.looseObject({
      line: z.number(),
      rowId: z.optional(z.string()),
      errors: z.array(z.looseObject({ path: z.string(), message: z.string() })),
    }),
  ),
});

/** POST /v1/observations/import/preview: the server's reading of a file, nothing written. */
export const ImportPreviewSchema = z.looseObject({
  format: z.string(),
  columns: z.array(z.string()),
  mapping: z.record(z.string(), z.string()),
  rowIdColumn: z.nullable(z.string()),
  total: z.number(),
});

export const PairingCodeSchema = z.looseObject({ code: z.string(), expiresAt: z.string() });

/** A body the client does not read (204, or a confirmation it ignores). */
export const IgnoredSchema = z.unknown();
