// `sightline create-admin` and `sightline reset-password EMAIL`: the way back
// in when nobody can sign in. Passwords come from --password or
// SIGHTLINE_ADMIN_PASSWORD (the environment keeps them out of `ps`), else one
// is generated and printed once. A reset revokes every session of the user.
import { randomBytes } from "node:crypto";
import { createAuditLog, SYSTEM_ACTOR } from "../audit/audit-log.ts";
import { EmailSchema } from "../auth/email.ts";
import { hashPassword } from "../auth/password.ts";
import { ConflictError, type Db } from "../db/port.ts";
import { bootstrap } from "../seed/bootstrap.ts";
import { CliError, usageError } from "./cli-error.ts";

export const MIN_PASSWORD = 8;

/** The audit log's options from a command's: its clock and the configured retention. */
export const auditOptions = (o: { now?: () => Date; retentionDays?: number }) => ({
  ...(o.now ? { now: o.now } : {}),
  ...(o.retentionDays !== undefined ? { retentionDays: o.retentionDays } : {}),
});

/** The given password (checked) or a generated one, and whether it was generated. */
export function choosePassword(given: string | undefined): {
  password: string;
  generated: boolean;
} {
  if (given === undefined || given === "")
    return { password: randomBytes(12).toString("base64url"), generated: true };
  if (given.length < MIN_PASSWORD)
    throw usageError(`the password needs at least ${MIN_PASSWORD} characters`);
  return { password: given, generated: false };
}

function parseEmail(email: string): string {
  const parsed = EmailSchema.safeParse(email);
  if (!parsed.success) throw usageError(`not an email address: ${email}`);
  return parsed.data;
}

/** The command line's own mistakes (exit 2), found before any database is looked at. */
export function checkAccountInput(o: { email: string; password?: string | undefined }) {
  parseEmail(o.email);
  if (o.password) choosePassword(o.password);
}

export async function createAdmin(
  db: Db,
  o: {
    email: string;
    password?: string;
    name?: string;
    now?: () => Date;
    /** Audit retention (SIGHTLINE_AUDIT_RETENTION_DAYS), so recording never prunes differently from the server. */
    retentionDays?: number;
  },
): Promise<{ email: string; workspaceId: string; password: string; generated: boolean }> {
  const email = parseEmail(o.email);
  const { password, generated } = choosePassword(o.password);
  const [workspace] = await db.listWorkspaces();
  let workspaceId: string;
  let userId: string;
  if (!workspace) {
    const boot = await bootstrap(db, { adminEmail: email, adminPassword: password });
    workspaceId = boot.workspace.id;
    userId = boot.created?.admin.id ?? "";
  } else {
    workspaceId = workspace.id;
    try {
      const user = await db.createUser({
        workspaceId,
        email,
        name: o.name ?? "Admin",
        role: "admin",
        passwordHash: await hashPassword(password),
      });
      userId = user.id;
    } catch (e) {
      if (e instanceof ConflictError)
        throw new CliError(
          `${email} already has an account; use: sightline reset-password ${email}`,
        );
      throw e;
    }
  }
  await createAuditLog(db, auditOptions(o)).record({
    workspaceId,
    type: "user-created",
    actor: SYSTEM_ACTOR,
    target: { type: "user", id: userId, label: email },
    detail: { role: "admin", via: "cli" },
  });
  return { email, workspaceId, password, generated };
}

export async function resetPassword(
  db: Db,
  o: { email: string; password?: string; now?: () => Date; retentionDays?: number },
): Promise<{ email: string; password: string; generated: boolean }> {
  const email = parseEmail(o.email);
  const user = await db.findUserByEmail(email);
  if (!user || user.deletedAt) throw new CliError(`no account with the email ${email}`);
  const { password, generated } = choosePassword(o.password);
  const now = (o.now ?? (() => new Date()))();
  const done = await db.setPassword(
    user.workspaceId,
    user.id,
    await hashPassword(password),
    now.toISOString(),
  );
  if (!done) throw new CliError(`no account with the email ${email}`);
  await createAuditLog(db, { ...auditOptions(o), now: () => now }).record({
    workspaceId: user.workspaceId,
    type: "password-reset-issued",
    actor: SYSTEM_ACTOR,
    target: { type: "user", id: user.id, label: user.email },
    detail: { via: "cli" },
  });
  return { email: user.email, password, generated };
}
