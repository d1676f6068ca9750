// A coloured channel label (web, event, store, feedback, import). Import
// observations show their source name, since each source counts on its own.
import { CHANNELS, type Channel } from "@sightline/shared/vocabulary/channels";
import { useI18n } from "../i18n/i18n.tsx";

type Props = { channel: string; source?: string | undefined };

export function ChannelBadge({ channel, source }: Props) {
  const { label } = useI18n();
  const known = Object.hasOwn(CHANNELS, channel) ? CHANNELS[channel as Channel] : undefined;
  const text = known ? label(known) : channel;
  return (
    <span
      class={`badge ch-${known ? channel : "other"}`}
      title={known ? label(known.description) : ""}
    >
      {source ? `${text} · ${source}` : text}
    </span>
  );
}
