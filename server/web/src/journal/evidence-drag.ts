// Drag an observation from the timeline onto an insight card. The payload is
// the observation id under our own MIME type, so stray drops are ignored.
export const OBSERVATION_MIME = "application/x-sightline-observation";

export function startObservationDrag(e: DragEvent, observationId: string): void {
  if (!e.dataTransfer) return;
  e.dataTransfer.setData(OBSERVATION_MIME, observationId);
  e.dataTransfer.setData("text/plain", observationId);
  e.dataTransfer.effectAllowed = "link";
}

export function isObservationDrag(e: DragEvent): boolean {
  return !!e.dataTransfer && Array.from(e.dataTransfer.types).includes(OBSERVATION_MIME);
}

export function droppedObservation(e: DragEvent): string | undefined {
  const id = e.dataTransfer?.getData(OBSERVATION_MIME);
  return id || undefined;
}
