// Names of long-lived runtime ports. Kept apart from messages.ts so UI pages
// can import them without pulling zod into their bundles.

/** UI pages (side panel, popup, options) connect on this port for worker events. */
export const UI_PORT = "ui";
