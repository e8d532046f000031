// A local S3-API server for tests: s3rver, in this process, on a free loopback port, over a temp
// directory, with one bucket made. It only speaks S3's API; production uses real S3-compatible
// storage (see the README). Tests only.
import S3rver from 's3rver';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { S3Settings } from '../blobs/s3-blob-store.js';

// On Node 20 the SDK warns once per process that its releases after January 2027 need Node 22: true,
// and why server/package.json pins it, but not news in every test run.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

/** The one key pair s3rver accepts. */
export const S3RVER_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

export interface TestS3Server {
  /** Settings for a blob store on the bucket made, credentials included. */
  settings: S3Settings;
  /** Stops answering (connections are refused from then on) and removes what was stored. */
  stop(): Promise<void>;
}

export async function startS3Server({ bucket = 'dongne-photos' }: { bucket?: string } = {}): Promise<TestS3Server> {
  const dir = mkdtempSync(join(tmpdir(), 'dongne-s3-'));
  const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory: dir, configureBuckets: [{ name: bucket, configs: [] }] });
  const { port } = await server.run();
  let stopped = false;
  return {
    settings: { endpoint: `http://127.0.0.1:${port}`, bucket, region: 'us-east-1', credentials: S3RVER_CREDENTIALS },
    async stop() {
      if (stopped) return;
      stopped = true;
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
