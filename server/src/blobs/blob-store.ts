// Where photo bytes live: bytes by key ('media/<sha256>'). In the database by default; in
// S3-compatible object storage when configured, so that several server instances share one set of
// photos and the database does not carry their weight. What is known about a photo (its type, size,
// uploader) stays in the database either way: only the bytes move.

export interface BlobStore {
  /** Where the bytes are, for logs. */
  readonly description: string;
  /** Stores the bytes under key. Keys name their content, so storing a key again changes nothing. */
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  /**
   * The bytes under key, or undefined if there are none. Whole, not streamed: a photo is at most a
   * few MB, and holding it all before answering lets a storage failure become a clean 503 rather
   * than a response cut off halfway.
   */
  get(key: string): Promise<Uint8Array | undefined>;
  /** Removes the bytes under key (a deleted account's photos); a key not there is no error. */
  delete(key: string): Promise<void>;
}
