// What a refused pairing or re-admission says, in the staff's language: a
// wrong, a used and an expired code each get their own message.
import type { PairError } from "../worker/api.ts";
import type { T } from "./i18n.tsx";

export function pairErrorMessage(
  t: T,
  error: PairError,
  at: { server: string; status?: number | undefined },
): string {
  switch (error) {
    case "code":
      // The server tells the three apart: unknown 404, used 409, expired 410.
      return at.status === 404
        ? t("pair.error.codeWrong")
        : at.status === 409
          ? t("pair.error.codeUsed")
          : at.status === 410
            ? t("pair.error.codeExpired")
            : t("pair.error.code");
    case "network":
      return t("pair.error.network", { server: at.server });
    case "url":
      return t("pair.error.url");
    case "pin":
      return t("pair.error.pinFormat");
    case "device-id-taken":
      return t("pair.error.device-id-taken");
    case "server":
      return t("pair.error.server", { status: at.status ?? "?" });
    default: {
      const never: never = error;
      return String(never);
    }
  }
}
