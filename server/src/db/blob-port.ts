// Content-addressed blobs (screenshots), per workspace, behind a port so an
// object store can replace the database table later.
export type Blob = { contentType: string; bytes: Uint8Array };

export interface Blobs {
  /** "created" for new bytes, "exists" when this workspace already has that hash. */
  put(workspaceId: string, sha256: string, blob: Blob): Promise<"created" | "exists">;
  get(workspaceId: string, sha256: string): Promise<Blob | null>;
}
