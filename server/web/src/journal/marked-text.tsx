// A field's text with the search's matched words wrapped in <mark>: the
// server sends, per field, [start, end) ranges into the value it sent.
import type { TimelineMark } from "@sightline/shared/schema/timeline";

type Props = { text: string; ranges?: readonly TimelineMark[] | undefined };

export function MarkedText({ text, ranges }: Props) {
  if (!ranges?.length) return <>{text}</>;
  const sorted = [...ranges]
    .filter(([a, b]) => a >= 0 && b > a && a < text.length)
    .sort((x, y) => x[0] - y[0]);
  const parts: (string | preact.JSX.Element)[] = [];
  let at = 0;
  for (const [a, rawEnd] of sorted) {
    const start = Math.max(a, at);
    const end = Math.min(rawEnd, text.length);
    if (end <= start) continue;
    if (start > at) parts.push(text.slice(at, start));
    parts.push(<mark key={start}>{text.slice(start, end)}</mark>);
    at = end;
  }
  if (at < text.length) parts.push(text.slice(at));
  return <>{parts}</>;
}
