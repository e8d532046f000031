// Listing photos by the SHA-256 of their bytes: what is known about each, and who uploaded it. The
// bytes themselves are in the blob store (server/src/blobs/), which may be outside the database.
import type { MediaType } from '@dongne/shared';

export interface MediaInfo {
  hash: string;
  type: MediaType;
  width: number;
  height: number;
  size: number;
}

export interface MediaRepo {
  /** Records a stored photo unless one with this hash is recorded; true when it was new. */
  put(media: MediaInfo & { uploaderId: string; createdAt: number }): Promise<boolean>;
  /** The photo bytes an account has stored, in all. */
  storedBy(uploaderId: string): Promise<number>;
  /** What is known about a photo, without its bytes. */
  info(hash: string): Promise<MediaInfo | undefined>;
  /** The given hashes the server has no photo for, each once, in the order given. */
  missing(hashes: readonly string[]): Promise<string[]>;
  /**
   * Forgets the photos an account uploaded that no one else's live listing or board post shows (bytes are
   * content-addressed: someone else may have sent the same ones); answers their hashes, whose bytes
   * the caller removes from the blob store.
   */
  removeUploadedBy(uploaderId: string): Promise<string[]>;
}
