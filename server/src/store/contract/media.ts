// Listing photos by the SHA-256 of their bytes.
import type { MediaType } from '@dongne/shared';

export interface MediaInfo {
  hash: string;
  type: MediaType;
  width: number;
  height: number;
  size: number;
}

export interface MediaRepo {
  /** Stores a photo unless one with this hash is there; true when it was new. */
  put(media: MediaInfo & { bytes: Uint8Array; uploaderId: string; createdAt: number }): Promise<boolean>;
  get(hash: string): Promise<{ type: MediaType; bytes: Uint8Array } | undefined>;
  /** The photo bytes an account has stored, in all. */
  storedBy(uploaderId: string): Promise<number>;
  /** What is known about a photo, without its bytes. */
  info(hash: string): Promise<MediaInfo | undefined>;
  /** The given hashes the server has no photo for, each once, in the order given. */
  missing(hashes: readonly string[]): Promise<string[]>;
}
