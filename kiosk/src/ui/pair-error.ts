// What a refused pairing or re-admission says, in the staff's language.
import type { PairError } from "../worker/api.ts";
import type { T } from "./i18n.tsx";

export function pairErrorMessage(
  t: T,
  error: PairError,
  at: { server: string; status?: number | undefined },
): string {
  switch (error) {
    case "code":
      return t("pair.error.code");
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
