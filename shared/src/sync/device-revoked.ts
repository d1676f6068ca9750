// The error a revoked device's write API throws: a manager disconnected this
// kiosk or extension, so a new write could never be sent; it is refused before
// anything is queued, and the UI says what happened and whom to ask. Matched by
// `name`, since comlink carries only name and message across the worker line.

export const DEVICE_REVOKED = "DeviceRevokedError";

export class DeviceRevokedError extends Error {
  constructor(message = "this device was disconnected by a manager; ask for a new pairing code") {
    super(message);
    this.name = DEVICE_REVOKED;
  }
}

export const isDeviceRevoked = (e: unknown): boolean =>
  e instanceof Error && e.name === DEVICE_REVOKED;
