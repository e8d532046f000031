// Photo bytes in S3-compatible object storage (AWS S3, MinIO, Cloudflare R2, …): whichever server
// instance stored a photo, every other reads it from the same bucket. Unless credentials are given
// (tests do), the SDK finds them itself: AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, a profile, or
// the role of the machine it runs on.
import { DeleteObjectCommand, GetObjectCommand, HeadBucketCommand, NoSuchKey, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { BlobStore } from './blob-store.js';

export interface S3Settings {
  /** The storage server's address, e.g. https://s3.eu-central-1.amazonaws.com or http://minio:9000. */
  endpoint: string;
  bucket: string;
  region: string;
  credentials?: { accessKeyId: string; secretAccessKey: string };
}

export interface S3BlobStore extends BlobStore {
  /** Resolves if the bucket is there and may be used; else rejects with one line saying why. */
  checkBucket(): Promise<void>;
  close(): void;
}

export function createS3BlobStore({ endpoint, bucket, region, credentials }: S3Settings): S3BlobStore {
  const client = new S3Client({
    endpoint,
    region,
    credentials,
    // The bucket in the path, not in the host name: every S3-compatible server takes that, and a
    // private endpoint (http://minio:9000) has no DNS name per bucket.
    forcePathStyle: true,
    // A storage server that hangs must not hold requests for ever: they fail (503) and the device
    // sends the photo again at its next sync.
    requestHandler: { connectionTimeout: 3_000, requestTimeout: 15_000 },
    // Checksums only where S3 requires them: some S3-compatible servers refuse the extra checksum
    // headers the SDK now sends by default, and no call made here needs one.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  const where = `S3 bucket "${bucket}" at ${endpoint}`;
  return {
    description: where,

    async put(key, bytes, contentType) {
      await client.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: bytes, ContentType: contentType }));
    },

    async delete(key) {
      // S3 answers a delete of a missing key like any other.
      await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
    },
    async get(key) {
      try {
        const object = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
        return object.Body ? await object.Body.transformToByteArray() : new Uint8Array(0);
      } catch (error) {
        // Without s3:ListBucket permission S3 answers 403 for a missing key, not NoSuchKey; that one
        // propagates as a failure, which is what a permission mistake is.
        if (error instanceof NoSuchKey) return undefined;
        throw error;
      }
    },

    async checkBucket() {
      try {
        await client.send(new HeadBucketCommand({ Bucket: bucket }));
      } catch (error) {
        const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
        const why =
          status === 404
            ? 'there is no such bucket (create it first)'
            : status === 401 || status === 403
              ? 'the credentials were refused (check AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY)'
              : (error as Error).message;
        throw new Error(`Cannot use the ${where} for photos: ${why.replace(/\s+/g, ' ')}`);
      }
    },

    close: () => client.destroy(),
  };
}
