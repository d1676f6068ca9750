// Open UI pages (side panel, popup) hold a port named "ui" to the worker.
// The worker pushes small events through it so lists and the sync status
// refresh without polling; opening one is also a "panel opened" sync trigger.
import type { PortLike } from "../browser-api.ts";
import type { UiEvent } from "../messages.ts";

export type UiHub = {
  add(port: PortLike): void;
  emit(event: UiEvent): void;
  readonly size: number;
};

export function createUiHub(): UiHub {
  const ports = new Set<PortLike>();
  return {
    add(port) {
      ports.add(port);
      port.onDisconnect(() => ports.delete(port));
    },
    emit(event) {
      for (const p of ports) {
        try {
          p.postMessage(event);
        } catch {
          ports.delete(p);
        }
      }
    },
    get size() {
      return ports.size;
    },
  };
}
