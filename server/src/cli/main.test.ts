// The `sightline` command in-process (runCli): every command's --help, its
// usage errors (exit 2) and failures (exit 1) with a one-line reason, and
// what each does to a real SQLite database in a temp folder. The backup →
// restore round trip with a syncing device is test/backup-restore.test.ts.
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { verifyPassword } from "../auth/password.ts";
import { claimDataDir, PID_FILE } from "../runtime/data-dir-lock.ts";
import { type CliIo, runCli } from "./main.ts";

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), "sightline-cli-"));
  dirs.push(d);
  return d;
};

/** Run the CLI against `dataDir`; returns exit code and what it printed. */
async function cli(args: string[], env: Record<string, string | undefined> = {}) {
  let out = "";
  let err = "";
  const io: CliIo = {
    out: (s) => {
      out += s;
    },
    err: (s) => {
      err += s;
    },
    env: { LOG_LEVEL: "silent", ...env },
    home: "/nonexistent",
    version: "9.9.9",
    handleSignals: false,
  };
  const code = await runCli(args, io);
  return { code, out, err };
}

const COMMANDS = [
  "serve",
  "migrate",
  "backup",
  "restore",
  "create-admin",
  "reset-password",
  "new-epoch",
];

/** A migrated database with an admin (created through the CLI itself). */
async function withAdmin() {
  const dataDir = tempDir();
  const env = { SIGHTLINE_DATA: dataDir };
  const made = await cli(
    ["create-admin", "--create", "--email", "owner@shop.vn", "--password", "first-password"],
    env,
  );
  expect(made.code).toBe(0);
  return { dataDir, env, file: join(dataDir, "sightline.sqlite") };
}

const sqlite = (file: string) => new Database(file, { fileMustExist: true });

describe("sightline (no command, unknown command, --version)", () => {
  it("prints the command list and exits 2 without a command, 0 with --help", async () => {
    const none = await cli([]);
    expect(none.code).toBe(2);
    for (const c of COMMANDS) expect(none.out).toContain(`  ${c}`);
    expect((await cli(["--help"])).code).toBe(0);
  });

  it("refuses an unknown command with exit 2 and the list", async () => {
    const r = await cli(["bakup", "x"]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/unknown command "bakup"/);
  });

  it("prints the package version", async () => {
    expect(await cli(["--version"])).toMatchObject({ code: 0, out: "9.9.9\n" });
  });
});

describe.each(COMMANDS)("sightline %s --help", (command) => {
  it("explains the command and exits 0 without touching a database", async () => {
    const dataDir = tempDir();
    const r = await cli([command, "--help"], { SIGHTLINE_DATA: dataDir });
    expect(r.code).toBe(0);
    expect(r.out).toMatch(new RegExp(`^Usage: sightline ${command}`));
    expect(readdirSync(dataDir)).toEqual([]);
  });
});

describe("usage errors exit 2 with the usage line", () => {
  it.each([
    [["backup"], /backup needs one argument/],
    [["restore", "a", "b"], /restore needs one argument/],
    [["migrate", "now"], /migrate takes no arguments/],
    [["create-admin"], /--email is required/],
    [["create-admin", "--email", "not-an-email"], /not an email address/],
    [["create-admin", "--email", "a@b.vn", "--password", "short"], /at least 8 characters/],
    [["backup", "--fast", "x"], /Unknown option '--fast'/],
  ])("%j", async (args, message) => {
    const r = await cli(args, { SIGHTLINE_DATA: tempDir() });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err).toMatch(/usage: sightline/);
  });

  it("a bad environment is a failure (exit 1) naming the variable", async () => {
    const r = await cli(["migrate"], { PORT: "eighty" });
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/PORT/);
  });
});

describe("sightline migrate", () => {
  it("applies every migration to a new database, then has nothing to do", async () => {
    const env = { SIGHTLINE_DATA: tempDir() };
    const first = await cli(["migrate"], env);
    expect(first).toMatchObject({ code: 0 });
    expect(first.out).toMatch(/^applied migrations 1, 2, 3/);
    expect(await cli(["migrate"], env)).toMatchObject({
      code: 0,
      out: "the database is up to date; nothing to apply\n",
    });
  });

  it("refuses (exit 1, nothing applied) while a server holds the SQLite data folder", async () => {
    const dataDir = tempDir();
    const env = { SIGHTLINE_DATA: dataDir };
    // A claim in this process stands in for a running server (same lock).
    const release = claimDataDir(dataDir);
    const r = await cli(["migrate"], env);
    release();
    expect(r.code).toBe(1);
    expect(r.err).toContain(`a Sightline server (pid ${process.pid}) is running on ${dataDir}`);
    expect(r.err).toContain("stop it before migrating");
    expect(existsSync(join(dataDir, "sightline.sqlite"))).toBe(false);
    const after = await cli(["migrate"], env);
    expect(after.code).toBe(0);
    expect(after.out).toMatch(/^applied migrations 1, 2, 3/);
  });
});

describe("sightline create-admin and reset-password", () => {
  it("creates the workspace and admin on an empty database; a second admin joins it; a taken email fails", async () => {
    const { env, file } = await withAdmin();
    const second = await cli(["create-admin", "--email", "lan@shop.vn"], env);
    expect(second.code).toBe(0);
    const password = /password: (\S+)/.exec(second.out)?.[1] as string;
    expect(password.length).toBeGreaterThanOrEqual(12);
    const db = sqlite(file);
    const users = db
      .prepare("SELECT email, role, workspace_id, password_hash FROM users")
      .all() as {
      email: string;
      role: string;
      workspace_id: string;
      password_hash: string;
    }[];
    db.close();
    expect(users.map((u) => [u.email, u.role])).toEqual([
      ["owner@shop.vn", "admin"],
      ["lan@shop.vn", "admin"],
    ]);
    expect(new Set(users.map((u) => u.workspace_id)).size).toBe(1);
    expect(await verifyPassword(password, users[1]?.password_hash as string)).toBe(true);

    const taken = await cli(["create-admin", "--email", "LAN@shop.vn"], env);
    expect(taken.code).toBe(1);
    expect(taken.err).toMatch(/already has an account; use: sightline reset-password/);
  });

  it("reset-password sets the new password (from the environment) and revokes the person's sessions", async () => {
    const { env, file } = await withAdmin();
    let db = sqlite(file);
    const user = db.prepare("SELECT id, workspace_id FROM users").get() as {
      id: string;
      workspace_id: string;
    };
    db.prepare(
      "INSERT INTO sessions (token_hash, workspace_id, user_id, created_at, expires_at) VALUES ('h1', ?, ?, ?, ?)",
    ).run(user.workspace_id, user.id, new Date().toISOString(), "2999-01-01T00:00:00.000Z");
    db.close();

    const r = await cli(["reset-password", "owner@shop.vn"], {
      ...env,
      SIGHTLINE_ADMIN_PASSWORD: "second-password",
    });
    expect(r).toMatchObject({ code: 0 });
    expect(r.out).not.toContain("second-password");
    db = sqlite(file);
    const after = db.prepare("SELECT password_hash FROM users").get() as { password_hash: string };
    const session = db.prepare("SELECT revoked_at FROM sessions").get() as { revoked_at: string };
    const audit = db.prepare("SELECT type FROM audit_events ORDER BY rowid").all();
    db.close();
    expect(await verifyPassword("second-password", after.password_hash)).toBe(true);
    expect(session.revoked_at).not.toBeNull();
    expect(audit).toContainEqual({ type: "password-reset-issued" });

    const unknown = await cli(["reset-password", "nobody@shop.vn"], env);
    expect(unknown.code).toBe(1);
    expect(unknown.err).toMatch(/no account with the email nobody@shop.vn/);
  });
});

describe("commands that need a database never create one by mistake", () => {
  // Run without SIGHTLINE_DATA (from the wrong folder), create-admin once
  // made a new database in ./data and said it had added the admin.
  it.each([
    [["create-admin", "--email", "lan@shop.vn", "--password", "long-enough"], true],
    [["reset-password", "lan@shop.vn"], false],
    [["restore", "/nonexistent/backup.sqlite"], true],
    [["new-epoch"], false],
    [["backup", "/nonexistent/b.sqlite"], false],
  ])("%j: exit 1 naming the path, nothing created", async (args, offersCreate) => {
    const dataDir = tempDir();
    const r = await cli(args, { SIGHTLINE_DATA: dataDir });
    expect(r.code).toBe(1);
    expect(r.err).toContain(`no database at ${join(dataDir, "sightline.sqlite")}`);
    expect(r.err).toContain("SIGHTLINE_DATA");
    if (offersCreate) expect(r.err).toContain("--create");
    expect(readdirSync(dataDir)).toEqual([]);
  });

  it("names the absolute path when SIGHTLINE_DATA is relative", async () => {
    const dataDir = join(tempDir(), "data");
    const r = await cli(["create-admin", "--email", "lan@shop.vn"], {
      SIGHTLINE_DATA: relative(process.cwd(), dataDir),
    });
    expect(r.code).toBe(1);
    expect(r.err).toContain(`no database at ${join(dataDir, "sightline.sqlite")}`);
    expect(existsSync(dataDir)).toBe(false);
  });

  it("create-admin --create starts a new database with the admin", async () => {
    const dataDir = tempDir();
    const r = await cli(["create-admin", "--create", "--email", "lan@shop.vn"], {
      SIGHTLINE_DATA: dataDir,
    });
    expect(r.code).toBe(0);
    expect(existsSync(join(dataDir, "sightline.sqlite"))).toBe(true);
  });
});

describe("sightline backup", () => {
  it("copies the database to one self-contained file stamped with its time, and audits it", async () => {
    const { env, dataDir } = await withAdmin();
    const dest = join(tempDir(), "backup.sqlite");
    const r = await cli(["backup", dest], env);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^backed up .*sightline\.sqlite to .*backup\.sqlite \(\d+ bytes\) at /);
    expect(existsSync(`${dest}-wal`)).toBe(false);
    const copy = sqlite(dest);
    expect(copy.pragma("journal_mode", { simple: true })).toBe("delete");
    expect(copy.prepare("SELECT value FROM meta WHERE key = 'backup_at'").get()).toEqual({
      value: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
    expect(copy.prepare("SELECT count(*) AS n FROM users").get()).toEqual({ n: 1 });
    copy.close();
    const live = sqlite(join(dataDir, "sightline.sqlite"));
    expect(
      live.prepare("SELECT type, actor_type FROM audit_events WHERE type = 'backup'").all(),
    ).toEqual([{ type: "backup", actor_type: "system" }]);
    live.close();

    const again = await cli(["backup", dest], env);
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/exists; choose a new file name or pass --force/);
    expect((await cli(["backup", dest, "--force"], env)).code).toBe(0);
  });

  it("fails clearly (no stack trace) when the backup's folder does not exist", async () => {
    const { env } = await withAdmin();
    const missing = join(tempDir(), "no-such-folder");
    const r = await cli(["backup", join(missing, "b.sqlite")], env);
    expect(r.code).toBe(1);
    expect(r.err).toBe(`sightline backup: no folder ${missing} to write the backup in\n`);
  });

  it("fails clearly when there is no database yet", async () => {
    const r = await cli(["backup", join(tempDir(), "b.sqlite")], { SIGHTLINE_DATA: tempDir() });
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/no database at .*sightline\.sqlite/);
  });

  it("on PostgreSQL prints the pg_dump and pg_restore lines, password masked, schema kept", async () => {
    const r = await cli(["backup", "/backups/s.dump"], {
      DATABASE_URL:
        "postgres://sightline:s3cret@db.internal:5432/sightline?options=-c%20search_path%3Dsightline&max=20",
    });
    expect(r.code).toBe(0);
    expect(r.out).toContain(
      "pg_dump --format=custom --no-owner --schema='sightline' --file='/backups/s.dump' 'postgres://sightline:****@db.internal:5432/sightline?options=-c%20search_path%3Dsightline'",
    );
    expect(r.out).toContain("pg_restore --clean --if-exists");
    expect(r.out).not.toContain("s3cret");
    expect(r.out).not.toContain("max=20");
  });
});

describe("sightline restore and new-epoch refuse a running server", () => {
  it("exit 1 naming the pid while a server holds the data folder; a pid file alone is ignored", async () => {
    const { env, dataDir } = await withAdmin();
    const dest = join(tempDir(), "b.sqlite");
    expect((await cli(["backup", dest], env)).code).toBe(0);
    // A claim in this process stands in for a running server (same lock).
    const release = claimDataDir(dataDir);
    for (const args of [["restore", dest], ["new-epoch"]]) {
      const r = await cli(args, env);
      expect(r.code).toBe(1);
      expect(r.err).toContain(`a Sightline server (pid ${process.pid}) is running`);
    }
    release();
    writeFileSync(join(dataDir, PID_FILE), `${process.ppid}\n`); // a pid file alone: no server
    expect((await cli(["new-epoch"], env)).code).toBe(0);
  });

  it("restore onto a new machine (empty data folder): the backup's people, a new epoch, sessions revoked", async () => {
    const { env, file } = await withAdmin();
    const dest = join(tempDir(), "b.sqlite");
    expect((await cli(["backup", dest], env)).code).toBe(0);
    const old = sqlite(file);
    const oldEpoch = (
      old.prepare("SELECT value FROM meta WHERE key = 'epoch'").get() as {
        value: string;
      }
    ).value;
    old.close();
    const fresh = join(tempDir(), "data");
    const r = await cli(["restore", "--create", dest], { SIGHTLINE_DATA: fresh });
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expect(r.out).toContain("there was no database to replace");
    const db = sqlite(join(fresh, "sightline.sqlite"));
    expect(db.prepare("SELECT email FROM users").all()).toEqual([{ email: "owner@shop.vn" }]);
    const epoch = (
      db.prepare("SELECT value FROM meta WHERE key = 'epoch'").get() as {
        value: string;
      }
    ).value;
    expect(epoch).not.toBe(oldEpoch);
    expect(db.prepare("SELECT count(*) AS n FROM sessions WHERE revoked_at IS NULL").get()).toEqual(
      { n: 0 },
    );
    db.close();
    expect(readdirSync(fresh).sort()).toEqual(["sightline.lock", "sightline.sqlite"]);
  });

  it("restore refuses a file that is not a Sightline backup", async () => {
    const { env } = await withAdmin();
    const junk = join(tempDir(), "junk.sqlite");
    writeFileSync(junk, "not a database at all, just text".repeat(100));
    const r = await cli(["restore", junk], env);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/is not a (SQLite|Sightline) database/);
    expect((await cli(["restore", join(tempDir(), "missing")], env)).err).toMatch(/no backup at/);
  });
});

describe("sightline new-epoch", () => {
  it("changes the epoch and, with --revoke-sessions, signs everybody out", async () => {
    const { env, file } = await withAdmin();
    let db = sqlite(file);
    const before = db.prepare("SELECT value FROM meta WHERE key = 'epoch'").get() as {
      value: string;
    };
    const user = db.prepare("SELECT id, workspace_id FROM users").get() as {
      id: string;
      workspace_id: string;
    };
    db.prepare(
      "INSERT INTO sessions (token_hash, workspace_id, user_id, created_at, expires_at) VALUES ('h2', ?, ?, ?, ?)",
    ).run(user.workspace_id, user.id, new Date().toISOString(), "2999-01-01T00:00:00.000Z");
    db.close();
    const r = await cli(["new-epoch", "--revoke-sessions"], env);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^new epoch [0-9a-f]{32}; 1 session\(s\) revoked/);
    db = sqlite(file);
    const after = db.prepare("SELECT value FROM meta WHERE key = 'epoch'").get() as {
      value: string;
    };
    expect(after.value).not.toBe(before.value);
    expect(db.prepare("SELECT count(*) AS n FROM sessions WHERE revoked_at IS NULL").get()).toEqual(
      {
        n: 0,
      },
    );
    db.close();
  });
});
