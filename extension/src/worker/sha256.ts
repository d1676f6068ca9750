// Content addresses for blobs: lowercase hex SHA-256 (the server checks it
// on PUT /v1/blobs/:sha256). WebCrypto, available in workers and in Node.

export async function sha256Hex(bytes: Uint8Array | ArrayBuffer): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", bytes as BufferSource);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
}
