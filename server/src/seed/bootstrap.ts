// First start on an empty database: create the workspace and its admin.
// The password comes from SIGHTLINE_ADMIN_PASSWORD, or is generated and
// returned once so main.ts can print it — it is never stored in clear.
import { randomBytes } from "node:crypto";
import { hashPassword } from "../auth/password.ts";
import type { Db, UserRecord, Workspace } from "../db/port.ts";

export type Bootstrap = {
  workspace: Workspace;
  /** Set only when this call created the admin. */
  created: { admin: UserRecord; generatedPassword: string | null } | null;
};

export async function bootstrap(
  db: Db,
  o: { adminEmail: string; adminPassword?: string | undefined; workspaceName?: string },
): Promise<Bootstrap> {
  const [existing] = await db.listWorkspaces();
  if (existing) return { workspace: existing, created: null };
  const workspace = await db.createWorkspace(o.workspaceName ?? "Sightline");
  const password = o.adminPassword || randomBytes(12).toString("base64url");
  const admin = await db.createUser({
    workspaceId: workspace.id,
    email: o.adminEmail,
    name: "Admin",
    role: "admin",
    passwordHash: await hashPassword(password),
  });
  return { workspace, created: { admin, generatedPassword: o.adminPassword ? null : password } };
}
