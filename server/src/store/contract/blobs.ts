// Bytes kept in the database by key: what the default blob store (server/src/blobs/) writes to.
// Keys name their content (a photo's is its SHA-256), so a key once stored never changes meaning.

export interface BlobsRepo {
  /** Stores the bytes under key; if the key is there already, its bytes are the same and stay. */
  put(key: string, bytes: Uint8Array): Promise<void>;
  get(key: string): Promise<Uint8Array | undefined>;
  remove(key: string): Promise<void>;
}
