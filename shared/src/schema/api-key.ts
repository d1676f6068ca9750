// API keys on the wire (docs/http-api.md "API keys"): what an admin sends to
// create one, the one answer that carries the secret, and a listed key (never
// its secret). The server's routes and the web app's page read these.
import * as z from "zod/mini";
import { requiredText } from "./text.ts";

export const API_KEY_SCOPES = ["read", "import"] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

export const NewApiKeySchema = z.strictObject({
  name: requiredText(100),
  scope: z.enum(API_KEY_SCOPES),
});
export type NewApiKey = z.infer<typeof NewApiKeySchema>;

/** The answer to a create: the secret `key` appears here once and nowhere else. */
export const CreatedApiKeySchema = z.looseObject({ id: z.string(), key: z.string() });

/** Whether the key resolves now: revoked, or its creator is no longer an enabled admin. */
export const API_KEY_STATES = ["active", "revoked", "creator-inactive"] as const;
export type ApiKeyState = (typeof API_KEY_STATES)[number];

export const ApiKeySchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  scope: z.enum(API_KEY_SCOPES),
  /** The key's last 4 characters. */
  hint: z.string(),
  createdBy: z.object({ id: z.string(), label: z.string() }),
  createdAt: z.string(),
  lastUsedAt: z.nullable(z.string()),
  revokedAt: z.nullable(z.string()),
  state: z.enum(API_KEY_STATES),
});
export type ApiKey = z.infer<typeof ApiKeySchema>;

export const ApiKeyListSchema = z.looseObject({ items: z.array(ApiKeySchema) });
