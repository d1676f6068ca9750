// The signed-in user survives reloads: the session cookie is httpOnly, so the
// app keeps a copy of the user (no secret) and asks the server to confirm.
import type { Api } from "./api/client.ts";
import { ApiError } from "./api/problem.ts";
import { UserSchema } from "./api/schemas.ts";
import type { User } from "./api/types.ts";

const KEY = "sightline.user";

export function cachedUser(): User | null {
  try {
    const raw = localStorage.getItem(KEY);
    const u = raw ? UserSchema.safeParse(JSON.parse(raw)) : null;
    return u?.success ? u.data : null;
  } catch {
    return null;
  }
}

export function rememberUser(user: User | null): void {
  try {
    if (user) localStorage.setItem(KEY, JSON.stringify(user));
    else localStorage.removeItem(KEY);
  } catch {
    // private mode: the session still works until reload
  }
}

/** Confirm the session: the server's answer wins; without a `me` route, trust the cache. */
export async function confirmSession(api: Api, cached: User | null): Promise<User | null> {
  try {
    const r = await api.me();
    const user = UserSchema.safeParse("user" in r ? r.user : r);
    return user.success ? user.data : cached;
  } catch (e) {
    if (e instanceof ApiError && (e.status === 401 || e.status === 403)) return null;
    return cached;
  }
}

export function canAdmin(user: User): boolean {
  return user.role === "admin" || user.role === "manager";
}

/** Who captures with the browser extension, and so may pair one of their own. */
export function canCapture(user: User): boolean {
  return user.role === "admin" || user.role === "manager" || user.role === "marketer";
}

export function canEdit(user: User): boolean {
  return user.role === "admin" || user.role === "manager";
}
