// A date input's `YYYY-MM-DD` as the ISO-8601 instant (with this browser's
// offset) at the start or end of that local day — API times carry an offset.
function offsetOf(d: Date): string {
  const m = -d.getTimezoneOffset();
  const sign = m >= 0 ? "+" : "-";
  const a = Math.abs(m);
  return `${sign}${String(Math.floor(a / 60)).padStart(2, "0")}:${String(a % 60).padStart(2, "0")}`;
}

export function dayStartIso(day: string): string {
  return `${day}T00:00:00${offsetOf(new Date(`${day}T00:00:00`))}`;
}

export function dayEndIso(day: string): string {
  return `${day}T23:59:59.999${offsetOf(new Date(`${day}T23:59:59`))}`;
}

/** Back from an ISO instant to the `YYYY-MM-DD` a date input shows. */
export function isoToDay(iso: string | undefined): string {
  return iso ? iso.slice(0, 10) : "";
}
