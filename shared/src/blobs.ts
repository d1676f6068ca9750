// Blobs: screenshots and event photos, content-addressed by their sha256 and
// uploaded before the observation that names them (PUT /v1/blobs/{sha256}).
// One cap for both sides: the server refuses a larger body (413), and the
// extension re-encodes or drops an image before it would be refused.

/** The largest blob the server takes, in bytes (5 MiB). */
export const MAX_BLOB_BYTES = 5 * 1024 * 1024;
