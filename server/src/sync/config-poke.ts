// After a store or competitor change (which bumped the workspace version),
// poke listening devices so they pull the new config now.
import type { AppDeps } from "../app-deps.ts";

export async function pokeConfigChange(deps: AppDeps, workspaceId: string): Promise<void> {
  const ws = await deps.db.getWorkspace(workspaceId);
  if (ws) deps.notifier.notify(workspaceId, ws.version);
}
