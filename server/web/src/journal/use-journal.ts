// The open journal: the journal itself, its insights and its stats over the
// whole scope. Its observations come from the timeline query
// (use-timeline-query.ts).
import type { Api } from "../api/client.ts";
import type { JournalDetail } from "../api/types.ts";
import { useAsync } from "../ui/use-async.ts";

export function useJournal(api: Api, id: string) {
  const detail = useAsync((): Promise<JournalDetail> => api.journal(id), [api, id]);
  return { detail };
}
