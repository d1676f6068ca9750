// The server lists at most LIST_CAP stores, competitors or people (issue 18:
// every response has a size bound) and says the exact total; when it left
// some out, the page says so instead of showing a silently short list.
import { useI18n } from "../i18n/i18n.tsx";
import { formatNumber } from "./format.ts";

type Capped = {
  items: readonly unknown[];
  total?: number | undefined;
  truncated?: boolean | undefined;
};

export function CapNote({ list }: { list: Capped | undefined }) {
  const { t, locale } = useI18n();
  if (!list?.truncated) return null;
  return (
    <p class="small muted" role="note" data-testid="cap-note">
      {t("list.capped", {
        shown: formatNumber(list.items.length, locale),
        total: formatNumber(list.total ?? list.items.length, locale),
      })}
    </p>
  );
}
