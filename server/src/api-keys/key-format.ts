// The secret of an API key: `slk_` + 32 random bytes in base64url (47
// characters in all). The prefix lets secret scanners recognise a leaked key,
// and the shape lets the auth middleware send it to the key table: session
// and device tokens are bare 43-character base64url, so no token of theirs
// has this shape. Only the sha256 is stored (auth/tokens.ts), as for device
// tokens.
import { newToken } from "../auth/tokens.ts";

export const API_KEY_PREFIX = "slk_";
const SHAPE = /^slk_[A-Za-z0-9_-]{43}$/;

/** A new key secret, shown once. */
export const newApiKey = () => `${API_KEY_PREFIX}${newToken()}`;

/** Whether a bearer token is an API key (not a session or device token). */
export const isApiKey = (token: string) => SHAPE.test(token);

/** The last 4 characters: enough for an admin to tell keys apart, nothing to guess with. */
export const hintOf = (key: string) => key.slice(-4);
